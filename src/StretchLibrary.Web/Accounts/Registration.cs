using Microsoft.AspNetCore.Identity;

namespace StretchLibrary.Web.Accounts;

/// <summary>
/// Creates an account, or tells the owner of a taken address by mail: the answer is "check your email" either way,
/// in the same time (one password hash), so it does not tell whether an address has an account.
/// </summary>
public sealed class Registration(UserManager<AppUser> users, AccountMail mail, TimeProvider clock)
{
    /// <summary>Why the address and password are refused (the password's rules first); empty means "check your email".</summary>
    public async Task<IReadOnlyList<IdentityError>> RegisterAsync(string email, string password)
    {
        email = email.Trim();
        var now = clock.GetUtcNow();
        var account = new AppUser { UserName = email, Email = email, CreatedAt = now, LastSeenAt = now };
        // The password rules read only what was typed, so they answer alike for a taken address.
        if (await CheckPasswordAsync(account, password) is { Count: > 0 } weak)
        {
            return weak;
        }

        if (await users.FindByNameAsync(email) is { } owner)
        {
            // As long as creating an account takes (its cost is the hash); the owner hears of it by mail.
            users.PasswordHasher.HashPassword(account, password);
            mail.SendRegistrationAttempt(owner);
            return [];
        }

        var result = await users.CreateAsync(account, password);
        if (result.Succeeded)
        {
            await mail.SendConfirmationAsync(account);
            return [];
        }

        // A name taken meanwhile by a racing registration gets the answer of any taken address.
        return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName)) ? [] : [.. result.Errors];
    }

    private async Task<List<IdentityError>> CheckPasswordAsync(AppUser account, string password)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(users, account, password)).Errors);
        }

        return errors;
    }
}
