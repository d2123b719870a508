using Microsoft.AspNetCore.Mvc.RazorPages;

namespace StretchLibrary.Web.Pages;

/// <summary>
/// The one-time message the layout shows after a redirect ("Renamed to …"). Written to TempData only when there
/// is one: a <c>[TempData]</c> property would load TempData on every GET, and the response would then delete its
/// cookie each time, which also keeps the page out of the page cache.
/// </summary>
public static class FlashMessage
{
    public const string Key = "Message";

    public static void Flash(this PageModel page, string? message)
    {
        if (message is not null)
        {
            page.TempData[Key] = message;
        }
    }
}
