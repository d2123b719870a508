using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using StretchLibrary.Web.Platform.Security;
using StretchLibrary.Web.Tests.Pages.Routines;

namespace StretchLibrary.Web.Tests.Security;

/// <summary>
/// <c>App:PublicOrigin</c>: every link that leaves a request is built on it, whatever Host header the request
/// carried, and a request naming another host is refused.
/// </summary>
public sealed class PublicOriginTests : IDisposable
{
    private const string Origin = "https://stretch.example.org";

    private readonly SmtpListener _smtp = new();
    private readonly LibraryFactory _factory = new();

    public PublicOriginTests()
    {
        foreach (var (key, value) in _smtp.Settings)
        {
            _factory.Settings[key] = value;
        }

        _factory.Settings["App:PublicOrigin"] = Origin;
        // The test client's own host stays allowed (as a load balancer's health check would be).
        _factory.Settings["AllowedHosts"] = "localhost";
    }

    public void Dispose()
    {
        _factory.Dispose();
        _smtp.Dispose();
    }

    [Fact]
    public async Task Mailed_links_use_the_public_origin_when_the_Host_header_is_forged()
    {
        // Even were a forged host let through (here it is allowed on purpose), mail links do not follow it.
        _factory.Settings["AllowedHosts"] = "localhost;evil.example";
        var attacker = ForgedHost("evil.example");

        await attacker.RegisterAsync("victim@example.com", "correct horse battery");
        var confirmation = await _smtp.NextAsync();
        await attacker.GetAsync("/account");
        await attacker.SubmitAsync("form.resend-form");
        var resent = await _smtp.NextAsync();
        await attacker.GetAsync("/account/forgot-password");
        await attacker.SubmitAsync("form.forgot-form", ("Email", "victim@example.com"));
        var reset = await _smtp.NextAsync();

        Assert.Equal("Confirm your email for StretchLibrary", confirmation.Subject);
        Assert.Equal("Reset your StretchLibrary password", reset.Subject);
        Assert.Contains($"{Origin}/account/confirm-email?user=", confirmation.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{Origin}/account/confirm-email?user=", resent.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{Origin}/account/reset-password?user=", reset.TextBody, StringComparison.Ordinal);
        Assert.All(new[] { confirmation, resent, reset }, mail => Assert.DoesNotContain("evil.example", mail.TextBody, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_request_naming_another_host_is_refused_with_400()
    {
        var client = _factory.CreateClient();

        var forged = await SendAsync(client, "/account/forgot-password", "evil.example");
        var forgedWithPort = await SendAsync(client, "/", "evil.example:443");
        var origin = await SendAsync(client, "/account/forgot-password", "stretch.example.org");
        var allowed = await SendAsync(client, "/account/forgot-password", "localhost");

        Assert.Equal(HttpStatusCode.BadRequest, forged);
        Assert.Equal(HttpStatusCode.BadRequest, forgedWithPort);
        Assert.Equal(HttpStatusCode.OK, origin);
        Assert.Equal(HttpStatusCode.OK, allowed);
    }

    [Fact]
    public async Task Share_calendar_sheet_and_reminder_links_use_the_public_origin()
    {
        var owner = new RoutineClient(_factory.CreateClient());
        await owner.AddAsync("chin-tucks", newRoutine: "Desk");
        var id = owner.RoutineId;

        await owner.GetAsync($"/routines/{id}/share");
        var share = (await owner.SubmitAsync("form.create-link")).QuerySelector("#share-url")!.GetAttribute("value")!;
        await owner.GetAsync($"/routines/{id}");
        var feed = (await owner.SubmitAsync("form.subscribe-form")).QuerySelector("#feed-url")!.GetAttribute("value")!;
        await owner.GetAsync($"/routines/{id}/sheet");
        var sheetLink = (await owner.SubmitAsync("form.sheet-share-link", ("UseShareLink", "true"))).QuerySelector("#sheet-share-url")!.GetAttribute("href")!;
        var shareSheet = await owner.GetAsync(new Uri(share).AbsolutePath + "/sheet");
        var feedText = await owner.Http.GetStringAsync(new Uri(feed).AbsolutePath);
        await owner.GetAsync($"/routines/{id}");
        using var reminder = await owner.Http.SubmitAsync(owner.Page!.Form("form.reminder-form"));
        var reminderText = await reminder.Content.ReadAsStringAsync();
        var robots = await owner.Http.GetStringAsync("/robots.txt");

        Assert.StartsWith($"{Origin}/s/", share, StringComparison.Ordinal);
        Assert.StartsWith($"{Origin}/calendar/", feed, StringComparison.Ordinal);
        Assert.StartsWith($"{Origin}/s/", sheetLink, StringComparison.Ordinal);
        Assert.Equal(SheetTests.ExpectedQrPath(share), shareSheet.QuerySelector(".sheet-qr svg path")!.GetAttribute("d"));
        Assert.Contains($"{Origin}/routines/{id}", Unfold(feedText), StringComparison.Ordinal);
        Assert.Contains($"{Origin}/routines/{id}", Unfold(reminderText), StringComparison.Ordinal);
        Assert.Contains($"Sitemap: {Origin}/sitemap.xml", robots, StringComparison.Ordinal);
        Assert.DoesNotContain("https://localhost", Unfold(feedText) + Unfold(reminderText), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://stretch.example.org", "https://stretch.example.org")]
    [InlineData("https://stretch.example.org/", "https://stretch.example.org")]
    [InlineData("http://Stretch.Example.org:8080", "http://stretch.example.org:8080")]
    [InlineData("https://stretch.example.org:443", "https://stretch.example.org")]
    [InlineData("https://stretch.example.org/app", null)]
    [InlineData("https://stretch.example.org/?a=1", null)]
    [InlineData("https://user:pw@stretch.example.org", null)]
    [InlineData("ftp://stretch.example.org", null)]
    [InlineData("stretch.example.org", null)]
    [InlineData("/relative", null)]
    public void An_origin_is_an_http_or_https_address_with_no_path_or_query(string value, string? expected) =>
        Assert.Equal(expected, AppOptions.Parse(value));

    /// <summary>A browser-like visitor whose every request (redirects too) names <paramref name="host"/>.</summary>
    private RoutineClient ForgedHost(string host) =>
        new(_factory.CreateDefaultClient(_factory.ClientOptions.BaseAddress, new RedirectHandler(), new HostHeader(host), new CookieContainerHandler()));

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, string path, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = host;
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>iCalendar folds lines at 75 octets; a long URL is split across lines.</summary>
    private static string Unfold(string calendar) => calendar.Replace("\r\n ", "", StringComparison.Ordinal);

    private sealed class HostHeader(string host) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Host = host;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
