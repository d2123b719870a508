using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Tests.Pages.Routines;

namespace StretchLibrary.Web.Tests.Pages.Account;

/// <summary>Sign-in and registration answer alike whether or not an address has an account.</summary>
public sealed class AccountEnumerationTests : IDisposable
{
    private const string Password = "correct horse battery";

    private readonly SmtpListener _smtp = new();
    private readonly LibraryFactory _factory = new();
    private readonly CountingHasher _hasher = new();
    private readonly WebApplicationFactory<Program> _app;

    public AccountEnumerationTests()
    {
        foreach (var (key, value) in _smtp.Settings)
        {
            _factory.Settings[key] = value;
        }

        _app = _factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<AppUser>>(_hasher)));
    }

    public void Dispose()
    {
        _app.Dispose();
        _factory.Dispose();
        _smtp.Dispose();
    }

    private RoutineClient Visitor() => new(_app.CreateClient());

    /// <summary>The page's main content without what differs per browser or per typed address.</summary>
    private static string MainOf(IHtmlDocument page)
    {
        foreach (var element in page.QuerySelectorAll("input[name=__RequestVerificationToken], input[name='Input.Email']"))
        {
            element.RemoveAttribute("value");
        }

        return page.QuerySelector("main")!.InnerHtml;
    }

    private static async Task<IHtmlDocument> RegisterOnlyAsync(RoutineClient visitor, string email, string password)
    {
        await visitor.GetAsync("/account/register");
        return await visitor.SubmitAsync("main form[method=post]:not([data-dismiss-banner])", ("Input.Email", email), ("Input.Password", password), ("Input.ConfirmPassword", password));
    }

    [Fact]
    public async Task Unknown_email_wrong_password_and_locked_account_give_the_same_page()
    {
        await Visitor().RegisterAsync("ada@example.com", Password);
        await _smtp.NextAsync();

        var unknown = await Visitor().LoginAsync("nobody@example.com", "not the password");
        var wrong = await Visitor().LoginAsync("ada@example.com", "not the password");
        for (var i = 0; i < 4; i++)
        {
            await Visitor().LoginAsync("ada@example.com", $"wrong guess {i}");
        }

        var locked = await Visitor().LoginAsync("ada@example.com", Password);

        Assert.Equal("Email or password is wrong, or the account is temporarily locked. Try again later or reset your password.",
            wrong.QuerySelector(".validation-summary-errors")!.TextContent.Trim());
        Assert.Equal(MainOf(wrong), MainOf(unknown));
        Assert.Equal(MainOf(wrong), MainOf(locked));
        Assert.NotNull(await _factory.WithDbAsync(db => db.Users.Where(u => u.Email == "ada@example.com").Select(u => u.LockoutEnd).SingleAsync()));
    }

    [Fact]
    public async Task An_unknown_email_is_checked_against_a_password_hash_like_a_known_one()
    {
        var visitor = Visitor();
        await visitor.GetAsync("/account/login");
        var before = _hasher.Verifications;

        await visitor.SubmitAsync("main form[method=post]:not([data-dismiss-banner])", ("Input.Email", "nobody@example.com"), ("Input.Password", "not the password"));

        Assert.Equal(1, _hasher.Verifications - before);
    }

    [Fact]
    public async Task Registering_an_existing_email_shows_the_same_page_as_a_new_one_and_mails_the_owner()
    {
        await Visitor().RegisterAsync("bo@example.com", Password);
        await _smtp.NextAsync();

        var taken = await RegisterOnlyAsync(Visitor(), "bo@example.com", "another good passphrase");
        var owner = await _smtp.NextAsync();
        var fresh = await RegisterOnlyAsync(Visitor(), "cy@example.com", "another good passphrase");
        var confirmation = await _smtp.NextAsync();

        Assert.Equal(MainOf(fresh), MainOf(taken));
        Assert.Equal(fresh.Url, taken.Url);
        Assert.Equal("Check your email", taken.QuerySelector("h1")!.TextContent);
        Assert.Equal("bo@example.com", Assert.Single(owner.To.Mailboxes).Address);
        Assert.Equal("Someone tried to create a StretchLibrary account with your address", owner.Subject);
        Assert.Contains("https://localhost/account/login", owner.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://localhost/account/forgot-password", owner.TextBody, StringComparison.Ordinal);
        Assert.Equal("cy@example.com", Assert.Single(confirmation.To.Mailboxes).Address);
        Assert.Equal("Confirm your email for StretchLibrary", confirmation.Subject);
        // The owner's password is unchanged, and no second account appeared.
        Assert.Equal("My routines", (await Visitor().LoginAsync("bo@example.com", Password)).QuerySelector("h1")!.TextContent);
        Assert.Equal(1, await _factory.WithDbAsync(db => db.Users.CountAsync(u => u.UserName == "bo@example.com")));
    }

    [Fact]
    public async Task A_guest_registering_an_existing_email_keeps_their_routines_and_sees_the_same_page()
    {
        await Visitor().RegisterAsync("dee@example.com", Password);
        await _smtp.NextAsync();
        var guest = Visitor();
        await guest.AddAsync("chin-tucks", newRoutine: "Guest routine");
        var newGuest = Visitor();
        await newGuest.AddAsync("chin-tucks", newRoutine: "Other guest routine");

        var taken = await RegisterOnlyAsync(guest, "dee@example.com", "another good passphrase");
        var owner = await _smtp.NextAsync();
        var fresh = await RegisterOnlyAsync(newGuest, "eli@example.com", "another good passphrase");
        await _smtp.NextAsync();
        var routines = await guest.GetAsync("/routines");

        Assert.Equal(MainOf(fresh), MainOf(taken));
        Assert.Equal("dee@example.com", Assert.Single(owner.To.Mailboxes).Address);
        Assert.Equal(["Guest routine"], routines.QuerySelectorAll(".routine-list a").Select(a => a.TextContent));
        Assert.NotNull(routines.QuerySelector(".guest-banner"));
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Routines.CountAsync(r => db.Users.Any(u => u.Id == r.OwnerId && u.UserName == "dee@example.com"))));
    }

    [Fact]
    public async Task A_guest_who_registers_and_signs_in_keeps_their_routines_in_the_new_account()
    {
        var guest = Visitor();
        await guest.AddAsync("chin-tucks", newRoutine: "Desk");

        await RegisterOnlyAsync(guest, "fay@example.com", Password);
        var confirmation = await _smtp.NextAsync();
        var page = await guest.LoginAsync("fay@example.com", Password);

        Assert.Equal("fay@example.com", Assert.Single(confirmation.To.Mailboxes).Address);
        Assert.Equal(["Desk"], page.QuerySelectorAll(".routine-list a").Select(a => a.TextContent));
        Assert.Null(page.QuerySelector(".guest-banner"));
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Users.CountAsync(u => u.IsGuest)));
    }

    /// <summary>Identity's hasher, counting how often a password is checked against a stored hash.</summary>
    private sealed class CountingHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _inner = new(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = 1000 }));
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
