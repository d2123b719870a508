namespace StretchLibrary.Web.Library.Content;

/// <summary>The stretches a search and filters keep, in search order, as the list page and the API show them.</summary>
public sealed record FilteredStretches(IReadOnlyList<Stretch> Results, bool Partial, IReadOnlyDictionary<string, string> Complaints);

/// <summary>
/// A search of the library narrowed by area (category slug), position and equipment, as the stretch list and the
/// library API take them. Search first (it ranks), then keep what every filter allows; unknown filter values match
/// nothing.
/// </summary>
public sealed record StretchFilter(string? Query, string? Category, string? Position, string? Equipment)
{
    /// <summary>Equipment filter value for stretches that need nothing.</summary>
    public const string NoEquipment = "none";

    public const int MaxQueryLength = 100;

    /// <summary>The search as typed, trimmed and cut to <see cref="MaxQueryLength"/>; null when blank.</summary>
    public static string? CleanQuery(string? query) =>
        query?.Trim() is { Length: > 0 } q ? q[..Math.Min(q.Length, MaxQueryLength)] : null;

    /// <summary>The area the list is narrowed to, when the filter names a known one.</summary>
    public Category? Area => Enum.GetValues<Category>().Where(c => c.Slug() == Category?.ToLowerInvariant()).Cast<Category?>().FirstOrDefault();

    /// <summary>How many of the area, position and equipment filters are set (the search box is not one).</summary>
    public int Count => new[] { Category, Position, Equipment }.Count(v => !string.IsNullOrEmpty(v));

    /// <summary>A search or any filter narrows the list.</summary>
    public bool IsSet => !string.IsNullOrWhiteSpace(Query) || Category is not null || Position is not null || Equipment is not null;

    /// <summary>The stretch list's address with one filter changed (null removes it) and the others kept.</summary>
    public string LinkWith(string key, string? value)
    {
        var values = new Dictionary<string, string?>
        {
            ["q"] = Query,
            ["category"] = Category,
            ["position"] = Position,
            ["equipment"] = Equipment,
        };
        values[key] = value;
        return "/stretches" + QueryString.Create(values.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();
    }

    public FilteredStretches Apply(ContentSnapshot content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var search = string.IsNullOrWhiteSpace(Query) ? new SearchResults(content.Stretches, false) : content.Search.Search(Query);
        IEnumerable<Stretch> results = search.Stretches;
        if (!string.IsNullOrEmpty(Category))
        {
            results = results.Where(s => string.Equals(s.Category.Slug(), Category, StringComparison.OrdinalIgnoreCase));
        }

        if (!string.IsNullOrEmpty(Position))
        {
            results = results.Where(s => s.Positions.Any(p => p.Slug == Position));
        }

        if (Equipment == NoEquipment)
        {
            results = results.Where(s => s.Equipment.Count == 0);
        }
        else if (!string.IsNullOrEmpty(Equipment))
        {
            results = results.Where(s => s.Uses(Equipment));
        }

        IReadOnlyList<Stretch> kept = [.. results];
        return new(kept, search.Partial && kept.Count > 0, search.Complaints ?? new Dictionary<string, string>());
    }

    /// <summary>
    /// The ready-made routines to suggest beside the list: for a search, the ones it names; for an area, the ones
    /// that work on it; otherwise none.
    /// </summary>
    public IReadOnlyList<StarterRoutine> Starters(ContentSnapshot content) =>
        Query is not null ? StartersMatching(content, Query) : Category is null ? [] : StartersIn(content, Category);

    /// <summary>Starter routines with a stretch in the area.</summary>
    public static IReadOnlyList<StarterRoutine> StartersIn(ContentSnapshot content, string category)
    {
        ArgumentNullException.ThrowIfNull(content);
        return [.. content.Starters.Where(s => s.Items.Any(i => content.FindStretch(i.StretchSlug) is { } stretch
            && string.Equals(stretch.Category.Slug(), category, StringComparison.OrdinalIgnoreCase)))];
    }

    /// <summary>Starter routines whose title or summary holds a word of the search ("desk" finds the desk break).</summary>
    public static IReadOnlyList<StarterRoutine> StartersMatching(ContentSnapshot content, string query)
    {
        ArgumentNullException.ThrowIfNull(content);
        var words = SearchIndex.Tokenize(query).Where(w => !SearchIndex.IsSymptomWord(w)).ToHashSet(StringComparer.Ordinal);
        return [.. content.Starters.Where(s => SearchIndex.Tokenize($"{s.Title} {s.Summary}").Any(words.Contains))];
    }
}
