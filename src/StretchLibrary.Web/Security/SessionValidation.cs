using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StretchLibrary.Web.Data;

namespace StretchLibrary.Web.Security;

/// <summary>
/// A real sign-out: signing out changes the account's security stamp, and every signed-in request compares the
/// stamp in its cookie with the stored one, so a copy of an old cookie stops working at once. This replaces
/// Identity's periodic validator, which at a zero interval would rebuild and re-issue the cookie on every
/// request; here the stamp comes from <see cref="UserFacts"/> (memory, refreshed whenever a user row
/// changes), and the cookie is left alone.
/// </summary>
internal static class SessionValidation
{
    internal static IServiceCollection AddSessionValidation(this IServiceCollection services) => services
        .ConfigureApplicationCookie(cookie => cookie.Events.OnValidatePrincipal = async context =>
        {
            var stampClaim = context.HttpContext.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
            var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
            var stamp = context.Principal?.FindFirstValue(stampClaim);
            var services = context.HttpContext.RequestServices;
            var current = userId is null ? null : (await services.GetRequiredService<UserFacts>()
                .GetAsync(services, userId, context.HttpContext.RequestAborted))?.SecurityStamp;
            if (current is null || current != stamp)
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            }
        });
}
