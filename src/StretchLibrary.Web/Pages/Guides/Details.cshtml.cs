using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Platform.Caching;

namespace StretchLibrary.Web.Pages.Guides;

[CacheForAnonymous]
public sealed class DetailsModel(ContentStore store) : PageModel
{
    public Guide Guide { get; private set; } = default!;

    public IReadOnlyList<Guide> Others { get; private set; } = [];

    public IActionResult OnGet(string slug)
    {
        var content = store.Current;
        if (content.FindGuide(slug) is not { } guide)
        {
            return NotFound();
        }

        Guide = guide;
        Others = [.. content.Guides.Where(g => g.Slug != slug)];
        return Page();
    }
}
