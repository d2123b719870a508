using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StretchLibrary.Web.Caching;
using StretchLibrary.Web.Content;

namespace StretchLibrary.Web.Pages.Stretches;

[CacheForAnonymous]
public sealed class IndexModel(ContentStore store) : PageModel
{
    /// <summary>Equipment filter value for stretches that need nothing.</summary>
    public const string NoEquipment = "none";

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Position { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Equipment { get; set; }

    public ContentSnapshot Library { get; private set; } = ContentSnapshot.Empty;

    public IReadOnlyList<Stretch> Results { get; private set; } = [];

    /// <summary>No stretch matched every word of the search; the results match some of them.</summary>
    public bool PartialMatch { get; private set; }

    /// <summary>The area the list is narrowed to, when the filter names a known one.</summary>
    public Category? Area => Enum.GetValues<Category>().Where(c => CategoryText.Slug(c) == Category?.ToLowerInvariant()).Cast<Category?>().FirstOrDefault();

    public bool IsFiltered => !string.IsNullOrWhiteSpace(Query) || Category is not null || Position is not null || Equipment is not null;

    public void OnGet()
    {
        Library = store.Current;
        Query = Query?.Trim() is { Length: > 0 } q ? q[..Math.Min(q.Length, 100)] : null;
        (Results, PartialMatch) = Filter(Library, Query, Category, Position, Equipment);
    }

    /// <summary>Search first (it ranks), then keep what every filter allows. Unknown filter values match nothing.</summary>
    public static (IReadOnlyList<Stretch> Results, bool Partial) Filter(ContentSnapshot content, string? query, string? category, string? position, string? equipment)
    {
        var search = string.IsNullOrWhiteSpace(query) ? new SearchResults(content.Stretches, false) : content.Search.Search(query);
        IEnumerable<Stretch> results = search.Stretches;
        if (!string.IsNullOrEmpty(category))
        {
            results = results.Where(s => string.Equals(CategoryText.Slug(s.Category), category, StringComparison.OrdinalIgnoreCase));
        }

        if (!string.IsNullOrEmpty(position))
        {
            results = results.Where(s => s.Positions.Any(p => p.Slug == position));
        }

        if (equipment == NoEquipment)
        {
            results = results.Where(s => s.Equipment.Count == 0);
        }
        else if (!string.IsNullOrEmpty(equipment))
        {
            results = results.Where(s => s.Uses(equipment));
        }

        IReadOnlyList<Stretch> kept = [.. results];
        return (kept, search.Partial && kept.Count > 0);
    }

    /// <summary>This page's address with one filter changed (null removes it) and the others kept.</summary>
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
        var query = QueryString.Create(values.Where(kv => !string.IsNullOrEmpty(kv.Value)));
        return "/stretches" + query.ToUriComponent();
    }

    public string TagName(IReadOnlyList<Tag> tags, string slug) => tags.FirstOrDefault(t => t.Slug == slug)?.Name ?? slug;
}
