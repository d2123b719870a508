using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace StretchLibrary.Web.Tests.Security;

public sealed class SecurityHeadersTests : IDisposable
{
    private readonly LibraryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("/stretches/chin-tucks", HttpStatusCode.OK)]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/no/such/page", HttpStatusCode.NotFound)]
    [InlineData("/stretches/no-such-stretch", HttpStatusCode.NotFound)]
    public async Task Pages_and_404s_carry_the_security_headers(string path, HttpStatusCode status)
    {
        using var response = await _factory.CreateClient().GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        var csp = Csp.Parse(Single(response, "Content-Security-Policy"));
        Assert.Equal("'self'", csp["default-src"]);
        Assert.Equal("'self'", csp["script-src"]);
        Assert.Equal("'self'", csp["style-src"]);
        Assert.Equal("'none'", csp["object-src"]);
        Assert.Equal("'self'", csp["base-uri"]);
        Assert.Equal("'self'", csp["form-action"]);
        Assert.Equal("'none'", csp["frame-ancestors"]);
        Assert.Equal("'self'", csp["worker-src"]);
        Assert.Equal("'self'", csp["manifest-src"]);
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Single(response, "Referrer-Policy"));
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
        var permissions = Single(response, "Permissions-Policy").Split(',', StringSplitOptions.TrimEntries).Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        Assert.All(["camera", "microphone", "geolocation", "payment", "usb", "display-capture"], feature => Assert.Equal("()", permissions[feature]));
        // A structured-header item or a one-item list: both mean this origin only.
        Assert.True(permissions["screen-wake-lock"] is "self" or "(self)", permissions["screen-wake-lock"]);
    }

    [Fact]
    public async Task Static_files_carry_nosniff_too()
    {
        using var response = await _factory.CreateClient().GetAsync("/css/site.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
    }

    [Fact]
    public async Task The_policy_allows_no_inline_script_or_style()
    {
        using var response = await _factory.CreateClient().GetAsync("/");

        var header = Single(response, "Content-Security-Policy");
        Assert.DoesNotContain("unsafe-inline", header, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", header, StringComparison.Ordinal);
        Assert.DoesNotContain("nonce-", header, StringComparison.Ordinal);
        Assert.DoesNotContain("*", header, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HTTPS_responses_pin_HTTPS_for_at_least_a_year_and_plain_HTTP_ones_do_not()
    {
        // A real host name: HSTS is never sent for localhost.
        _factory.Settings["App:PublicOrigin"] = "https://stretches.example";
        var https = _factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://stretches.example") });
        var http = _factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://stretches.example") });

        using var secure = await https.GetAsync("/");
        using var plain = await http.GetAsync("/");

        var hsts = Single(secure, "Strict-Transport-Security");
        var maxAge = int.Parse(hsts.Split(';')[0].Replace("max-age=", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(maxAge >= 365 * 24 * 3600, hsts);
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task The_server_does_not_announce_itself()
    {
        using var response = await _factory.CreateClient().GetAsync("/");

        Assert.False(response.Headers.Contains("Server"));
    }

    internal static string Single(HttpResponseMessage response, string name) =>
        Assert.Single(response.Headers.TryGetValues(name, out var values) ? values : response.Content.Headers.TryGetValues(name, out var content) ? content : []);
}

/// <summary>A Content-Security-Policy header as directive → sources.</summary>
internal static class Csp
{
    public static Dictionary<string, string> Parse(string header) =>
        header.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");
}
