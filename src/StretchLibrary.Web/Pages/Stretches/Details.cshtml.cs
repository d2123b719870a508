using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Platform.Caching;
using StretchLibrary.Web.Platform.Data;

namespace StretchLibrary.Web.Pages.Stretches;

[CacheForAnonymous]
public sealed class DetailsModel(ContentStore store, AppDbContext db) : PageModel
{
    public Stretch Stretch { get; private set; } = default!;

    public IReadOnlyList<Stretch> Related { get; private set; } = [];

    /// <summary>How many logged sessions included this stretch; null for anonymous visitors.</summary>
    public int? TimesDone { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var content = store.Current;
        if (content.FindStretch(slug) is not { } stretch)
        {
            return NotFound();
        }

        Stretch = stretch;
        Related = [.. stretch.Related.Select(content.FindStretch).OfType<Stretch>()];
        if (User.UserId() is { } userId)
        {
            TimesDone = await db.Completions.OwnedBy(userId).CountAsync(c => c.StretchSlugs.Contains(slug), cancellationToken);
        }

        return Page();
    }
}
