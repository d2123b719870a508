using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using StretchLibrary.Web.Tests.Pages.Routines;

namespace StretchLibrary.Web.Tests.Pages.Account;

/// <summary>Email confirmation and password reset, with the app sending to a real SMTP server on loopback.</summary>
public sealed partial class AccountRecoveryTests : IDisposable
{
    private const string Password = "correct horse battery";
    private const string NewPassword = "purple elephant teapot";

    private readonly SmtpListener _smtp = new();
    private readonly LibraryFactory _factory = new();

    public AccountRecoveryTests()
    {
        foreach (var (key, value) in _smtp.Settings)
        {
            _factory.Settings[key] = value;
        }
    }

    public void Dispose()
    {
        _factory.Dispose();
        _smtp.Dispose();
    }

    private RoutineClient Visitor() => new(_factory.CreateClient());

    [GeneratedRegex(@"https://localhost/account/(?:reset-password|confirm-email)\?user=[^\s]+&code=[A-Za-z0-9_-]+")]
    private static partial Regex LinkPattern();

    private static string LinkIn(MimeMessage message) => LinkPattern().Match(message.TextBody ?? "").Value is { Length: > 0 } link ? link : throw new Xunit.Sdk.XunitException("No link in: " + message.TextBody);

    /// <summary>A registered account whose confirmation mail has been received and put aside.</summary>
    private async Task<MimeMessage> RegisteredAsync(string email)
    {
        await Visitor().RegisterAsync(email, Password);
        return await _smtp.NextAsync();
    }

    private static async Task<IHtmlDocument> AskForResetAsync(RoutineClient visitor, string email)
    {
        await visitor.GetAsync("/account/login");
        await visitor.GetAsync(visitor.Page!.QuerySelectorAll("a").Single(a => a.TextContent == "Forgot password?").GetAttribute("href")!);
        return await visitor.SubmitAsync("form.forgot-form", ("Email", email));
    }

    private async Task<bool> CanSignInAsync(string email, string password)
    {
        var page = await Visitor().LoginAsync(email, password);
        return page.QuerySelector("h1")!.TextContent == "My routines";
    }

