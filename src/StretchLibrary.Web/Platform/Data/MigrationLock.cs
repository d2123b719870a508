using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace StretchLibrary.Web.Platform.Data;

/// <summary>
/// One migration at a time on a SQLite file. A process migrating holds an OS lock on a file next to the database
/// (<c>&lt;database&gt;.migrate-lock</c>, opened with <see cref="FileShare.None"/>) from before EF takes its own lock
/// until the migration is done; another one (a second <c>migrate</c>, an instance starting) waits for it however
/// long the migration takes. The OS drops the lock when its process ends, killed or not, so whoever holds it next
/// knows EF's lock row (<c>__EFMigrationsLock</c>), if any, was left by a process that died, and deletes it.
/// </summary>
public static partial class MigrationLock
{
    public const string Table = "__EFMigrationsLock";

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    /// <summary>The lock file for a SQLite database file.</summary>
    public static string FileFor(string databasePath) => Path.GetFullPath(databasePath) + ".migrate-lock";

    /// <summary>
    /// Waits until no other process holds the lock file, takes it, and clears EF's lock row when one was left behind.
    /// Dispose the result when the migration is done. Null for a database that is not a plain file (in memory).
    /// </summary>
    public static async Task<IDisposable?> AcquireAsync(AppDbContext db, string dataSource, ILogger logger, CancellationToken cancellationToken)
    {
        if (dataSource.Length == 0 || dataSource.StartsWith(':') || dataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            return null;
        }

        var held = await HoldAsync(FileFor(dataSource), logger, cancellationToken);
        try
        {
            if (await ClearLeftoverAsync(db, cancellationToken) is { } since)
            {
                LogCleared(logger, since);
            }

            return held;
        }
        catch
        {
            await held.DisposeAsync();
            throw;
        }
    }

    private static async Task<FileStream> HoldAsync(string path, ILogger logger, CancellationToken cancellationToken)
    {
        var waiting = false;
        while (true)
        {
            try
            {
                // Never deleted: a process waiting on it could otherwise lock a file that is no longer there.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException ex) when (ex.GetType() == typeof(IOException))
            {
                // Held by a process that is migrating (or another error, which the message says).
                if (!waiting)
                {
                    LogWaiting(logger, path, ex.Message);
                    waiting = true;
                }

                await Task.Delay(Poll, cancellationToken);
            }
        }
    }

    /// <summary>Deletes EF's lock row; returns when it was taken ("unknown" when unreadable), or null when there was none.</summary>
    private static async Task<string?> ClearLeftoverAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{Table}';";
            if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
            {
                return null;
            }

            command.CommandText = $"SELECT \"Timestamp\" FROM \"{Table}\" LIMIT 1;";
            if (await command.ExecuteScalarAsync(cancellationToken) is not { } taken || taken is DBNull)
            {
                return null;
            }

            command.CommandText = $"DELETE FROM \"{Table}\";";
            await command.ExecuteNonQueryAsync(cancellationToken);
            return Convert.ToString(taken, CultureInfo.InvariantCulture) ?? "unknown";
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waiting for another process to finish migrating: {LockFile} is held ({Reason})")]
    private static partial void LogWaiting(ILogger logger, string lockFile, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cleared the migration lock taken at {TakenAt} by a process that stopped while migrating")]
    private static partial void LogCleared(ILogger logger, string takenAt);
}
