using System.Net;
using AngleSharp.Html.Dom;
using StretchLibrary.Web.Platform.Security;
using StretchLibrary.Web.Tests.Pages.Routines;

namespace StretchLibrary.Web.Tests.Security;

/// <summary>What the log keeps of a request: no share or feed secret, and no line a visitor can forge.</summary>
public sealed class LoggingTests : IDisposable
{
    private readonly LogCapture _log = new();
    private readonly LibraryFactory _factory;

    public LoggingTests()
    {
        _factory = new LibraryFactory
        {
            Log = _log,
            Settings =
            {
                // The second look at each link is refused, so the rate-limit warning is written too.
                ["RateLimits:Share:PermitLimit"] = "1",
                ["RateLimits:Calendar:PermitLimit"] = "1",
            },
        };
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Share_and_feed_tokens_are_logged_redacted_in_request_lines_and_rate_limit_warnings()
    {
        var owner = new RoutineClient(_factory.CreateClient());
        await owner.AddAsync("chin-tucks", newRoutine: "Desk");
        await owner.GetAsync($"/routines/{owner.RoutineId}/share");
        var share = new Uri((await owner.SubmitAsync("form.create-link")).QuerySelector("#share-url")!.GetAttribute("value")!).AbsolutePath;
        await owner.GetAsync($"/routines/{owner.RoutineId}");
        var feed = new Uri(((IHtmlInputElement)(await owner.SubmitAsync("form.subscribe-form")).QuerySelector("#feed-url")!).Value).AbsolutePath;
        var shareToken = share.Split('/')[2];
        var feedToken = feed.Split('/')[2][..^".ics".Length];

        var statuses = new List<HttpStatusCode>();
        foreach (var path in new[] { share, share, feed, feed, "/account/reset-password?user=someone&code=SecretResetCode123" })
        {
            using var response = await owner.Http.GetAsync(path);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses[..4]);
        await _log.LineContainingAsync("HTTP GET /s/{token} responded 200");
        await _log.LineContainingAsync("HTTP GET /s/{token} responded 429");
        await _log.LineContainingAsync("Rate limit: refused GET /s/{token} from");
        await _log.LineContainingAsync("HTTP GET /calendar/{token}.ics responded 200");
        await _log.LineContainingAsync("Rate limit: refused GET /calendar/{token}.ics from");
        await _log.LineContainingAsync("HTTP GET /account/reset-password responded");
        var log = _log.Text;
        Assert.DoesNotContain(shareToken, log, StringComparison.Ordinal);
        Assert.DoesNotContain(feedToken, log, StringComparison.Ordinal);
        Assert.DoesNotContain("SecretResetCode123", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_path_with_CR_LF_is_logged_on_one_line_with_the_characters_escaped()
    {
        var client = _factory.CreateClient();

        using var response = await client.GetAsync("/x%0D%0A%5B12:00:00%20INF%5D%20Serilog.AspNetCore.RequestLoggingMiddleware:%20HTTP%20POST%20/account/login%20responded%20302");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var line = await _log.LineContainingAsync("HTTP GET /x");
        Assert.Contains(@"HTTP GET /x\r\n[12:00:00 INF] Serilog.AspNetCore.RequestLoggingMiddleware: HTTP POST /account/login responded 302 responded 404", line, StringComparison.Ordinal);
        Assert.DoesNotContain(_log.Lines, l => l.StartsWith("[12:00:00 INF]", StringComparison.Ordinal));
        Assert.DoesNotContain('\r', _log.Text);
    }

    [Theory]
    [InlineData("/s/AbC-123_x", "/s/{token}")]
    [InlineData("/S/AbC/sheet", "/S/{token}/sheet")]
    [InlineData("/calendar/AbC.ics", "/calendar/{token}.ics")]
    [InlineData("/calendar/AbC", "/calendar/{token}")]
    [InlineData("/s", "/s")]
    [InlineData("/stretches/chin-tucks", "/stretches/chin-tucks")]
    [InlineData("/routines/5/share", "/routines/5/share")]
    public void Secret_path_segments_are_replaced_by_their_route_parameter(string path, string logged) =>
        Assert.Equal(logged, LoggedPaths.Redact(path));

    [Theory]
    [InlineData("a\nb", @"a\nb")]
    [InlineData("a\r\nb", @"a\r\nb")]
    [InlineData("\u001b[31mred", @"\u001b[31mred")]
    [InlineData("a\u2028b\u0085c", @"a\u2028b\u0085c")]
    [InlineData("plain ünïcödé", "plain ünïcödé")]
    public void Control_characters_are_written_as_escapes(string value, string logged) =>
        Assert.Equal(logged, ControlCharacterEscaper.Escape(value));
}
