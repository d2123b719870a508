using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using StretchLibrary.Web.Content;

namespace StretchLibrary.Web.Caching;

/// <summary>
/// <c>Caching:AnonymousPages=OutputCache</c>: ASP.NET Core's output cache for the pages marked
/// <see cref="CacheForAnonymousAttribute"/>, under the same rules as the page cache's anonymous side: only GET and
/// HEAD without a sign-in cookie or a flash message, only a 200 that sets no cookie, one copy per URL (query
/// included) for at most an hour, tagged <see cref="ContentTag"/> and evicted by that tag when the content reloads.
/// It runs after routing and authentication (it needs the endpoint's metadata), so its hits pass through request
/// logging and routing; pages are stored as rendered, uncompressed.
/// </summary>
public static partial class AnonymousOutputCache
{
    public const string ContentTag = "content";

    // A render that began before a reload can be stored just after the eviction: evicting once more a moment later
    // drops it (a page takes milliseconds to render).
    private static readonly TimeSpan SecondEviction = TimeSpan.FromSeconds(2);

    public static IServiceCollection AddAnonymousOutputCache(this IServiceCollection services)
    {
        services.AddOutputCache(options => options.AddBasePolicy(new LibraryPagesPolicy()));
        services.AddHostedService<EvictOnReload>();
        return services;
    }

    /// <summary>Goes after authentication, so a signed-in request is never answered from the cache.</summary>
    public static IApplicationBuilder UseAnonymousOutputCache(this IApplicationBuilder app) =>
        app.ApplicationServices.GetRequiredService<IOptions<CachingOptions>>().Value.AnonymousPages == AnonymousPageCaching.OutputCache
            ? app.UseOutputCache()
            : app;

    private sealed class LibraryPagesPolicy : IOutputCachePolicy
    {
        private static readonly object SnapshotKey = new();

        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            var cacheable = IsAnonymousLibraryRequest(http);
            context.EnableOutputCaching = cacheable;
            context.AllowCacheLookup = cacheable;
            context.AllowCacheStorage = cacheable;
            context.AllowLocking = true;
            if (cacheable)
            {
                context.CacheVaryByRules.QueryKeys = "*";
                context.ResponseExpirationTimeSpan = TimeSpan.FromHours(1);
                context.Tags.Add(ContentTag);
                http.Items[SnapshotKey] = http.RequestServices.GetRequiredService<ContentStore>().Current;
            }

            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            var response = http.Response;
            // Rendered from content that has since been replaced: serve it, keep nothing.
            var stale = !ReferenceEquals(http.Items[SnapshotKey], http.RequestServices.GetRequiredService<ContentStore>().Current);
            if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey(HeaderNames.SetCookie) || stale
                || http.User.Identity?.IsAuthenticated == true)
            {
                context.AllowCacheStorage = false;
            }

            return ValueTask.CompletedTask;
        }

        private static bool IsAnonymousLibraryRequest(HttpContext http)
        {
            var request = http.Request;
            if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)
                || http.User.Identity?.IsAuthenticated == true
                || http.GetEndpoint()?.Metadata.GetMetadata<CacheForAnonymousAttribute>() is null)
            {
                return false;
            }

            if (request.Headers.Cookie.Count == 0)
            {
                return true;
            }

            // Any sign-in cookie, even one that no longer validates, and a pending flash message: rendered.
            var services = http.RequestServices;
            var authCookie = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).Cookie.Name!;
            var flashCookie = services.GetRequiredService<IOptions<CookieTempDataProviderOptions>>().Value.Cookie.Name!;
            return request.Cookies.Keys.All(name => name != authCookie && !name.StartsWith(flashCookie, StringComparison.Ordinal));
        }
    }

    private sealed class EvictOnReload(ContentStore content, IOutputCacheStore store, TimeProvider clock, ILogger<EvictOnReload> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            content.Reloaded += Evict;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            content.Reloaded -= Evict;
            return Task.CompletedTask;
        }

        // The in-memory store evicts synchronously: the first eviction is done when the reload event returns.
        private void Evict(ContentSnapshot snapshot) => _ = EvictAsync();

        private async Task EvictAsync()
        {
            try
            {
                await store.EvictByTagAsync(ContentTag, CancellationToken.None);
                await Task.Delay(SecondEviction, clock);
                await store.EvictByTagAsync(ContentTag, CancellationToken.None);
            }
            catch (Exception ex)
            {
                LogEvictionFailed(logger, ContentTag, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Evicting the output cache's {Tag} pages failed")]
    private static partial void LogEvictionFailed(ILogger logger, string tag, Exception exception);
}
