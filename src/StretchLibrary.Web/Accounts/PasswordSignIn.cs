using Microsoft.AspNetCore.Identity;

namespace StretchLibrary.Web.Accounts;

/// <summary>
/// Signing in with an email and password, answering alike, in words and in time, whether the password is wrong,
/// the address has no account or the account is locked: each checks one password hash.
/// </summary>
public sealed class PasswordSignIn(SignInManager<AppUser> signIn, UserManager<AppUser> users)
{
    /// <summary>The one answer to every failed sign-in.</summary>
    public const string Failed = "Email or password is wrong, or the account is temporarily locked. Try again later or reset your password.";

    private static string? _dummyHash;

    /// <summary>The account signed in to, or null (show <see cref="Failed"/>).</summary>
    public async Task<AppUser?> SignInAsync(string email, string password, bool persistent)
    {
        if (await users.FindByNameAsync(email) is { IsGuest: false } user && !await users.IsLockedOutAsync(user))
        {
            // Checks the hash, counts a failure towards the lockout (5 in a row: 15 minutes).
            var result = await signIn.PasswordSignInAsync(user, password, persistent, lockoutOnFailure: true);
            return result.Succeeded ? user : null;
        }

        // No such account, or a locked one: check the password against a hash anyway, so the answer takes as long.
        var hasher = users.PasswordHasher;
        var dummy = new AppUser();
        hasher.VerifyHashedPassword(dummy, _dummyHash ??= hasher.HashPassword(dummy, Guid.NewGuid().ToString()), password);
        return null;
    }
}