    [Fact]
    public async Task Password_reset_end_to_end_mails_a_link_that_works_once()
    {
        await RegisteredAsync("ada@example.com");
        var visitor = Visitor();

        var answer = await AskForResetAsync(visitor, "ada@example.com");
        var mail = await _smtp.NextAsync();
        var link = LinkIn(mail);
        var form = await visitor.GetAsync(link);
        var done = await visitor.SubmitAsync("form.reset-form", ("Password", NewPassword));
        var reused = await visitor.GetAsync(link);
        using var replay = await visitor.Http.SubmitAsync(form.Form("form.reset-form"), ("Password", "a third password here"));

        Assert.Contains("If an account uses that address", answer.QuerySelector("[role=status]:not([data-sync-status])")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("ada@example.com", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal("no-reply@stretchlibrary.test", Assert.Single(mail.From.Mailboxes).Address);
        Assert.Equal("Reset your StretchLibrary password", mail.Subject);
        Assert.Contains("2 hours", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal("Sign in", done.QuerySelector("h1")!.TextContent);
        Assert.Contains("password is changed", done.QuerySelector(".flash")!.TextContent, StringComparison.Ordinal);
        Assert.Null(reused.QuerySelector("form.reset-form"));
        Assert.Contains("expired or has already been used", reused.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("expired or has already been used", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await CanSignInAsync("ada@example.com", NewPassword));
        Assert.False(await CanSignInAsync("ada@example.com", Password));
        Assert.False(await CanSignInAsync("ada@example.com", "a third password here"));
    }

    [Fact]
    public async Task An_expired_reset_link_fails()
    {
        _factory.Settings["Accounts:ResetLinkLifetime"] = "00:00:02";
        await RegisteredAsync("bo@example.com");
        var visitor = Visitor();
        await AskForResetAsync(visitor, "bo@example.com");
        var link = LinkIn(await _smtp.NextAsync());
        var fresh = await visitor.GetAsync(link);

        await Task.Delay(TimeSpan.FromSeconds(3));
        var expired = await visitor.GetAsync(link);
        using var late = await visitor.Http.SubmitAsync(fresh.Form("form.reset-form"), ("Password", NewPassword));

        Assert.Null(expired.QuerySelector("form.reset-form"));
        Assert.Contains("expired", expired.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("expired or has already been used", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await CanSignInAsync("bo@example.com", Password));
    }

    [Fact]
    public async Task Reset_for_an_unknown_address_shows_the_same_page_and_sends_nothing()
    {
        await RegisteredAsync("cy@example.com");

        var unknown = await AskForResetAsync(Visitor(), "nobody@example.com");
        var known = await AskForResetAsync(Visitor(), "cy@example.com");
        // Mail leaves in order: had the unknown address been sent anything, it would arrive first.
        var first = await _smtp.NextAsync();
        await Task.Delay(TimeSpan.FromSeconds(1));

        // The same page, but for each browser's own antiforgery token.
        foreach (var token in new[] { known, unknown }.SelectMany(page => page.QuerySelectorAll("input[name=__RequestVerificationToken]")))
        {
            token.Remove();
        }

        Assert.Equal(known.QuerySelector("main")!.InnerHtml, unknown.QuerySelector("main")!.InnerHtml);
        Assert.Equal(known.Url, unknown.Url);
        Assert.Equal("cy@example.com", Assert.Single(first.To.Mailboxes).Address);
        Assert.False(_smtp.HasMore);
    }

    [Fact]
    public async Task Claiming_a_guest_account_mails_a_confirmation_link_that_confirms_the_address()
    {
        var guest = Visitor();
        await guest.AddAsync("chin-tucks", newRoutine: "Desk");

        await guest.RegisterAsync("dee@example.com", Password);
        var mail = await _smtp.NextAsync();
        var before = await guest.GetAsync("/account");
        var confirmed = await guest.GetAsync(LinkIn(mail));
        var after = await guest.GetAsync("/account");

        Assert.Equal("dee@example.com", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal("Confirm your email for StretchLibrary", mail.Subject);
        Assert.NotNull(before.QuerySelector(".confirm-email-notice"));
        Assert.Equal("Email confirmed", confirmed.QuerySelector("h1")!.TextContent);
        Assert.Null(after.QuerySelector(".confirm-email-notice"));
        Assert.True(await _factory.WithDbAsync(db => db.Users.Where(u => u.Email == "dee@example.com").Select(u => u.EmailConfirmed).SingleAsync()));
    }

    [Fact]
    public async Task Registering_mails_a_confirmation_link_and_the_account_page_can_send_it_again()
    {
        var visitor = Visitor();
        await visitor.GetAsync("/account/register");
        var registered = await visitor.SubmitAsync("main form[method=post]", ("Input.Email", "eve@example.com"), ("Input.Password", Password), ("Input.ConfirmPassword", Password));
        var first = await _smtp.NextAsync();
        await visitor.LoginAsync("eve@example.com", Password);
        await visitor.GetAsync("/account");
        var resent = await visitor.SubmitAsync("form.resend-form");
        var second = await _smtp.NextAsync();

        Assert.Contains("We have sent a message to that address", registered.QuerySelector(".register-sent")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Confirm your email for StretchLibrary", first.Subject);
        Assert.Contains("sent a new confirmation link", resent.QuerySelector(".flash")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("eve@example.com", Assert.Single(second.To.Mailboxes).Address);
        Assert.Equal("Email confirmed", (await visitor.GetAsync(LinkIn(second))).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task A_tampered_confirmation_link_confirms_nothing()
    {
        var link = LinkIn(await RegisteredAsync("fay@example.com"));

        var page = await Visitor().GetAsync(link[..^4] + "AAAA");

        Assert.Equal("This link does not work", page.QuerySelector("h1")!.TextContent);
        Assert.False(await _factory.WithDbAsync(db => db.Users.Select(u => u.EmailConfirmed).SingleAsync()));
    }

    [Fact]
    public async Task Forgot_password_and_resend_are_rate_limited()
    {
        _factory.Settings["RateLimits:ForgotPassword:PermitLimit"] = "2";
        _factory.Settings["RateLimits:ResendConfirmation:PermitLimit"] = "1";
        var visitor = Visitor();
        await visitor.RegisterAsync("gus@example.com", Password);

        await visitor.GetAsync("/account/forgot-password");
        var form = visitor.Page!.Form("form.forgot-form");
        var forgot = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await visitor.Http.SubmitAsync(form, ("Email", "gus@example.com"));
            forgot.Add(response.StatusCode);
        }

        await visitor.GetAsync("/account");
        var resend = visitor.Page!.Form("form.resend-form");
        using var firstResend = await visitor.Http.SubmitAsync(resend);
        using var secondResend = await visitor.Http.SubmitAsync(resend);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], forgot);
        Assert.Equal(HttpStatusCode.OK, firstResend.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, secondResend.StatusCode);
    }
}

public sealed class MailPickupFolderTests : IDisposable
{
    private readonly LibraryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Without_an_smtp_server_mail_is_written_as_an_eml_file()
    {
        await new RoutineClient(_factory.CreateClient()).RegisterAsync("hal@example.com", "correct horse battery");

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(Directory.Exists(_factory.MailFolder) && Directory.EnumerateFiles(_factory.MailFolder, "*.eml").Any()) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var file = Assert.Single(Directory.GetFiles(_factory.MailFolder, "*.eml"));
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal("hal@example.com", Assert.Single(message.To.Mailboxes).Address);
        Assert.Contains("https://localhost/account/confirm-email?user=", message.TextBody, StringComparison.Ordinal);
    }
}
