using System.Globalization;
using System.Text;

namespace StretchLibrary.Web.Routines.Export;

/// <summary>Every logged session as CSV (RFC 4180), one row per completion, safe to open in a spreadsheet.</summary>
public static class SessionsCsv
{
    public static readonly IReadOnlyList<string> Header = ["routine", "date", "completed_at_utc", "stretches", "pain_before", "pain_after", "note"];

    /// <summary>UTF-8 with a byte order mark, so spreadsheet apps read names and notes in any script correctly.</summary>
    public static byte[] Write(ExportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = new StringBuilder();
        AppendRow(text, Header);
        var sessions = document.Routines.SelectMany(r => r.Completions, (r, c) => (Routine: r.Name, Session: c))
            .OrderBy(s => s.Session.Date).ThenBy(s => s.Session.CompletedAtUtc);
        foreach (var (routine, session) in sessions)
        {
            AppendRow(text, [
                routine,
                session.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                session.CompletedAtUtc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                string.Join(';', session.Stretches),
                session.PainBefore?.ToString(CultureInfo.InvariantCulture) ?? "",
                session.PainAfter?.ToString(CultureInfo.InvariantCulture) ?? "",
                session.Note ?? "",
            ]);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>
    /// One field: text a spreadsheet would run as a formula (starting with = + - @, tab or carriage return) gets a
    /// leading apostrophe; fields with commas, quotes or line breaks are quoted, quotes doubled.
    /// </summary>
    public static string Cell(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static void AppendRow(StringBuilder text, IEnumerable<string> cells) =>
        text.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
}
