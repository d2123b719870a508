using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace StretchLibrary.Web.Platform.Caching;

/// <summary>
/// Every text response is sent compressed to a client that accepts Brotli or gzip, signed-in pages included: the
/// page cache compresses the pages it captures and serves (<see cref="CompressedBodies"/>), ASP.NET Core's
/// response compression the rest. One exception, <see cref="Allowed"/>, is what keeps BREACH out.
/// </summary>
/// <remarks>
/// BREACH reads a secret out of compressed HTTPS responses by their length: it needs the secret and text the
/// attacker chooses in the same compressed body, and thousands of such responses that the attacker makes the
/// victim's browser request from another site. SameSite cookies and antiforgery alone do not rule that out:
/// <list type="bullet">
/// <item>The sign-in cookie is SameSite=Lax, so another site's top-level navigation (a link, a window it opens)
/// still carries it; only its images, frames and fetches do not. The antiforgery cookie (Strict) stays behind, which
/// keeps such a request away from a user's cached pages, not from a freshly rendered one.</item>
/// <item>The antiforgery request token in forms is encrypted afresh for every rendering (Data Protection, random
/// IV), so it is not a fixed secret to guess at; but a page can also show the person's own data (email, routine
/// names, notes) next to text from the URL (the search box echoes <c>?q=</c>).</item>
/// </list>
/// So a response to a request another site started (<c>Sec-Fetch-Site: cross-site</c> or <c>same-site</c>, a
/// sibling subdomain) that carries cookies is sent uncompressed: the attacker's requests get no length signal, and
/// everything a person clicks or types on this site (<c>same-origin</c>, <c>none</c>) is compressed. Browsers
/// without <c>Sec-Fetch-Site</c> (before 2023) get compressed pages; for them the Lax cookie is what remains.
/// </remarks>
public static class Compression
{
    /// <summary>False for a request another site started that carries cookies: see the remarks.</summary>
    public static bool Allowed(HttpRequest request) =>
        request.Headers.Cookie.Count == 0 || request.Headers["Sec-Fetch-Site"].ToString() is not ("cross-site" or "same-site");

    /// <summary>Response compression (Brotli, then gzip, both at their fastest: pages are compressed as they are sent) under <see cref="Allowed"/>.</summary>
    public static IServiceCollection AddAppCompression(this IServiceCollection services)
    {
        services.AddSingleton<IResponseCompressionProvider, SameSiteOnlyProvider>();
        services.AddResponseCompression(options =>
        {
            // Served over HTTPS; Allowed is what stands between compression and BREACH.
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    // The built-in choice of encoding and content types, with Allowed in front.
    private sealed class SameSiteOnlyProvider(IServiceProvider services, IOptions<ResponseCompressionOptions> options) : IResponseCompressionProvider
    {
        private readonly ResponseCompressionProvider _inner = new(services, options);

        public ICompressionProvider? GetCompressionProvider(HttpContext context) => _inner.GetCompressionProvider(context);

        public bool ShouldCompressResponse(HttpContext context) => _inner.ShouldCompressResponse(context);

        public bool CheckRequestAcceptsCompression(HttpContext context) => Allowed(context.Request) && _inner.CheckRequestAcceptsCompression(context);
    }
}
