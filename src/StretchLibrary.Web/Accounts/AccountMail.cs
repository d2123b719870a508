using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using MimeKit;
using StretchLibrary.Web.Platform.Security;

namespace StretchLibrary.Web.Accounts;

/// <summary>
/// The account messages: "confirm your email" and "reset your password", each with a one-time link made by
/// Identity's token providers, and "someone tried to register with your address". Every link is on the public
/// origin (<see cref="PublicLinks"/>). Messages are queued on the <see cref="MailOutbox"/>.
/// </summary>
public sealed class AccountMail(UserManager<AppUser> users, MailOutbox outbox, PublicLinks links, IOptions<EmailOptions> options)
{
    /// <summary>Queues a confirmation link (valid 3 days) to the user's address, if it has one and it is not confirmed yet.</summary>
    public async Task SendConfirmationAsync(AppUser user)
    {
        if (user.Email is not { Length: > 0 } email || user.EmailConfirmed)
        {
            return;
        }

        var link = Link("/Account/ConfirmEmail", user.Id, await users.GenerateEmailConfirmationTokenAsync(user));
        outbox.Enqueue(Message(email, "Confirm your email for StretchLibrary",
            $"""
            Hello,

            Please confirm that this address belongs to your StretchLibrary account by opening this link:

            {link}

            It works for 3 days. Once confirmed, you can reset your password by email if you ever forget it.

            If you did not make an account, you can ignore this message.
            """));
    }

    /// <summary>Queues a password reset link (valid <see cref="PasswordResetTokenProviderOptions.TokenLifespan"/>, once).</summary>
    public async Task SendPasswordResetAsync(AppUser user, TimeSpan lifespan)
    {
        if (user.Email is not { Length: > 0 } email)
        {
            return;
        }

        var link = Link("/Account/ResetPassword", user.Id, await users.GeneratePasswordResetTokenAsync(user));
        var hours = lifespan.TotalHours >= 1 ? $"{lifespan.TotalHours:0.#} hours" : $"{Math.Max(1, lifespan.TotalMinutes):0} minutes";
        outbox.Enqueue(Message(email, "Reset your StretchLibrary password",
            $"""
            Hello,

            Someone (we hope you) asked to reset the password of the StretchLibrary account for this address.
            To choose a new password, open this link:

            {link}

            It works once, for {hours}. Your routines and history stay as they are.

            If you did not ask for this, ignore this message: your password stays the same.
            """));
    }

    /// <summary>
    /// Tells an account's owner that someone tried to register with their address (registration answers the same
    /// either way, so the mail says what the page can't): if it was them, sign in or reset the password.
    /// </summary>
    public void SendRegistrationAttempt(AppUser owner)
    {
        if (owner.Email is not { Length: > 0 } email)
        {
            return;
        }

        outbox.Enqueue(Message(email, "Someone tried to create a StretchLibrary account with your address",
            $"""
            Hello,

            Someone (perhaps you) tried to create a StretchLibrary account with this address, which already has one.
            Nothing was changed: your password, routines and history stay as they are.

            If it was you, sign in with your password:

            {links.Page("/Account/Login")}

            Signing in from the browser you used moves the routines saved there into your account.
            Forgot the password? Choose a new one here:

            {links.Page("/Account/ForgotPassword")}

            If it was not you, you can ignore this message.
            """));
    }

    /// <summary>Identity's tokens hold '+', '/' and '='; links carry them base64url-encoded.</summary>
    public static string? DecodeCode(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private string Link(string pageName, string userId, string token) =>
        QueryHelpers.AddQueryString(links.Page(pageName), new Dictionary<string, string?> { ["user"] = userId, ["code"] = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token)) });

    private MimeMessage Message(string to, string subject, string text)
    {
        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = text } };
        message.From.Add(MailboxAddress.Parse(options.Value.From));
        message.To.Add(MailboxAddress.Parse(to));
        return message;
    }
}

/// <summary>Password reset links: their own lifetime (2 hours by default, <c>Accounts:ResetLinkLifetime</c>).</summary>
public sealed class PasswordResetTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public const string ProviderName = "PasswordReset";

    public PasswordResetTokenProviderOptions()
    {
        Name = ProviderName;
        TokenLifespan = TimeSpan.FromHours(2);
    }
}

/// <summary>
/// Identity's data-protection tokens with the reset lifetime. Like every such token it carries the user's
/// security stamp, which a reset changes: a link works once.
/// </summary>
public sealed class PasswordResetTokenProvider(IDataProtectionProvider dataProtection, IOptions<PasswordResetTokenProviderOptions> options, ILogger<DataProtectorTokenProvider<AppUser>> logger)
    : DataProtectorTokenProvider<AppUser>(dataProtection, options, logger);

public static class AccountMailServiceCollectionExtensions
{
    /// <summary>Email settings, the outbox and its sender, and Identity's token lifetimes for account mail.</summary>
    public static IServiceCollection AddAccountMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section)
            .Validate(o => MailboxAddress.TryParse(o.From, out _), "Email:From must be an address like StretchLibrary <no-reply@example.org>.")
            .Validate(o => o.Smtp.Port is > 0 and < 65536, "Email:Smtp:Port must be 1-65535.")
            .ValidateOnStart();
        services.AddSingleton<MailOutbox>();
        services.AddHostedService<MailDelivery>();
        services.AddScoped<AccountMail>();

        // Confirmation links last 3 days; reset links their own (shorter) time.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(3));
        services.AddOptions<PasswordResetTokenProviderOptions>().Configure(o =>
        {
            if (configuration.GetValue<TimeSpan?>("Accounts:ResetLinkLifetime") is { } lifetime && lifetime > TimeSpan.Zero)
            {
                o.TokenLifespan = lifetime;
            }
        });
        new IdentityBuilder(typeof(AppUser), typeof(IdentityRole), services).AddTokenProvider<PasswordResetTokenProvider>(PasswordResetTokenProviderOptions.ProviderName);
        services.Configure<IdentityOptions>(o => o.Tokens.PasswordResetTokenProvider = PasswordResetTokenProviderOptions.ProviderName);
        return services;
    }
}
