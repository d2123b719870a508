using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StretchLibrary.Web.Library.Figures;

namespace StretchLibrary.Web.Library.Content;

public static class ContentServiceCollectionExtensions
{
    /// <summary>Registers the content store: one singleton that loads <c>Content:RootPath</c> and watches it.</summary>
    public static IServiceCollection AddContentLibrary(this IServiceCollection services)
    {
        services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.Section);
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ContentOptions>>().Value;
            var contentRoot = sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath;
            return new ContentStore(
                ContentOptions.Resolve(options.RootPath, contentRoot),
                sp.GetRequiredService<ILogger<ContentStore>>(),
                watch: options.Watch,
                figures: FigureCache.Shared(ContentOptions.ResolveFigureCache(options.FigureCachePath, contentRoot), sp.GetRequiredService<ILogger<FigureCache>>()));
        });
        services.AddHealthChecks().AddCheck<ContentHealthCheck>("content");
        return services;
    }
}

internal sealed class ContentHealthCheck(ContentStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var count = store.Current.Stretches.Count;
        return Task.FromResult(count > 0 ? HealthCheckResult.Healthy($"{count} stretches") : HealthCheckResult.Unhealthy("no stretches loaded"));
    }
}
