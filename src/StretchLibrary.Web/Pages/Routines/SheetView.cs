using StretchLibrary.Web.Content;
using StretchLibrary.Web.Data;
using StretchLibrary.Web.Figures;

namespace StretchLibrary.Web.Pages.Routines;

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
    int Weeks)
{
    public static readonly IReadOnlyList<string> Days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    /// <param name="size"><c>large</c> for large print; anything else is normal.</param>
    /// <param name="weeks">2 for a two-week tick grid; anything else is one week.</param>
    public static SheetView Create(Routine routine, ContentSnapshot content, DateOnly printedOn, string onlineUrl, string backUrl, string? size, int? weeks)
    {
        var items = routine.Items.OrderBy(i => i.Position).Select(i => ItemView.From(i, content)).ToList();
        return new SheetView(
            routine.Name,
            [.. items.Where(i => i.Stretch is not null).Select(SheetItem.From)],
            items.Count(i => i.Stretch is null),
            printedOn,
            onlineUrl,
            backUrl,
            string.Equals(size, "large", StringComparison.OrdinalIgnoreCase),
            weeks == 2 ? 2 : 1);
    }
}

/// <summary>One stretch on a sheet: short enough that eight of them and the tick grid fit on one page.</summary>
public sealed record SheetItem(string Slug, string Title, string? Setup, IReadOnlyList<string> Steps, string Dosage, string? StopIf, bool PerSide, string? Note, IReadOnlyList<DrawnFrame>? Figures = null)
{
    public const int MaxSteps = 3;

    public const int MaxStepLength = 70;

    /// <summary>Words a cut step should not end on ("…back toward your heels to…").</summary>
    private static readonly HashSet<string> WeakEndings = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "so", "that", "the", "then",
        "to", "toward", "towards", "until", "while", "with", "without", "your",
    };

    /// <summary>From an item whose stretch is in the library, with the routine's dosage overrides applied.</summary>
    public static SheetItem From(ItemView item)
    {
        var stretch = item.Stretch ?? throw new ArgumentException("The stretch left the library; skip the item instead.", nameof(item));
        return new SheetItem(
            item.Slug,
            stretch.Title,
            stretch.Setup,
            [.. KeySteps(stretch).Select(s => Shorten(s))],
            item.Dosage!.Describe(),
            stretch.StopIf.Count > 0 ? stretch.StopIf[0] : null,
            item.Dosage.Sides is Sides.Each,
            item.Note,
            SheetFigures(stretch));
    }

    /// <summary>Up to two small frames: the first movement's start and end (the rest of a long set stays on the web page).</summary>
    public static IReadOnlyList<DrawnFrame> SheetFigures(Stretch stretch) =>
        stretch.Illustration is { } illustration ? [.. illustration.Frames.Take(2)] : [];

    /// <summary>
    /// The first steps after the starting position: where the sheet shows the set-up line, that line already says
    /// how to start (the first step, in every shipped stretch), so the room goes to the movement itself.
    /// </summary>
    public static IEnumerable<string> KeySteps(Stretch stretch) =>
        stretch.Steps.Skip(stretch.Setup is not null && stretch.Steps.Count > MaxSteps ? 1 : 0).Take(MaxSteps);

    /// <summary>
    /// A step cut to <paramref name="max"/> characters: at the end of a clause when one ends past half-way
    /// ("Pick a knee height that feels comfortable."), otherwise at a word, marked with "…".
    /// </summary>
    public static string Shorten(string step, int max = MaxStepLength)
    {
        step = step.Trim();
        if (step.Length <= max)
        {
            return step;
        }

        var clause = step.LastIndexOfAny([';', ','], max - 1);
        if (clause >= max / 2)
        {
            return step[..clause] + ".";
        }

        var words = step[..(max - 1)].Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipLast(1).ToList();
        while (words.Count > 1 && WeakEndings.Contains(words[^1].TrimEnd(',', ';')))
        {
            words.RemoveAt(words.Count - 1);
        }

        return string.Join(' ', words).TrimEnd(',', ';') + "…";
    }
}
