using System.Globalization;
using System.Text;
using StretchLibrary.Web.Routines.Export;

namespace StretchLibrary.Web.Clinic;

/// <summary>Weekly adherence of a clinician's patients as CSV: one row per patient per week, only for patients who share sessions.</summary>
public static class AdherenceCsv
{
    public static readonly IReadOnlyList<string> Header =
        ["patient", "program", "week_start", "sessions", "days_done", "weekly_target", "pain_before_avg", "pain_after_avg"];

    /// <summary>UTF-8 with a byte order mark, as the sessions CSV; cells made safe for spreadsheets (<see cref="SessionsCsv.Cell"/>).</summary>
    public static byte[] Write(IEnumerable<PatientProgress> patients)
    {
        ArgumentNullException.ThrowIfNull(patients);
        var text = new StringBuilder();
        AppendRow(text, Header);
        foreach (var patient in patients.Where(p => p.Shared))
        {
            foreach (var week in patient.Weeks)
            {
                AppendRow(text, [
                    patient.Link.PatientName,
                    patient.Record.ProgramName,
                    week.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    week.Sessions.ToString(CultureInfo.InvariantCulture),
                    week.DaysDone.ToString(CultureInfo.InvariantCulture),
                    patient.Record.WeeklyTarget?.ToString(CultureInfo.InvariantCulture) ?? "",
                    Pain(patient, week.PainBefore),
                    Pain(patient, week.PainAfter),
                ]);
            }
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Pain(PatientProgress patient, double? value) =>
        patient.Link.SharePain ? value?.ToString("0.0", CultureInfo.InvariantCulture) ?? "" : "";

    private static void AppendRow(StringBuilder text, IEnumerable<string> cells) =>
        text.AppendJoin(',', cells.Select(SessionsCsv.Cell)).Append("\r\n");
}
