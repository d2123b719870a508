using System.Globalization;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Accounts.Tokens;
using StretchLibrary.Web.Routines;
using StretchLibrary.Web.Routines.Reminders;
using StretchLibrary.Web.Routines.Sessions;
using StretchLibrary.Web.Routines.Sharing;

namespace StretchLibrary.Web.Platform.Data;

/// <summary>
/// EF Core (9+) takes a lock before migrating a SQLite database: a row in <c>__EFMigrationsLock</c>, deleted when
/// it is done. A process killed while migrating leaves the row behind, and the next start would wait for it
/// forever. Migrating this app takes well under a second, so a row older than <see cref="StaleAfter"/> is stale.
/// </summary>
public static partial class MigrationLock
{
    public const string Table = "__EFMigrationsLock";

    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Waits while a fresh lock is held (another instance migrating), and deletes one that is stale. Returns the
    /// stale lock's age when it deleted one, otherwise null.
    /// </summary>
    public static async Task<TimeSpan?> ClearStaleAsync(AppDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var started = DateTimeOffset.UtcNow;
            while (await FindAsync(db, cancellationToken) is { } held)
            {
                var now = DateTimeOffset.UtcNow;
                if (held.Since is not { } since || now - since > StaleAfter || now - started > StaleAfter)
                {
                    await db.Database.ExecuteSqlRawAsync($"DELETE FROM \"{Table}\";", cancellationToken);
                    var age = held.Since is { } taken ? now - taken : now - started;
                    LogCleared(logger, age.TotalSeconds);
                    return age;
                }

                await Task.Delay(Poll, cancellationToken);
            }

            return null;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The lock row, with when it was taken (null when unreadable); null when nobody holds the lock.</summary>
    private static async Task<Held?> FindAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{Table}';";
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
        {
            return null;
        }

        command.CommandText = $"SELECT \"Timestamp\" FROM \"{Table}\" LIMIT 1;";
        return await command.ExecuteScalarAsync(cancellationToken) switch
        {
            null or DBNull => null,
            var value => new Held(DateTimeOffset.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since) ? since : null),
        };
    }

    private sealed record Held(DateTimeOffset? Since);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cleared a stale migration lock taken {LockAgeSeconds:0} s ago by a process that did not finish")]
    private static partial void LogCleared(ILogger logger, double lockAgeSeconds);
}
