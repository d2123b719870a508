using StretchLibrary.Web.Platform;
using StretchLibrary.Web.Platform.Caching;

namespace StretchLibrary.Web.Accounts;

/// <summary>
/// Who is asking, once per request: the signed-in user's id and time zone (set by <c>AppCookieEvents</c> when it
/// validates the sign-in cookie, from <see cref="UserFacts"/>) and their local date. Anonymous: no id, UTC.
/// </summary>
public sealed class CurrentUser(TimeProvider clock)
{
    private DateTimeOffset? _now;

    /// <summary>The signed-in user's id, or null for an anonymous visitor.</summary>
    public string? Id { get; private set; }

    /// <summary>The stored time zone (IANA id), or null for an anonymous visitor.</summary>
    public string? TimeZoneId { get; private set; }

    public TimeZoneInfo Zone => LocalClock.FindZone(TimeZoneId);

    /// <summary>The request's instant: one clock reading, so every date on a page agrees.</summary>
    public DateTimeOffset Now => _now ??= clock.GetUtcNow();

    /// <summary><paramref name="instant"/> on the user's clock (for printing a stored UTC time).</summary>
    public DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The user's calendar date now.</summary>
    public DateOnly Today => LocalClock.Today(Now, Zone);

    /// <summary>Whether the signed-in account has a clinician profile (and so a clinic workspace).</summary>
    public bool IsClinician { get; private set; }

    /// <summary>True when this request's sign-in cookie was refused because the password changed since it was issued.</summary>
    public bool SignedOutByNewPassword { get; private set; }

    internal void PasswordChanged() => SignedOutByNewPassword = true;

    internal void SignedIn(string userId, UserFact fact) => (Id, TimeZoneId, IsClinician) = (userId, fact.TimeZoneId, fact.IsClinician);
}
