using System.Net;
using System.Text.RegularExpressions;

namespace StretchLibrary.Bench;

/// <summary>A cookie-keeping HTTP client that fills in forms' antiforgery tokens, like a person's browser.</summary>
internal sealed partial class Browser : IDisposable
{
    private readonly HttpClient _http;

    public Browser(Uri baseAddress, bool followRedirects = true)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new SocketsHttpHandler { CookieContainer = Cookies, AllowAutoRedirect = followRedirects, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = baseAddress,
        };
    }

    public CookieContainer Cookies { get; }

    public string Token { get; private set; } = "";

    public Uri LastUrl { get; private set; } = new("http://localhost/");

    public async Task<string> GetAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        response.EnsureSuccessStatusCode();
        LastUrl = response.RequestMessage!.RequestUri!;
        var html = await response.Content.ReadAsStringAsync();
        if (TokenPattern().Match(html) is { Success: true } match)
        {
            Token = match.Groups[1].Value;
        }

        return html;
    }

    /// <summary>Posts a form with the last seen antiforgery token; returns the status code.</summary>
    public async Task<HttpStatusCode> PostAsync(string path, params (string Name, string Value)[] fields)
    {
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", Token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
        using var response = await _http.PostAsync(path, content);
        LastUrl = response.Headers.Location is { } location ? new Uri(_http.BaseAddress!, location) : response.RequestMessage!.RequestUri!;
        if (response.RequestMessage!.RequestUri != null && response.IsSuccessStatusCode)
        {
            var html = await response.Content.ReadAsStringAsync();
            if (TokenPattern().Match(html) is { Success: true } match)
            {
                Token = match.Groups[1].Value;
            }
        }

        return response.StatusCode;
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
