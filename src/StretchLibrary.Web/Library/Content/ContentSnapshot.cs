using System.Collections.Frozen;

namespace StretchLibrary.Web.Library.Content;

/// <summary>Everything loaded from one pass over the content folder. Never changes once built.</summary>
public sealed class ContentSnapshot
{
    public ContentSnapshot(IEnumerable<Stretch> stretches, IEnumerable<Guide> guides, IReadOnlyList<ContentProblem> problems, IEnumerable<StarterRoutine>? starters = null)
    {
        Starters = [.. (starters ?? []).OrderBy(s => s.Order).ThenBy(s => s.Title, StringComparer.OrdinalIgnoreCase)];
        Stretches = [.. stretches.OrderBy(s => s.Category).ThenBy(s => s.Order).ThenBy(s => s.Title, StringComparer.OrdinalIgnoreCase)];
        Guides = [.. guides.OrderBy(g => g.Order).ThenBy(g => g.Title, StringComparer.OrdinalIgnoreCase)];
        Problems = problems;
        _stretchesBySlug = Stretches.ToFrozenDictionary(s => s.Slug, StringComparer.OrdinalIgnoreCase);
        _guidesBySlug = Guides.ToFrozenDictionary(g => g.Slug, StringComparer.OrdinalIgnoreCase);
        Search = new SearchIndex(Stretches);
        Positions = DistinctTags(Stretches.SelectMany(s => s.Positions));
        Equipment = DistinctTags(Stretches.SelectMany(s => s.Equipment.Concat(s.VariantEquipment)));
    }

    private readonly FrozenDictionary<string, Stretch> _stretchesBySlug;
    private readonly FrozenDictionary<string, Guide> _guidesBySlug;

    public static ContentSnapshot Empty { get; } = new([], [], []);

    /// <summary>All stretches, by category, then their order, then title.</summary>
    public IReadOnlyList<Stretch> Stretches { get; }

    public IReadOnlyList<Guide> Guides { get; }

    public IReadOnlyList<ContentProblem> Problems { get; }

    /// <summary>Ready-made routines people can copy.</summary>
    public IReadOnlyList<StarterRoutine> Starters { get; }

    public StarterRoutine? FindStarter(string slug) => Starters.FirstOrDefault(s => s.Slug == slug);

    public SearchIndex Search { get; }

    /// <summary>Every position used by some stretch, for filters.</summary>
    public IReadOnlyList<Tag> Positions { get; }

    public IReadOnlyList<Tag> Equipment { get; }

    public Stretch? FindStretch(string slug) => _stretchesBySlug.GetValueOrDefault(slug);

    public Guide? FindGuide(string slug) => _guidesBySlug.GetValueOrDefault(slug);

    private static Tag[] DistinctTags(IEnumerable<Tag> tags) =>
        [.. tags.DistinctBy(t => t.Slug).OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase)];
}
