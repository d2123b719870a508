using Microsoft.AspNetCore.Mvc;

namespace StretchLibrary.Web.Platform.Security;

/// <summary>
/// Names and flags of the app's cookies. Over HTTPS they carry the <c>__Host-</c> prefix, which the browser only
/// accepts with <c>Secure</c>, <c>Path=/</c> and no <c>Domain</c>: nothing on another subdomain or plain HTTP can
/// set or overwrite them.
/// </summary>
public static class AppCookies
{
    public const string AuthName = "stretchlibrary.auth";

    public const string AntiforgeryName = "stretchlibrary.af";

    public const string TempDataName = "stretchlibrary.msg";

    public const string HostPrefix = "__Host-";

    internal static IServiceCollection AddAppCookies(this IServiceCollection services, bool httpsOnly)
    {
        var prefix = httpsOnly ? HostPrefix : "";
        var secure = httpsOnly ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

        // The sign-in cookie is configured here and nowhere else.
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.AccessDeniedPath = "/account/login";
            cookie.ExpireTimeSpan = TimeSpan.FromDays(365);
            cookie.SlidingExpiration = true;
            cookie.Cookie.Name = prefix + AuthName;
            cookie.Cookie.SecurePolicy = secure;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.Path = "/";
            // Every hook (validation, sign-in, sign-out) lives in one class: see AppCookieEvents.
            cookie.EventsType = typeof(AppCookieEvents);
        });

        services.AddScoped<AppCookieEvents>();
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = prefix + AntiforgeryName;
            antiforgery.Cookie.SecurePolicy = secure;
            antiforgery.Cookie.HttpOnly = true;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.Path = "/";
        });

        // The flash message ("Added … to “My routine”") travels in a cookie between a POST and its redirect.
        services.Configure<CookieTempDataProviderOptions>(tempData =>
        {
            tempData.Cookie.Name = prefix + TempDataName;
            tempData.Cookie.SecurePolicy = secure;
            tempData.Cookie.HttpOnly = true;
            tempData.Cookie.SameSite = SameSiteMode.Lax;
            tempData.Cookie.Path = "/";
        });
        return services;
    }
}
