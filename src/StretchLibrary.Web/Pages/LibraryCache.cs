using Microsoft.AspNetCore.OutputCaching;
using StretchLibrary.Web.Content;

namespace StretchLibrary.Web.Pages;

/// <summary>
/// Output caching for the library pages. Anonymous visitors get the same bytes, so those are rendered once and
/// served from memory until content changes; signed-in requests and responses that set cookies are never cached
/// (the default policy's rules).
/// </summary>
public static class LibraryCache
{
    public const string Policy = "library";
    private const string ContentTag = "content";

    public static IServiceCollection AddLibraryCache(this IServiceCollection services)
    {
        services.AddOutputCache(options => options.AddPolicy(Policy, policy => policy
            .Expire(TimeSpan.FromHours(1))
            .SetVaryByQuery("q", "category", "position", "equipment")
            .Tag(ContentTag)));
        services.AddHostedService<EvictOnReload>();
        return services;
    }

    /// <summary>Drops every cached library page when the content store loads a new snapshot.</summary>
    private sealed class EvictOnReload(ContentStore content, IOutputCacheStore cache) : IHostedService
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

        private void Evict(ContentSnapshot snapshot) => cache.EvictByTagAsync(ContentTag, CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }
}
