using System.Security.Cryptography;
using System.Text;
using StretchLibrary.Web.Platform.Data;

namespace StretchLibrary.Web.Platform.Caching;

/// <summary>
/// What the server does for the copies of pages the service worker (wwwroot/sw.js) keeps on a device.
/// <list type="bullet">
/// <item>Every HTML page says whose it is in <c>X-Offline-Key</c> (a hash of the user id, absent for anonymous
/// visitors). The worker keeps pages per key and drops the copies of any other key as soon as a page arrives
/// for someone else (a new sign-in, an expired one), so one user's pages never open for another.</item>
/// <item>A signed-in user's pages are <c>Cache-Control: private, no-cache</c>: no shared cache keeps them and
/// the browser's own cache always asks again. Pages marked <see cref="NoStoreAttribute"/> stay <c>no-store</c>.</item>
/// <item>Signing out and deleting the account send <c>Clear-Site-Data</c>, which empties the caches, the queue
/// of offline logs (IndexedDB) and the service worker of that browser.</item>
/// </list>
/// </summary>
public static class OfflineCopies
{
    public const string KeyHeader = "X-Offline-Key";

    /// <summary>Adds the headers above to HTML pages; runs after authentication.</summary>
    public static IApplicationBuilder UseOfflineCopies(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            if (http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true && http.User.UserId() is { } userId)
            {
                http.Response.Headers[KeyHeader] = KeyOf(userId);
                // A page marked [NoStore] keeps its stricter value.
                http.Response.SetCacheControl("private, no-cache");
            }

            return Task.CompletedTask;
        }, context);
        return next(context);
    });

    /// <summary>Tells the browser to forget this site's caches, storage and service worker on this device.</summary>
    public static void ClearOnThisDevice(HttpResponse response) => response.Headers["Clear-Site-Data"] = "\"cache\", \"storage\"";

    /// <summary>Opaque and stable per user: the first 16 bytes of SHA-256 of the id, in hex.</summary>
    public static string KeyOf(string userId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userId)).AsSpan(0, 16));
}
