using Microsoft.AspNetCore.Identity;

namespace StretchLibrary.Web.Accounts;

/// <summary>Why a new password from a reset link was not set: the link no longer works, or the password's problems.</summary>
public sealed record ResetRefused(bool LinkWorks, string[] Problems);

/// <summary>Choosing a new password from an emailed link (see <see cref="AccountMail"/>); only accounts, never guests.</summary>
public sealed class PasswordReset(UserManager<AppUser> users)
{
    /// <summary>The account and the reset token a link names, or null when it names no account or holds no token.</summary>
    public async Task<(AppUser User, string Token)?> ReadLinkAsync(string? userId, string? code) =>
        userId is { Length: > 0 } && await users.FindByIdAsync(userId) is { IsGuest: false } user && AccountMail.DecodeCode(code) is { } token
            ? (user, token)
            : null;

    /// <summary>The link names an account and its token is still good (not expired, not used).</summary>
    public async Task<bool> LinkWorksAsync(string? userId, string? code) =>
        await ReadLinkAsync(userId, code) is var (user, token)
        && await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<AppUser>.ResetPasswordTokenPurpose, token);

    /// <summary>Sets the new password, or says why not.</summary>
    public async Task<ResetRefused?> ResetAsync(AppUser user, string token, string password)
    {
        ArgumentNullException.ThrowIfNull(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            const string invalidToken = nameof(IdentityErrorDescriber.InvalidToken);
            return new(!result.Errors.Any(e => e.Code == invalidToken), [.. result.Errors.Where(e => e.Code != invalidToken).Select(e => e.Description)]);
        }

        // The link came through the mailbox, so the address is the user's; a forgotten password also ends a lockout.
        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return null;
    }
}
