using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Library.Figures;

namespace StretchLibrary.Web.Routines;

/// <summary>
/// A printable routine sheet: the owner's (<c>/routines/{id}/sheet</c>) and a shared one (<c>/s/{token}/sheet</c>)
/// show the same thing. <see cref="Skipped"/> counts items whose stretch left the library.
/// </summary>
public sealed record SheetView(
    string RoutineName,
    IReadOnlyList<SheetItem> Items,
    int Skipped,
    DateOnly PrintedOn,
    string OnlineUrl,
    string BackUrl,
    bool Large,
    int Weeks,
    int? WeeklyTarget = null,
    SheetProgram? Program = null)
{
    /// <summary>"Aim for 5 days this week": the routine's weekly target as the suggestion it is.</summary>
    public string? TargetText => WeeklyTarget switch
    {
        null => null,
        var n => $"Aim for {n} {(n <= 7 ? (n == 1 ? "day" : "days") : "sessions")} {(Weeks == 2 ? "each week" : "this week")} (a suggestion: adjust it to suit you).",
    };

    public static readonly IReadOnlyList<string> Days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    /// <summary>For a routine following a clinician's program: "Dr Ana Lima, PT, Riverside Physio".</summary>
    public string? From { get; init; }

    /// <summary>For a routine following a clinician's program: "Updated on 6 December 2026: …", when it changed.</summary>
    public string? Updated { get; init; }

    /// <summary>The routine's notes (a clinician's instructions for a program); null for none.</summary>
    public string? Notes { get; init; }

    /// <param name="size"><c>large</c> for large print; anything else is normal.</param>
    /// <param name="weeks">2 for a two-week tick grid; anything else is one week.</param>
    public static SheetView Create(Routine routine, ContentSnapshot content, DateOnly printedOn, string onlineUrl, string backUrl, string? size, int? weeks)
    {
        var items = ItemView.ListOf(routine, content);
        return new SheetView(
            routine.Name,
            [.. items.Where(i => i.Stretch is not null).Select(SheetItem.From)],
            items.Count(i => i.Stretch is null),
            printedOn,
            onlineUrl,
            backUrl,
            string.Equals(size, "large", StringComparison.OrdinalIgnoreCase),
            weeks == 2 ? 2 : 1,
            routine.WeeklyTarget)
        {
            Notes = routine.Notes,
        };
    }
}

/// <summary>
/// A clinician's program sheet, printed for one invitation: who prescribed it, for whom, and the code the patient
/// can type at <see cref="JoinPage"/> (the address as printed, without its scheme) instead of scanning the sheet's QR
/// code (which opens the invitation link).
/// </summary>
public sealed record SheetProgram(string Clinician, string Clinic, string? Contact, string PatientName, string Code, string JoinPage);

/// <summary>
/// One stretch on a sheet: its cue lines (the stretch's <c>sheet</c> lines, written for paper and validated for
/// length, else its steps in full), the dosage with its note and alternative, every stop-if sign, and how many
/// boxes a day the tick grid gives it (one per daily session, each split L/R when done per side, or one box marked L or
/// R when prescribed for that side only).
/// </summary>
public sealed record SheetItem(
    string Slug,
    string Title,
    string? Subtitle,
    string? Setup,
    IReadOnlyList<string> Cues,
    string Dosage,
    string? DosageNote,
    string? Alternative,
    IReadOnlyList<string> StopIf,
    bool PerSide,
    int SessionsPerDay,
    string? Note,
    IReadOnlyList<DrawnFrame>? Figures = null,
    string? OnlySide = null)
{
    /// <summary>Steps printed when a stretch has no <c>sheet</c> lines.</summary>
    public const int MaxSteps = 3;

    /// <summary>From an item whose stretch is in the library, with the routine's dosage overrides applied.</summary>
    public static SheetItem From(ItemView item)
    {
        var stretch = item.Stretch ?? throw new ArgumentException("The stretch left the library; skip the item instead.", nameof(item));
        var dosage = item.Dosage!;
        return new SheetItem(
            item.Slug,
            stretch.Title,
            stretch.Subtitle,
            stretch.Setup,
            stretch.Sheet.Count > 0 ? stretch.Sheet : [.. KeySteps(stretch)],
            dosage.Describe(),
            dosage.Note,
            dosage.Alternative is { } alternative ? Lower(alternative.Describe()) + (alternative.Note is null ? "" : $". {alternative.Note}") : null,
            stretch.StopIf,
            dosage.BothSidesInTurn,
            DailySessions(dosage),
            item.Note,
            SheetFigures(stretch),
            dosage.OnlySide);
    }

    /// <summary>Up to two small frames: the first movement's start and end (the rest of a long set stays on the web page).</summary>
    public static IReadOnlyList<DrawnFrame> SheetFigures(Stretch stretch) =>
        stretch.Illustration is { } illustration ? [.. illustration.Frames.Take(2)] : [];

    /// <summary>
    /// The first steps after the starting position, in full: where the sheet shows the set-up line, that line
    /// already says how to start (the first step, in every shipped stretch).
    /// </summary>
    public static IEnumerable<string> KeySteps(Stretch stretch) =>
        stretch.Steps.Skip(stretch.Setup is not null && stretch.Steps.Count > MaxSteps ? 1 : 0).Take(MaxSteps);

    /// <summary>One box a day, or one per session for "2-3 times a day" (the upper end: a box can stay empty).</summary>
    public static int DailySessions(Dosage dosage) => Math.Max(dosage.PerDay?.Max ?? 1, 1);

    /// <summary>More sessions a day than boxes fit in a day's cell get a tally line instead.</summary>
    public const int MaxBoxesPerDay = 4;

    private static string Lower(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];
}
