namespace StretchLibrary.Web.Content;

public static class ContentServiceCollectionExtensions
{
    /// <summary>Registers the content store: one singleton that loads <c>Content:RootPath</c> and watches it.</summary>
    public static IServiceCollection AddContentLibrary(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var root = ContentOptions.Resolve(configuration[$"{ContentOptions.Section}:{nameof(ContentOptions.RootPath)}"], contentRoot);
        services.AddSingleton(sp => new ContentStore(root, sp.GetRequiredService<ILogger<ContentStore>>()));
        services.AddHealthChecks().AddCheck<ContentHealthCheck>("content");
        return services;
    }
}

internal sealed class ContentHealthCheck(ContentStore store) : Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck
{
    public Task<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult> CheckHealthAsync(
        Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(store.Current.Stretches.Count > 0
            ? Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy($"{store.Current.Stretches.Count} stretches")
            : Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Unhealthy("no stretches loaded"));
}
