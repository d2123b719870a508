using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace StretchLibrary.Web.Platform.Data;

/// <summary>
/// Per-connection SQLite settings: wait up to <see cref="SqliteBusyRetry.LockWait"/> for a lock instead of failing at
/// once (and keep the driver's own busy loop short: see <see cref="SqliteBusyRetry"/>), make each commit
/// durable (synchronous=FULL; WAL mode itself is persistent and set once at start), and overwrite deleted rows
/// with zeros (secure_delete), so a deleted account's email and notes do not linger in free pages of the file.
/// They belong to the native connection, which the pool keeps open across EF's many open/close calls, so they
/// are sent once per native connection rather than before every query.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    private static readonly string Pragmas = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {(int)SqliteBusyRetry.LockWait.TotalMilliseconds}; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;");

    private readonly ConditionalWeakTable<object, object> _configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        KeepDriverRetryShort(connection);
        if (IsNew(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        KeepDriverRetryShort(connection);
        if (IsNew(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    // The timeout of every command the connection creates (EF's and BEGIN's): how long the driver retries a busy
    // statement on top of busy_timeout, which it would otherwise do for 30 s per try.
    private static void KeepDriverRetryShort(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            sqlite.DefaultTimeout = (int)SqliteBusyRetry.DriverTimeout.TotalSeconds;
        }
    }

    // The native handle is the same object each time the pool hands out the same native connection.
    private bool IsNew(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || _configured.TryAdd(handle, this);
}
