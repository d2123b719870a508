using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StretchLibrary.Web.Content;

namespace StretchLibrary.Web.Pages.Guides;

[OutputCache(PolicyName = LibraryCache.Policy)]
public sealed class IndexModel(ContentStore store) : PageModel
{
    public IReadOnlyList<Guide> Guides { get; private set; } = [];

    public void OnGet() => Guides = store.Current.Guides;
}
