using Microsoft.AspNetCore.Mvc.RazorPages;
using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Platform.Caching;

namespace StretchLibrary.Web.Pages.Guides;

[CacheForAnonymous]
public sealed class IndexModel(ContentStore store) : PageModel
{
    public IReadOnlyList<Guide> Guides { get; private set; } = [];

    public void OnGet() => Guides = store.Current.Guides;
}
