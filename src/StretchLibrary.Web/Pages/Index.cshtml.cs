using Microsoft.AspNetCore.Mvc.RazorPages;
using StretchLibrary.Web.Caching;
using StretchLibrary.Web.Content;

namespace StretchLibrary.Web.Pages;

[CacheForAnonymous]
public sealed class IndexModel(ContentStore store) : PageModel
{
    public IReadOnlyList<(Category Category, int Count)> Categories { get; private set; } = [];

    /// <summary>The first stretch of each category: a short set to begin with.</summary>
    public IReadOnlyList<Stretch> StartHere { get; private set; } = [];

    public IReadOnlyList<Guide> Guides { get; private set; } = [];

    public void OnGet()
    {
        var content = store.Current;
        Categories = [.. Enum.GetValues<Category>().Select(c => (c, content.Stretches.Count(s => s.Category == c)))];
        StartHere = [.. content.Stretches.GroupBy(s => s.Category).Select(g => g.First())];
        Guides = content.Guides;
    }
}
