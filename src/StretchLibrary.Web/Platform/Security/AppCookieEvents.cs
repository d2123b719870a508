using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Platform.Caching;

namespace StretchLibrary.Web.Platform.Security;

/// <summary>
/// The only handler of the sign-in cookie's events (<c>EventsType</c>; setting <c>cookie.Events.OnX</c> anywhere
/// else would be ignored or silently replace a hook, so every hook lives here):
/// <list type="bullet">
/// <item>Validating: a real sign-out. Signing out changes the account's security stamp, and every signed-in request
/// compares the stamp in its cookie with the stored one (from <see cref="UserFacts"/>, memory), so a copy of an old
/// cookie stops working at once; the same row gives <see cref="CurrentUser"/> its time zone. This replaces
/// Identity's periodic validator, which at a zero interval would re-issue the cookie on every request. A cookie
/// refused because the password changed (its password version differs from the row's) sets
/// <see cref="CurrentUser.SignedOutByNewPassword"/>, so the page says why the person is signed out (or, when the
/// page needs a sign-in, the sign-in page it redirects to).</item>
/// <item>Signing in or out: a new antiforgery session (tokens from before stop working, and so do the user's cached
/// pages, which are kept per antiforgery cookie). Signing in also writes the password version into the cookie.</item>
/// </list>
/// </summary>
public sealed class AppCookieEvents(
    UserFacts facts,
    CurrentUser currentUser,
    IOptions<IdentityOptions> identity,
    IOptions<AntiforgeryOptions> antiforgery) : CookieAuthenticationEvents
{
    /// <summary>The claim holding <see cref="UserFact.PasswordVersion"/> as it was at sign-in.</summary>
    public const string PasswordVersionClaim = "pwv";

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = context.Principal?.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        var fact = userId is null ? null
            : await facts.GetAsync(context.HttpContext.RequestServices, userId, context.HttpContext.RequestAborted);
        if (fact?.SecurityStamp is null || fact.SecurityStamp != stamp)
        {
            if (fact is not null && context.Principal!.FindFirstValue(PasswordVersionClaim) is { } version && version != fact.PasswordVersion)
            {
                currentUser.PasswordChanged();
            }

            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        currentUser.SignedIn(userId!, fact);
    }

    public override async Task SigningIn(CookieSigningInContext context)
    {
        ForgetAntiforgeryCookie(context.HttpContext);
        if (context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId && context.Principal.Identity is ClaimsIdentity identity
            && await facts.GetAsync(context.HttpContext.RequestServices, userId, context.HttpContext.RequestAborted) is { PasswordVersion: { } version })
        {
            identity.AddClaim(new Claim(PasswordVersionClaim, version));
        }
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        // A page that needs a sign-in sends there instead of showing the notice: the sign-in page shows it.
        if (currentUser.SignedOutByNewPassword)
        {
            context.RedirectUri = Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(context.RedirectUri, "ended", "password");
        }

        return base.RedirectToLogin(context);
    }

    public override Task SigningOut(CookieSigningOutContext context)
    {
        ForgetAntiforgeryCookie(context.HttpContext);
        return Task.CompletedTask;
    }

    private void ForgetAntiforgeryCookie(HttpContext context)
    {
        var cookie = antiforgery.Value.Cookie;
        context.Response.Cookies.Delete(cookie.Name!, cookie.Build(context));
    }
}
