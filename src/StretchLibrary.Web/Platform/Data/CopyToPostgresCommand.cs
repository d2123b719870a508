using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace StretchLibrary.Web.Platform.Data;

/// <summary>
/// <c>copy-to-postgres &lt;sqlite-file&gt; &lt;postgres-connection-string&gt;</c>: moves a deployment from its SQLite file
/// to an empty PostgreSQL database. Migrates the target, refuses it when it already has an account, copies every
/// table in one transaction keeping the ids, moves the identity sequences past them, and commits only when every
/// table's row count matches the source.
/// </summary>
public static class CopyToPostgresCommand
{
    private const int BatchSize = 2_000;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        if (args is not [var sqliteFile, var postgres])
        {
            await error.WriteLineAsync("Usage: copy-to-postgres <sqlite-file> <postgres-connection-string>");
            return 1;
        }

        try
        {
            return await CopyAsync(sqliteFile, postgres, output, error, cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or SqliteException or DbUpdateException or InvalidOperationException or System.Net.Sockets.SocketException or TimeoutException)
        {
            await error.WriteLineAsync($"copy-to-postgres failed, nothing was copied: {ex.GetBaseException().Message.ReplaceLineEndings(" ")}");
            return 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    private static async Task<int> CopyAsync(string sqliteFile, string postgres, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!File.Exists(sqliteFile))
        {
            await error.WriteLineAsync($"SQLite file not found: {sqliteFile}");
            return 1;
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(postgres);
        }
        catch (ArgumentException ex)
        {
            await error.WriteLineAsync($"Not a valid PostgreSQL connection string: {ex.Message}");
            return 1;
        }

        var sourceOptions = new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = sqliteFile, Mode = SqliteOpenMode.ReadOnly }.ToString()).Options;
        await using var source = new AppDbContext(sourceOptions);
        if ((await source.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await error.WriteLineAsync($"{sqliteFile} is not at this version's schema: run the migrate verb on it (or start the app on it once) first.");
            return 1;
        }

        await using var target = new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(postgres).Options);
        // Creates the database when it does not exist yet (the role needs CREATEDB for that).
        await target.Database.MigrateAsync(cancellationToken);
        if (await target.Users.AnyAsync(cancellationToken))
        {
            await error.WriteLineAsync("The PostgreSQL database already has accounts; copy-to-postgres only fills an empty database. Nothing was copied.");
            return 1;
        }

        target.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await target.Database.BeginTransactionAsync(cancellationToken);
        var counts = new List<(string Table, int Source, int Target)>();

        // Every table of the model, parents before children, so every foreign key finds its row.
        foreach (var entity in CopyOrder(target.Model))
        {
            counts.Add(await (Task<(string, int, int)>)CopyTableMethod.MakeGenericMethod(entity.ClrType).Invoke(null, [source, target, cancellationToken])!);
        }

        await ResetSequencesAsync(target, cancellationToken);

        foreach (var (table, sourceCount, targetCount) in counts)
        {
            await output.WriteLineAsync($"{table}: {targetCount} rows{(sourceCount == targetCount ? "" : $" (source has {sourceCount})")}");
        }

        if (counts.Any(c => c.Source != c.Target))
        {
            await error.WriteLineAsync("Row counts differ between the SQLite file and PostgreSQL; rolled back, nothing was copied.");
            return 1;
        }

        await transaction.CommitAsync(cancellationToken);
        await output.WriteLineAsync($"Copied {counts.Count} tables from {sqliteFile} to PostgreSQL.");
        return 0;
    }

    private static readonly System.Reflection.MethodInfo CopyTableMethod =
        typeof(CopyToPostgresCommand).GetMethod(nameof(CopyTableAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;

    /// <summary>
    /// The model's entity types with a table of their own, each after every type its foreign keys point to (a key to
    /// itself aside), in a stable order. Throws when foreign keys form a cycle, which a plain copy cannot order.
    /// </summary>
    internal static List<IEntityType> CopyOrder(IModel model)
    {
        var pending = model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned())
            .OrderBy(e => e.GetTableName(), StringComparer.Ordinal).ToList();
        var ordered = new List<IEntityType>();
        while (pending.Count > 0)
        {
            var ready = pending.FirstOrDefault(e => e.GetForeignKeys().All(fk => fk.PrincipalEntityType == e || ordered.Contains(fk.PrincipalEntityType)))
                ?? throw new InvalidOperationException($"Foreign keys form a cycle among {string.Join(", ", pending.Select(e => e.GetTableName()))}.");
            ordered.Add(ready);
            pending.Remove(ready);
        }

        return ordered;
    }

    /// <summary>Copies one table with its ids, in batches, and returns both row counts.</summary>
    private static async Task<(string, int, int)> CopyTableAsync<T>(AppDbContext source, PostgresAppDbContext target, CancellationToken cancellationToken)
        where T : class
    {
        var rows = source.Set<T>();
        var table = target.Model.FindEntityType(typeof(T))!.GetTableName()!;
        var pending = 0;
        await foreach (var row in rows.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var entry = target.Add(row);
            // timestamptz takes UTC only; a value read from SQLite keeps whatever offset it was written with.
            foreach (var property in entry.Properties)
            {
                if (property.CurrentValue is DateTimeOffset time && time.Offset != TimeSpan.Zero)
                {
                    property.CurrentValue = time.ToUniversalTime();
                }
            }

            if (++pending == BatchSize)
            {
                await target.SaveChangesAsync(cancellationToken);
                target.ChangeTracker.Clear();
                pending = 0;
            }
        }

        await target.SaveChangesAsync(cancellationToken);
        target.ChangeTracker.Clear();
        return (table, await rows.CountAsync(cancellationToken), await target.Set<T>().CountAsync(cancellationToken));
    }

    /// <summary>Moves each identity column's sequence past the copied ids, so the next insert does not collide.</summary>
    private static async Task ResetSequencesAsync(PostgresAppDbContext target, CancellationToken cancellationToken)
    {
        foreach (var entity in target.Model.GetEntityTypes())
        {
            if (entity.FindPrimaryKey()?.Properties is [var key] && key.ValueGenerated != Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never
                && (key.ClrType == typeof(int) || key.ClrType == typeof(long)))
            {
                var table = entity.GetTableName()!;
                var column = key.GetColumnName();
                // Names come from the model, not from input.
                var sql = "SELECT setval(pg_get_serial_sequence('\"" + table + "\"', '" + column + "'), COALESCE(MAX(\"" + column + "\"), 0) + 1, false) FROM \"" + table + "\"";
                await target.Database.ExecuteSqlRawAsync(sql, cancellationToken);
            }
        }
    }
}
