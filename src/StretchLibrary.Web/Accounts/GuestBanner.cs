namespace StretchLibrary.Web.Accounts;

/// <summary>
/// The "saving as a guest" banner can be dismissed; the choice is kept in a cookie of this browser (it says
/// nothing about the account, so it needs no protection beyond HttpOnly).
/// </summary>
public static class GuestBanner
{
    public const string CookieName = "stretchlibrary.banner";

    public static bool IsDismissed(HttpRequest request) =>
        request.Cookies.TryGetValue(CookieName, out var value) && value == "hidden";

    public static void Dismiss(HttpResponse response) => response.Cookies.Append(CookieName, "hidden", new CookieOptions
    {
        HttpOnly = true,
        Secure = response.HttpContext.Request.IsHttps,
        SameSite = SameSiteMode.Lax,
        Path = "/",
        MaxAge = TimeSpan.FromDays(365),
        IsEssential = true,
    });
}
