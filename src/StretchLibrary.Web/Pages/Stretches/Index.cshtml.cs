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

    /// <summary>The search (cleaned) and filters as asked for.</summary>
    public StretchFilter Filter { get; private set; } = new(null, null, null, null);

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

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Library = store.Current;
        Query = StretchFilter.CleanQuery(Query);
        Filter = new StretchFilter(Query, Category, Position, Equipment);
        (Results, PartialMatch, Complaints) = Filter.Apply(Library);
        // An area's list suggests the ready-made routines that work on that area; a search, the ones it names.
        Starters = Filter.Starters(Library);
        Target = await PickTarget.LoadAsync(db, User.UserId(), Routine, cancellationToken);
        Picker = Target?.ForCards(HttpContext, antiforgery);
    }

    public string TagName(IReadOnlyList<Tag> tags, string slug) => tags.FirstOrDefault(t => t.Slug == slug)?.Name ?? slug;
}
