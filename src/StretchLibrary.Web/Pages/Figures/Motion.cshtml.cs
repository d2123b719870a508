using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;
using StretchLibrary.Web.Library.Content;

namespace StretchLibrary.Web.Pages.Figures;

/// <summary>One in-between drawing of a stretch's animation (decorative: the still frames carry the text).</summary>
public sealed class MotionModel(ContentStore content) : PageModel
{
    public IActionResult OnGet(string slug, int index)
    {
        var motion = content.Current.FindStretch(slug)?.Illustration?.Motion;
        if (motion is null || index < 0 || index >= motion.Count)
        {
            return NotFound();
        }

        Response.Headers[HeaderNames.CacheControl] = "public, max-age=86400";
        return Content(motion[index], "image/svg+xml; charset=utf-8");
    }
}
