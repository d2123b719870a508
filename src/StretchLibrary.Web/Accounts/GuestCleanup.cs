using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Platform.Data;

namespace StretchLibrary.Web.Accounts;

/// <summary>Once a day, deletes unclaimed guest accounts idle for longer than <see cref="GuestAccounts.GuestRetention"/>.</summary>
public sealed partial class GuestCleanup(IServiceScopeFactory scopes, TimeProvider clock, ILogger<GuestCleanup> logger) : BackgroundService
{
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cutoff = clock.GetUtcNow() - GuestAccounts.GuestRetention;
        // Routines, items and completions go with the user through cascading foreign keys. Untagged, so every
        // instance forgets every user (UserDataChanges): the ids are not read first.
        var deleted = await db.Users.Where(u => u.IsGuest && u.LastSeenAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
        {
            LogDeleted(logger, deleted);
        }

        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromDays(1), clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} idle guest accounts")]
    private static partial void LogDeleted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Guest clean-up failed; will try again tomorrow")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
