using System.Net;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Tests.Pages.Routines;

namespace StretchLibrary.Web.Tests.Pages;

/// <summary>
/// A local return URL with characters a Location header cannot carry as they are (non-ASCII, spaces, a lone %)
/// is sent back percent-encoded, after the action ran (Pages/ReturnUrls.cs); anything else is left as it was.
/// </summary>
public sealed class ReturnUrlTests : IDisposable
{
    private const string Password = "correct horse battery staple";

    private readonly LibraryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    public static TheoryData<string, string> OddReturnUrls => new()
    {
        { "/stretches?q=é", "/stretches?q=%C3%A9" },
        { "/stretches?q=neck stretch", "/stretches?q=neck%20stretch" },
        { "/stretches?q=100%", "/stretches?q=100%25" },
        { "/stretches?q=%zz", "/stretches?q=%25zz" },
        { "/stretches/dé-mo?q=ü", "/stretches/d%C3%A9-mo?q=%C3%BC" },
        { "/stretches?q=%C3%A9&category=neck", "/stretches?q=%C3%A9&category=neck" },
        { "/stretches?q=\"<x>\"", "/stretches?q=%22%3Cx%3E%22" },
    };

    private HttpClient NoRedirects() => _factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

    // As sent: a header the client did not parse or re-encode.
    private static string Location(HttpResponseMessage response) => Assert.Single(response.Headers.NonValidated["Location"]);

    [Theory]
    [MemberData(nameof(OddReturnUrls))]
    public async Task Sign_in_goes_back_to_an_odd_return_url_encoded_and_signed_in(string returnUrl, string location)
    {
        var owner = new RoutineClient(_factory.CreateClient());
        await owner.RegisterAsync("odd@example.com", Password);
        var visitor = new RoutineClient(NoRedirects());
        await visitor.GetAsync("/account/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl));

        using var response = await visitor.Http.SubmitAsync(visitor.Page!.Form("form[method=post]:not([data-dismiss-banner])"), ("Input.Email", "odd@example.com"), ("Input.Password", Password));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, Location(response));
        using var account = await visitor.Http.GetAsync("/account");
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
    }

    [Theory]
    [MemberData(nameof(OddReturnUrls))]
    public async Task Add_to_routine_goes_back_to_an_odd_return_url_encoded_with_the_stretch_added(string returnUrl, string location)
    {
        var visitor = new RoutineClient(NoRedirects());
        await visitor.GetAsync("/routines/add/chin-tucks?returnUrl=" + Uri.EscapeDataString(returnUrl));

        using var response = await visitor.Http.SubmitAsync(visitor.Page!.Form("form[method=post]:not([data-dismiss-banner])"), ("RoutineId", 0), ("NewName", "Desk"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location + "#stretch-chin-tucks", Location(response));
        Assert.Equal(["chin-tucks"], await _factory.WithDbAsync(db => db.RoutineItems.Select(i => i.StretchSlug).ToListAsync()));
    }

    [Theory]
    [InlineData("//evil.example/x")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    public async Task A_return_url_to_another_site_still_falls_back(string returnUrl)
    {
        var owner = new RoutineClient(_factory.CreateClient());
        await owner.RegisterAsync("away@example.com", Password);
        var visitor = new RoutineClient(NoRedirects());
        await visitor.GetAsync("/account/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl));

        using var response = await visitor.Http.SubmitAsync(visitor.Page!.Form("form[method=post]:not([data-dismiss-banner])"), ("Input.Email", "away@example.com"), ("Input.Password", Password));

        Assert.Equal("/routines", Location(response));
    }
}
