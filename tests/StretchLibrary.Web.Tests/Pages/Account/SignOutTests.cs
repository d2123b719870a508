using StretchLibrary.Web.Tests.Pages.Routines;

namespace StretchLibrary.Web.Tests.Pages.Account;

/// <summary>Signing out from the menu, and what another device sees when its session was ended by a new password.</summary>
public sealed class SignOutTests : IDisposable
{
    private const string Password = "correct horse battery";
    private const string NewPassword = "a brand new passphrase";
    private readonly LibraryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private RoutineClient Visitor() => new(_factory.CreateClient());

    [Theory]
    [InlineData("routine")]
    [InlineData("/routines")]
    [InlineData("/account")]
    public async Task A_signed_in_page_has_a_sign_out_form_that_signs_out(string url)
    {
        var visitor = Visitor();
        await visitor.RegisterAsync("sam@example.com", Password);
        await visitor.AddAsync("chin-tucks", newRoutine: "Desk");
        url = url == "routine" ? $"/routines/{visitor.RoutineId}" : url;
        await visitor.GetAsync(url);
        // A routine page comes from the page cache the second time: its form must carry a token that still works.
        using var second = await visitor.Http.GetAsync(url);
        var page = await second.ReadDocumentAsync();

        var button = page.QuerySelector("header nav button[form=sign-out]")!;
        using var signedOut = await visitor.Http.SubmitAsync(page.Form("form#sign-out"));
        var after = await signedOut.ReadDocumentAsync();

        Assert.Equal(url.StartsWith("/routines/", StringComparison.Ordinal), second.Headers.Contains("Age"));
        Assert.Equal("Sign out", button.TextContent.Trim());
        Assert.Equal("/account/logout", page.QuerySelector("form#sign-out")!.GetAttribute("action"));
        Assert.Equal(System.Net.HttpStatusCode.OK, signedOut.StatusCode);
        Assert.NotNull(after.QuerySelector("header nav a[href='/account/login']"));
        Assert.Null(after.QuerySelector("form#sign-out"));
        Assert.Empty((await visitor.GetAsync("/routines")).QuerySelectorAll(".routine-list li"));
    }

    [Fact]
    public async Task Anonymous_pages_and_guests_have_no_sign_out_button()
    {
        var guest = Visitor();
        await guest.AddAsync("chin-tucks", newRoutine: "Desk");

        Assert.Null((await Visitor().GetAsync("/routines")).QuerySelector("form#sign-out"));
        // A guest who signs out can't reach their routines again: the account page explains that first.
        Assert.Null((await guest.GetAsync("/routines")).QuerySelector("form#sign-out"));
        Assert.NotNull((await guest.GetAsync("/account")).QuerySelector("main a[href='/account/logout']"));
    }

    [Fact]
    public async Task Another_device_is_told_its_session_ended_because_the_password_changed()
    {
        var phone = Visitor();
        await phone.RegisterAsync("kim@example.com", Password);
        await phone.AddAsync("chin-tucks", newRoutine: "Desk");
        var laptop = Visitor();
        await laptop.LoginAsync("kim@example.com", Password);
        await laptop.GetAsync("/routines");

        await phone.GetAsync("/account");
        await phone.SubmitAsync("form[action*='handler=Password']", ("Password.Current", Password), ("Password.New", NewPassword));
        var next = await laptop.GetAsync("/routines");
        var later = await laptop.GetAsync("/routines");
        var tablet = Visitor();
        await tablet.LoginAsync("kim@example.com", NewPassword);
        await phone.SubmitAsync("form[action*='handler=Password']", ("Password.Current", NewPassword), ("Password.New", Password));
        // A page that needs a sign-in sends to the sign-in page, which says it.
        var redirected = await tablet.GetAsync("/account");

        var notice = next.QuerySelector("[data-signed-out]")!;
        Assert.Contains("You were signed out because your password was changed", notice.TextContent, StringComparison.Ordinal);
        Assert.Equal("/account/login?ReturnUrl=%2Froutines", notice.QuerySelector("a")!.GetAttribute("href"));
        Assert.Null(later.QuerySelector("[data-signed-out]"));
        Assert.Equal("Sign in", redirected.QuerySelector("h1")!.TextContent);
        Assert.Contains("You were signed out because your password was changed", redirected.QuerySelector("[data-signed-out]")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await phone.GetAsync("/routines")).QuerySelector("[data-signed-out]"));
    }

    [Fact]
    public async Task Signing_out_on_another_device_does_not_claim_the_password_changed()
    {
        var phone = Visitor();
        await phone.RegisterAsync("lee@example.com", Password);
        var laptop = Visitor();
        await laptop.LoginAsync("lee@example.com", Password);

        await phone.SubmitAsync("form#sign-out");
        var next = await laptop.GetAsync("/routines");

        Assert.Null(next.QuerySelector("[data-signed-out]"));
        Assert.NotNull(next.QuerySelector("header nav a[href='/account/login']"));
    }
}
