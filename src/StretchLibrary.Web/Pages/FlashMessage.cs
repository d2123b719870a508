using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace StretchLibrary.Web.Pages;

/// <summary>
/// One-time values carried across a redirect in TempData: the message the layout shows ("Renamed to …") and the
/// sheet's new share token. Written only when there is one, and read (<see cref="Take"/>) only when TempData's
/// cookie came with the request: loading TempData otherwise makes the response delete a cookie that is not there,
/// and a response that sets a cookie is never kept by the page cache.
/// </summary>
public static class FlashMessage
{
    public const string Key = "Message";

    /// <summary>The value kept under <paramref name="key"/> by the request before, or null; taking it removes it.</summary>
    public static string? Take(HttpContext context, ITempDataDictionary tempData, string key)
    {
        var cookie = context.RequestServices.GetRequiredService<IOptions<CookieTempDataProviderOptions>>().Value.Cookie.Name!;
        return context.Request.Cookies.Keys.Any(k => k.StartsWith(cookie, StringComparison.Ordinal)) ? tempData[key] as string : null;
    }

    public static void Flash(this PageModel page, string? message)
    {
        if (message is not null)
        {
            page.TempData[Key] = message;
        }
    }
}
