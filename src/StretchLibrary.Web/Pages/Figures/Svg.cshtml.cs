using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;
using StretchLibrary.Web.Library.Content;

namespace StretchLibrary.Web.Pages.Figures;

/// <summary>One frame of a stretch's figures as a standalone SVG file, for other sites, apps and the API to link to.</summary>
public sealed class SvgModel(ContentStore content) : PageModel
{
    public IActionResult OnGet(string slug, string frame)
    {
        var drawn = content.Current.FindStretch(slug)?.Illustration?.Find(frame);
        if (drawn is null)
        {
            return NotFound();
        }

        // Figures change only when content does; a day is a fair trade between freshness and requests.
        Response.Headers[HeaderNames.CacheControl] = "public, max-age=86400";
        return Content(drawn.Svg, "image/svg+xml; charset=utf-8");
    }
}
