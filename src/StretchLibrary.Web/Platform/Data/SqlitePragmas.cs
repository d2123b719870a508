using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Accounts.Tokens;
using StretchLibrary.Web.Routines;
using StretchLibrary.Web.Routines.Reminders;
using StretchLibrary.Web.Routines.Sessions;
using StretchLibrary.Web.Routines.Sharing;

namespace StretchLibrary.Web.Platform.Data;

/// <summary>
/// Per-connection SQLite settings: wait up to 5 s for a lock instead of failing at once, make each commit
/// durable (synchronous=FULL; WAL mode itself is persistent and set once at start), and overwrite deleted rows
/// with zeros (secure_delete), so a deleted account's email and notes do not linger in free pages of the file.
/// They belong to the native connection, which the pool keeps open across EF's many open/close calls, so they
/// are sent once per native connection rather than before every query.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;";

    private readonly ConditionalWeakTable<object, object> _configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsNew(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsNew(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    // The native handle is the same object each time the pool hands out the same native connection.
    private bool IsNew(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || _configured.TryAdd(handle, this);
}
