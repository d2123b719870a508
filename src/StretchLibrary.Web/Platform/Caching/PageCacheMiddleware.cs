using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace StretchLibrary.Web.Platform.Caching;

/// <summary>
/// Serves pages from <see cref="PageCache"/> before request logging, routing and the rest of the pipeline run,
/// and stores the pages that opted in on their way out.
/// <list type="bullet">
/// <item>Anonymous (no sign-in cookie): pages marked <see cref="CacheForAnonymousAttribute"/>, one copy per URL.</item>
/// <item>Signed in: pages that called <see cref="PageCacheHttpContextExtensions.CacheForOwnerUntil"/>, kept per
/// user id (from the validated sign-in cookie) and antiforgery cookie, so the forms in a cached page carry tokens
/// that are valid for the browser it is served to.</item>
/// </list>
/// Never stored: anything but a 200 GET, a response that sets a cookie, a [NoStore] answer, a request carrying a flash
/// message.
/// A user's pages are forgotten when their data changes (<see cref="UserDataChanges"/>), the whole cache when the
/// content does.
/// </summary>
public sealed class PageCacheMiddleware
{
    private const int MaxBodyBytes = 1024 * 1024;

    private static readonly HashSet<string> PerResponseHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.Date, HeaderNames.Server, HeaderNames.ContentLength, HeaderNames.TransferEncoding, HeaderNames.Connection,
        HeaderNames.KeepAlive, HeaderNames.SetCookie, HeaderNames.Age,
    };

    private readonly RequestDelegate _next;
    private readonly PageCache _cache;
    private readonly UserChanges _changes;
    private readonly string _authCookie;
    private readonly string _antiforgeryCookie;
    private readonly string _flashCookie;

    public PageCacheMiddleware(
        RequestDelegate next,
        PageCache cache,
        UserChanges changes,
        IOptionsMonitor<CookieAuthenticationOptions> authCookie,
        IOptions<AntiforgeryOptions> antiforgery,
        IOptions<CookieTempDataProviderOptions> tempData)
    {
        _next = next;
        _cache = cache;
        _changes = changes;
        _authCookie = authCookie.Get(IdentityConstants.ApplicationScheme).Cookie.Name!;
        _antiforgeryCookie = antiforgery.Value.Cookie.Name!;
        _flashCookie = tempData.Value.Cookie.Name!;
    }

    public Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method))
        {
            return GetAsync(context);
        }

        return _next(context);
    }

    private async Task GetAsync(HttpContext context)
    {
        var generation = _cache.Current;
        // Cookies are parsed only when sent: most anonymous requests have none.
        var cookies = context.Request.Headers.Cookie.Count > 0 ? context.Request.Cookies : null;
        if (cookies is not null && HasFlash(cookies))
        {
            // The page shows (and clears) a one-time message: always rendered.
            await _next(context);
            return;
        }

        if (cookies is null || !cookies.ContainsKey(_authCookie))
        {
            // Anonymous: the same bytes for everyone.
            var key = PageKey.For(context.Request, antiforgery: null);
            if (_cache.TryGet(generation.Anonymous, key, out var page))
            {
                // Served again, and the same for every visitor: worth its smallest compressed size.
                page.Compressed?.RefineOnce(page.Body);
                await ServeAsync(context, page);
                return;
            }

            await CaptureAsync(context, generation, generation.Anonymous, key, userId: null);
            return;
        }

        // Without an antiforgery cookie the page would set one, so it could not be stored anyway. Scaled out with
        // Redis unreachable, another instance's write would not reach this cache: render.
        if (cookies[_antiforgeryCookie] is not { Length: > 0 } antiforgeryToken || !_changes.MemoryIsCurrent)
        {
            await _next(context);
            return;
        }

        // Signed in: authenticate now (the handler keeps the result for the rest of the request).
        var result = await context.AuthenticateAsync();
        if (result.Principal?.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            await _next(context);
            return;
        }

        context.User = result.Principal;
        var pages = generation.PagesOf(userId);
        var ownerKey = PageKey.For(context.Request, antiforgeryToken);
        if (_cache.TryGet(pages, ownerKey, out var own))
        {
            await ServeAsync(context, own);
            return;
        }

        await CaptureAsync(context, generation, pages, ownerKey, userId);
    }

    private async Task CaptureAsync(HttpContext context, PageCache.Generation generation, ConcurrentDictionary<PageKey, CachedPage> pages, PageKey key, string? userId)
    {
        var response = context.Response;
        var original = response.Body;
        // A text body for a client that takes compression is held back and sent compressed below, so even the first
        // answer for a page is compressed; what holds no text (or already says how it is encoded) passes through.
        // An encoding seen at the first write is the endpoint's own; one added later is the response compression
        // around this middleware, which is per answer and never stored.
        var encodedByEndpoint = false;
        using var capture = new CaptureStream(original, MaxBodyBytes, () =>
        {
            encodedByEndpoint = response.Headers.ContainsKey(HeaderNames.ContentEncoding);
            return !encodedByEndpoint && !response.HasStarted && CompressedBodies.Compressible(response.ContentType) && CompressedBodies.Wanted(context.Request);
        });
        var feature = new PageCaptureFeature();
        context.Features.Set(feature);
        response.Body = capture;
        // This page's answers differ by Accept-Encoding: say so on every one, compressed or not.
        response.OnStarting(static state =>
        {
            var response = (HttpResponse)state;
            if (CompressedBodies.Compressible(response.ContentType) && !response.Headers.Vary.Contains(CompressedBodies.Vary.ToString()))
            {
                response.Headers.Append(HeaderNames.Vary, CompressedBodies.Vary);
            }

            return Task.CompletedTask;
        }, response);

        try
        {
            await _next(context);
        }
        finally
        {
            response.Body = original;
            context.Features.Set<PageCaptureFeature>(null);
        }

        if (capture.Overflowed)
        {
            return;
        }

        var body = capture.ToArray();
        var compressed = encodedByEndpoint ? null : CompressedBodies.For(body, response.ContentType);
        if (capture.Holding)
        {
            var (sent, encoding) = compressed?.Choose(body, context.Request) ?? (body, default);
            if (encoding.Count > 0)
            {
                response.Headers.ContentEncoding = encoding;
            }

            response.ContentLength = sent.Length;
            await original.WriteAsync(sent, context.RequestAborted);
        }

        // Passed through with an encoding (an endpoint that started its answer before writing, so the response
        // compression around this middleware encoded what it wrote): the captured bytes are not what was sent.
        if (response.StatusCode != StatusCodes.Status200OK || !response.HasStarted
            || response.Headers.ContainsKey(HeaderNames.SetCookie) || CacheHeaders.IsNoStore(context)
            || (!capture.Holding && response.Headers.ContainsKey(HeaderNames.ContentEncoding)))
        {
            return;
        }

        var now = _cache.Now;
        DateTimeOffset expiresAt;
        if (userId is null)
        {
            if (context.User.Identity?.IsAuthenticated == true || context.GetEndpoint()?.Metadata.GetMetadata<CacheForAnonymousAttribute>() is null)
            {
                return;
            }

            expiresAt = now.AddHours(1);
        }
        else
        {
            if (feature.OwnerUntil is not { } until || context.User.FindFirstValue(ClaimTypes.NameIdentifier) != userId)
            {
                return;
            }

            expiresAt = until;
        }

        // Kept with the compressed copy just sent (the other encoding is made when first asked for); the encoding
        // this answer was sent with is chosen again for each hit.
        var headers = response.Headers.Where(h => !PerResponseHeaders.Contains(h.Key) && h.Key != HeaderNames.ContentEncoding).ToArray();
        _cache.Store(generation, pages, key, new CachedPage(headers, body, now, expiresAt, compressed));
    }

    private async Task ServeAsync(HttpContext context, CachedPage page)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        var headers = response.Headers;
        foreach (var (name, value) in page.Headers)
        {
            headers[name] = value;
        }

        headers.Age = AgeHeader.For(_cache.Now - page.StoredAt);
        // A page stored with an ETag (the API's library answers) honours If-None-Match as its endpoint would.
        if (headers.ETag.Count > 0 && context.Request.Headers.IfNoneMatch.Count > 0
            && EntityTagHeaderValue.TryParse(headers.ETag.ToString(), out var etag)
            && context.Request.GetTypedHeaders().IfNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false)))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        var body = page.Body;
        if (page.Compressed is { } compressed)
        {
            (body, var encoding) = compressed.Choose(body, context.Request);
            if (encoding.Count > 0)
            {
                headers.ContentEncoding = encoding;
            }
        }

        headers.ContentLength = body.Length;
        await response.BodyWriter.WriteAsync(body, context.RequestAborted);
    }

    private bool HasFlash(IRequestCookieCollection cookies)
    {
        foreach (var name in cookies.Keys)
        {
            if (name.StartsWith(_flashCookie, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Marks a page whose anonymous rendering is the same for every visitor until the content changes.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CacheForAnonymousAttribute : Attribute;

internal sealed class PageCaptureFeature
{
    public DateTimeOffset? OwnerUntil { get; set; }
}

public static class PageCacheHttpContextExtensions
{
    /// <summary>
    /// Lets the page cache keep this signed-in page for its owner until <paramref name="until"/> (e.g. their next
    /// local midnight, when "today" changes) or their next write, whichever comes first.
    /// </summary>
    public static void CacheForOwnerUntil(this HttpContext context, DateTimeOffset until)
    {
        if (context.Features.Get<PageCaptureFeature>() is { } capture)
        {
            capture.OwnerUntil = until;
        }
    }

    /// <summary>
    /// Takes back <see cref="CacheForOwnerUntil"/> for this answer: a part of the page shows what changes without a
    /// write of the owner's (a clinician's program panel: patients accepting, invitations expiring).
    /// </summary>
    public static void KeepOutOfPageCache(this HttpContext context)
    {
        if (context.Features.Get<PageCaptureFeature>() is { } capture)
        {
            capture.OwnerUntil = null;
        }
    }
}
