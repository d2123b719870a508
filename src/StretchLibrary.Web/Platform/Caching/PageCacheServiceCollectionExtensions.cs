using StretchLibrary.Web.Library.Content;

namespace StretchLibrary.Web.Platform.Caching;

public static class PageCacheServiceCollectionExtensions
{
    /// <summary>
    /// The page cache, emptied when the content reloads, and what is kept in memory about users (facts, and the
    /// changes <see cref="UserDataChanges"/> reports). With it, response compression for what the page cache does
    /// not send itself (<see cref="Compression"/>).
    /// </summary>
    public static IServiceCollection AddPageCache(this IServiceCollection services)
    {
        services.AddAppCompression();
        services.AddSingleton(sp => new PageCache(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<UserFacts>();
        services.AddSingleton<UserChanges>();
        services.AddHostedService<ClearOnReload>();
        return services;
    }

    /// <summary>Serves cached pages; goes before request logging and routing, which a cached page skips.</summary>
    public static IApplicationBuilder UsePageCache(this IApplicationBuilder app) => app.UseMiddleware<PageCacheMiddleware>();

    private sealed class ClearOnReload(ContentStore content, PageCache cache) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            content.Reloaded += Clear;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            content.Reloaded -= Clear;
            return Task.CompletedTask;
        }

        private void Clear(ContentSnapshot snapshot) => cache.Clear();
    }
}
