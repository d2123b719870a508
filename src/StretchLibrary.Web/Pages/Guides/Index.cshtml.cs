using Microsoft.AspNetCore.Mvc.RazorPages;
using StretchLibrary.Web.Content;

namespace StretchLibrary.Web.Pages.Guides;

public sealed class IndexModel(ContentStore store) : PageModel
{
    public IReadOnlyList<Guide> Guides { get; private set; } = [];

    public void OnGet() => Guides = store.Current.Guides;
}
