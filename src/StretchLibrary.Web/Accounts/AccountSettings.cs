using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using StretchLibrary.Web.Platform;
using StretchLibrary.Web.Platform.Security;

namespace StretchLibrary.Web.Accounts;

/// <summary>A signed-in user's change of password, as typed.</summary>
public sealed class PasswordChange
{
    [Required(ErrorMessage = "Enter your current password."), StringLength(PasswordPolicy.MaxLength)]
    [DataType(DataType.Password)]
    [Display(Name = "Current password")]
    public string Current { get; set; } = "";

    [Required(ErrorMessage = "Choose a new password."), StringLength(PasswordPolicy.MaxLength, MinimumLength = PasswordPolicy.MinLength, ErrorMessage = "Use at least {2} and at most {1} characters.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string New { get; set; } = "";
}

/// <summary>What the signed-in user changes about their own account: the password (keeping this sign-in) and the time zone.</summary>
public sealed class AccountSettings(UserManager<AppUser> users, SignInManager<AppUser> signIn)
{
    public const string UnknownZone = "Unknown time zone. Use a name like Europe/London or America/New_York.";

    /// <summary>
    /// Changes the password and renews this browser's sign-in (other sign-ins end). Empty when done; otherwise the
    /// problems, each with the <see cref="PasswordChange"/> field it belongs to.
    /// </summary>
    public async Task<IReadOnlyList<(string Field, string Problem)>> ChangePasswordAsync(ClaimsPrincipal principal, PasswordChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var user = (await users.GetUserAsync(principal))!;
        var result = await users.ChangePasswordAsync(user, change.Current, change.New);
        if (!result.Succeeded)
        {
            return [.. result.Errors.Select(e => (e.Code == "PasswordMismatch" ? nameof(PasswordChange.Current) : nameof(PasswordChange.New), e.Description))];
        }

        await signIn.RefreshSignInAsync(user);
        return [];
    }

    /// <summary>Stores the time zone (an IANA name); false, with nothing changed, for a zone this server does not know.</summary>
    public async Task<bool> SetTimeZoneAsync(ClaimsPrincipal principal, string? zone)
    {
        var user = (await users.GetUserAsync(principal))!;
        if (!LocalClock.IsKnownZone(zone))
        {
            return false;
        }

        user.TimeZoneId = zone!;
        await users.UpdateAsync(user);
        return true;
    }
}
