using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StretchLibrary.Web.Accounts;

namespace StretchLibrary.Web.Platform.Security;

/// <summary>
/// Passwords (NIST SP 800-63B): at least 8 characters, no composition rules, long passphrases welcome, the most
/// common passwords refused; hashed with PBKDF2-HMAC-SHA512 at <see cref="HashIterations"/> iterations.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 8;

    /// <summary>Generous for passphrases, small enough that hashing one costs the same as any other.</summary>
    public const int MaxLength = 1024;

    /// <summary>OWASP's figure for PBKDF2-HMAC-SHA512; hashes made with fewer are upgraded at the next sign-in.</summary>
    public const int HashIterations = 210_000;

    internal static IServiceCollection AddPasswordPolicy(this IServiceCollection services)
    {
        services.Configure<PasswordHasherOptions>(hasher => hasher.IterationCount = HashIterations);
        // Keep Identity's own length rule next to ours, whichever of AddIdentity and this runs first.
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IPasswordValidator<AppUser>, PasswordValidator<AppUser>>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IPasswordValidator<AppUser>, CommonPasswordValidator>());

        return services;
    }
}

/// <summary>Refuses passwords from a list of the most common ones (case-insensitive), and overlong ones.</summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    private static readonly Lazy<FrozenSet<string>> Common = new(Load);

    public static int Count => Common.Value.Count;

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim());

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (password is null)
        {
            return Task.FromResult(IdentityResult.Success);
        }

        if (password.Length > PasswordPolicy.MaxLength)
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordTooLong", Description = $"Use at most {PasswordPolicy.MaxLength} characters." }));
        }

        if (IsCommon(password) || string.Equals(password.Trim(), user.Email, StringComparison.OrdinalIgnoreCase) || string.Equals(password.Trim(), user.UserName, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordTooCommon",
                Description = "That password is too easy to guess: it is one of the most common ones. Try a few unrelated words instead.",
            }));
        }

        return Task.FromResult(IdentityResult.Success);
    }

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("StretchLibrary.Web.Security.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-passwords.txt resource is missing from the build.");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                words.Add(line.Trim());
            }
        }

        return words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
