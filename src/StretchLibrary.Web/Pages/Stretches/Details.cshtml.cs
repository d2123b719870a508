using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StretchLibrary.Web.Content;

namespace StretchLibrary.Web.Pages.Stretches;

public sealed class DetailsModel(ContentStore store) : PageModel
{
    public Stretch Stretch { get; private set; } = default!;

    public IReadOnlyList<Stretch> Related { get; private set; } = [];

    public IActionResult OnGet(string slug)
    {
        var content = store.Current;
        if (content.FindStretch(slug) is not { } stretch)
        {
            return NotFound();
        }

        Stretch = stretch;
        Related = [.. stretch.Related.Select(content.FindStretch).OfType<Stretch>()];
        return Page();
    }
}
