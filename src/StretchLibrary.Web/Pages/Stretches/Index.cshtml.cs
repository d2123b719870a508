using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StretchLibrary.Web.Components;
using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Platform.Caching;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Routines;

namespace StretchLibrary.Web.Pages.Stretches;

/// <summary>
/// The library, searched and filtered. Anonymous visitors get the same cached page; a visitor with routines gets
/// cards that add to (and remove from) one of them in place, and are never cached here.
/// </summary>
[CacheForAnonymous]
public sealed class IndexModel(ContentStore store, AppDbContext db, IAntiforgery antiforgery) : PageModel
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

    /// <summary>The routine the cards add to (from "Add more stretches"); the last one changed when not given.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Routine { get; set; }

    public ContentSnapshot Library { get; private set; } = ContentSnapshot.Empty;

    public PickTarget? Target { get; private set; }

    public CardPicker? Picker { get; private set; }

    /// <summary>This page's own address, for "Add to routine" to come back to.</summary>
    public string ListUrl => Request.Path + Request.QueryString;

    /// <summary>Ready-made routines with a stretch in the chosen area, when the list is that area's.</summary>
    public IReadOnlyList<StarterRoutine> Starters { get; private set; } = [];

    public IReadOnlyList<Stretch> Results { get; private set; } = [];

    /// <summary>No stretch matched every word of the search; the results match some of them.</summary>
    public bool PartialMatch { get; private set; }

    /// <summary>By slug, the complaint line each result matched, in the stretch's own words.</summary>
    public IReadOnlyDictionary<string, string> Complaints { get; private set; } = new Dictionary<string, string>();

    /// <summary>The area the list is narrowed to, when the filter names a known one.</summary>
    public Category? Area => Enum.GetValues<Category>().Where(c => CategoryText.Slug(c) == Category?.ToLowerInvariant()).Cast<Category?>().FirstOrDefault();

    /// <summary>How many of the area, position and equipment filters are set (the search box is not one).</summary>
    public int FilterCount => new[] { Category, Position, Equipment }.Count(v => !string.IsNullOrEmpty(v));

    public bool IsFiltered => !string.IsNullOrWhiteSpace(Query) || Category is not null || Position is not null || Equipment is not null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Library = store.Current;
        Query = Query?.Trim() is { Length: > 0 } q ? q[..Math.Min(q.Length, 100)] : null;
        (Results, PartialMatch, Complaints) = Filter(Library, Query, Category, Position, Equipment);
        // An area's list suggests the ready-made routines that work on that area; a search, the ones it names.
        Starters = Query is not null ? StartersMatching(Library, Query) : Category is null ? [] : StartersIn(Library, Category);
        Target = await PickTarget.LoadAsync(db, User.UserId(), Routine, cancellationToken);
        Picker = Target?.ForCards(HttpContext, antiforgery);
    }

    public static IReadOnlyList<StarterRoutine> StartersIn(ContentSnapshot content, string category) =>
        [.. content.Starters.Where(s => s.Items.Any(i => content.FindStretch(i.StretchSlug) is { } stretch
            && string.Equals(CategoryText.Slug(stretch.Category), category, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>Starter routines whose title or summary holds a word of the search ("desk" finds the desk break).</summary>
    public static IReadOnlyList<StarterRoutine> StartersMatching(ContentSnapshot content, string query)
    {
        var words = SearchIndex.Tokenize(query).Where(w => !SearchIndex.IsSymptomWord(w)).ToHashSet(StringComparer.Ordinal);
        return [.. content.Starters.Where(s => SearchIndex.Tokenize($"{s.Title} {s.Summary}").Any(words.Contains))];
    }

    /// <summary>Search first (it ranks), then keep what every filter allows. Unknown filter values match nothing.</summary>
    public static (IReadOnlyList<Stretch> Results, bool Partial, IReadOnlyDictionary<string, string> Complaints) Filter(ContentSnapshot content, string? query, string? category, string? position, string? equipment)
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
        return (kept, search.Partial && kept.Count > 0, search.Complaints ?? new Dictionary<string, string>());
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
