using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;
using StretchLibrary.Web.Library.Content;

namespace StretchLibrary.Web.Platform.Caching;

/// <summary>
/// What instances share when <c>Redis:Configuration</c> (a StackExchange.Redis connection string) is set: the
/// data-protection key ring (so any instance reads any instance's cookies and antiforgery tokens) and
/// invalidation (a user's change on one instance is forgotten on all, through pub/sub). Absent, the app is one
/// instance and keeps all of it in memory and its keys on local disk.
/// </summary>
public static partial class SharedState
{
    public const string ApplicationName = "StretchLibrary";

    internal static readonly RedisChannel ForgetChannel = RedisChannel.Literal("stretchlibrary:forget");

    internal static readonly RedisChannel ContentChannel = RedisChannel.Literal("stretchlibrary:content");

    internal const string Everyone = "*";

    /// <summary>The Redis list holding the data-protection key ring.</summary>
    public const string KeysKey = "stretchlibrary:data-protection-keys";

    /// <param name="problem">Why the shared state cannot be set up (one line for stderr), or null.</param>
    public static IServiceCollection AddSharedState(this IServiceCollection services, IConfiguration configuration, out string? problem)
    {
        problem = null;
        if (configuration["Redis:Configuration"] is not { } redis || string.IsNullOrWhiteSpace(redis))
        {
            return services;
        }

        if (KeyCertificate.Load(configuration, out problem) is not { } certificate)
        {
            return services;
        }

        // One application name for every instance (the default is the content root path, which may differ).
        // Only when shared: on a single instance, changing it would sign every existing guest out.
        var dataProtection = services.AddDataProtection().SetApplicationName(ApplicationName);

        var options = ConfigurationOptions.Parse(redis);
        // Redis down at start (or later): keep serving and reconnect in the background.
        options.AbortOnConnectFail = false;
        var connection = ConnectionMultiplexer.Connect(options);
        services.AddSingleton<IConnectionMultiplexer>(connection);
        // Whoever reads the keys could forge any cookie: in Redis they are stored encrypted to the certificate.
        dataProtection.PersistKeysToStackExchangeRedis(connection, KeysKey)
            .ProtectKeysWithCertificate(certificate)
            .UnprotectKeysWithAnyCertificate(certificate);
        services.AddHostedService<ForgetListener>();
        services.AddHostedService<ContentBroadcast>();
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", HealthStatus.Degraded);
        return services;
    }

    /// <summary>
    /// Forgets here what another instance announced. While Redis is unreachable, announcements are lost, so on
    /// every reconnection this instance forgets everything it kept about users.
    /// </summary>
    private sealed partial class ForgetListener(IConnectionMultiplexer redis, UserChanges changes, ILogger<ForgetListener> logger) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            redis.ConnectionRestored += Restored;
            try
            {
                await redis.GetSubscriber().SubscribeAsync(ForgetChannel, (_, message) => changes.ForgetHere(message.ToString()));
            }
            catch (RedisException ex)
            {
                // The client keeps the handler and subscribes when the connection comes back.
                LogUnavailable(logger, ex);
            }
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            redis.ConnectionRestored -= Restored;
            return Task.CompletedTask;
        }

        // The client subscribes again by itself (also when the first attempt failed): subscribing here would add
        // one more handler per reconnection.
        private void Restored(object? sender, ConnectionFailedEventArgs e) => changes.ForgetHere(Everyone);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unreachable; serving without shared invalidation until it is back")]
        private static partial void LogUnavailable(ILogger logger, Exception exception);
    }

    /// <summary>
    /// A content reload on one instance is announced to the others, which reload too when their own folder differs
    /// from what they last loaded (a share whose change notifications do not arrive, <c>Content:Watch=false</c>).
    /// Their reload is announced in turn, but finds every folder unchanged, so it ends there.
    /// </summary>
    private sealed partial class ContentBroadcast(IConnectionMultiplexer redis, ContentStore content, ILogger<ContentBroadcast> logger) : IHostedService
    {
        private readonly string _instance = Guid.NewGuid().ToString("n");

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            content.Reloaded += Announce;
            redis.ConnectionRestored += Restored;
            try
            {
                await redis.GetSubscriber().SubscribeAsync(ContentChannel, (channel, message) =>
                {
                    if (message != _instance)
                    {
                        _ = Task.Run(ReloadIfChanged, CancellationToken.None);
                    }
                });
            }
            catch (RedisException ex)
            {
                LogUnavailable(logger, ex);
            }
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            content.Reloaded -= Announce;
            redis.ConnectionRestored -= Restored;
            return Task.CompletedTask;
        }

        private void Announce(ContentSnapshot snapshot)
        {
            try
            {
                redis.GetSubscriber().Publish(ContentChannel, _instance, CommandFlags.FireAndForget);
            }
            catch (RedisException ex)
            {
                LogNotAnnounced(logger, ex);
            }
        }

        // Announcements made while this instance was cut off are lost: look for changes on reconnecting.
        private void Restored(object? sender, ConnectionFailedEventArgs e) => _ = Task.Run(ReloadIfChanged, CancellationToken.None);

        private void ReloadIfChanged()
        {
            try
            {
                content.ReloadIfChanged();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                LogReloadFailed(logger, ex);
            }
        }

        [LoggerMessage(Level = LogLevel.Warning, Message = "Could not announce a content reload through Redis")]
        private static partial void LogNotAnnounced(ILogger logger, Exception exception);

        [LoggerMessage(Level = LogLevel.Error, Message = "Content reload announced by another instance failed; still serving the previous content")]
        private static partial void LogReloadFailed(ILogger logger, Exception exception);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unreachable; content reloads on other instances are not heard until it is back")]
        private static partial void LogUnavailable(ILogger logger, Exception exception);
    }

    private sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(redis.IsConnected
                ? HealthCheckResult.Healthy("redis connected")
                : HealthCheckResult.Degraded("redis unreachable: serving without shared caches; user data is read from the database"));
    }
}
