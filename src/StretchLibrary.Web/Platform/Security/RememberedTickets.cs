using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace StretchLibrary.Web.Platform.Security;

/// <summary>
/// Decrypting the sign-in cookie (AES and HMAC through Data Protection) is most of the cost of a signed-in page
/// served from the page cache. The same cookie string always decrypts to the same ticket, so successful results
/// are kept for a while, keyed by the exact string, and each caller gets its own copy. Expiry and the security
/// stamp are still checked on every request by the cookie handler and <see cref="AppCookieEvents"/>.
/// </summary>
internal sealed class RememberedTickets(ISecureDataFormat<AuthenticationTicket> inner, TimeProvider clock) : ISecureDataFormat<AuthenticationTicket>
{
    private const int MaxTickets = 50_000;
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, (AuthenticationTicket Ticket, DateTimeOffset Until)> _tickets = new(StringComparer.Ordinal);

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, purpose: null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null || purpose is not null)
        {
            return inner.Unprotect(protectedText, purpose);
        }

        var now = clock.GetUtcNow();
        if (_tickets.TryGetValue(protectedText, out var kept) && kept.Until > now)
        {
            return Copy(kept.Ticket);
        }

        if (inner.Unprotect(protectedText) is not { } ticket)
        {
            return null;
        }

        if (_tickets.Count >= MaxTickets)
        {
            _tickets.Clear();
        }

        _tickets[protectedText] = (ticket, now + KeepFor);
        return Copy(ticket);
    }

    private static AuthenticationTicket Copy(AuthenticationTicket ticket) =>
        new(ticket.Principal.Clone(), ticket.Properties.Clone(), ticket.AuthenticationScheme);
}

internal static class RememberedTicketsExtensions
{
    internal static IServiceCollection AddRememberedTickets(this IServiceCollection services)
    {
        // After the cookie handler's own post-configuration, which creates the default format.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .PostConfigure<TimeProvider>((cookie, clock) => cookie.TicketDataFormat = new RememberedTickets(cookie.TicketDataFormat, clock));
        return services;
    }
}

