using Microsoft.AspNetCore.Identity;

namespace StretchLibrary.Web.Accounts;

public sealed class AppUser : IdentityUser
{
    /// <summary>Created behind the scenes when a visitor first saves something; claimed by adding an email and password.</summary>
    public bool IsGuest { get; set; }

    /// <summary>The zone of an account nobody has told the time zone of yet.</summary>
    public const string DefaultTimeZone = "UTC";

    /// <summary>IANA time zone used for "today" and weeks; UTC until the browser or the user says otherwise.</summary>
    public string TimeZoneId { get; set; } = DefaultTimeZone;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }
}
