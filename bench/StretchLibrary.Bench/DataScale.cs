using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace StretchLibrary.Bench;

/// <summary>
/// Fills a migrated database (the app made its schema) around a user who registered through the app:
/// <list type="bullet">
/// <item><c>small</c>: that user's 20,000 sessions over their routines, nothing else.</item>
/// <item><c>big</c>: the same 20,000 sessions spread through COMPLETIONS rows in all (default 10,000,000), with
/// COMPLETIONS/100 filler accounts (no password), 3 routines each with 4 stretches, and the rest of the sessions.</item>
/// </list>
/// Row n of the sequence is the same session in both, so the user's data is identical and only the database's size
/// changes. One transaction with INSERT ... SELECT over a generated series (SQLite: a recursive CTE; PostgreSQL:
/// generate_series), secondary indexes dropped first and made again after, exactly as the migrations declared them.
/// </summary>
internal static class DataScale
{
    public const int UserSessions = 20_000;

    private static readonly string[] Slugs =
    [
        "chin-tucks", "seated-trunk-rotation", "backward-shoulder-rolls", "neck-flexion-extension", "prone-w", "thoracic-extension",
        "quadruped-rotation", "thoracic-rotation-stretch", "seated-cervical-rotation", "foam-roller-i-y-t", "lying-arm-extensions",
    ];

    private static readonly string[] Tables = ["AspNetUsers", "Routines", "RoutineItems", "Completions"];

    public static async Task<int> RunAsync(string provider, string connectionString, string email, string mode, long total)
    {
        if (provider is not ("sqlite" or "postgres") || mode is not ("small" or "big") || total < UserSessions * 10L || total % UserSessions != 0)
        {
            Console.Error.WriteLine($"data-scale: provider sqlite|postgres, mode small|big, completions a multiple of {UserSessions} and at least {UserSessions * 10}");
            return 2;
        }

        var postgres = provider == "postgres";
        await using DbConnection connection = postgres
            ? new NpgsqlConnection(connectionString + ";Command Timeout=0")
            : new SqliteConnection(connectionString + ";Default Timeout=0");
        await connection.OpenAsync();
        var sql = new Sql(postgres, total);
        var owner = (string?)await ScalarAsync(connection, sql.Q($"SELECT Id FROM AspNetUsers WHERE NormalizedEmail = '{email.ToUpperInvariant().Replace("'", "''", StringComparison.Ordinal)}'"))
            ?? throw new InvalidOperationException($"no account {email}: register it through the app first");
        Guid.Parse(owner); // Only an id the app made goes into the SQL below.
        var routines = new List<long>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = sql.Q($"SELECT Id FROM Routines WHERE OwnerId = '{owner}' ORDER BY Id");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                routines.Add(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture));
            }
        }

        if (routines.Count == 0)
        {
            throw new InvalidOperationException($"{email} has no routines: copy some through the app first");
        }

        var clock = Stopwatch.StartNew();
        // The user's sessions from an earlier run go first, committed on their own: PostgreSQL's CREATE INDEX below
        // would otherwise still index rows deleted by its own transaction, leaving 20,000 dead entries in the
        // user's part of the index.
        await ExecuteAsync(connection, sql.Q($"DELETE FROM Completions WHERE OwnerId = '{owner}'"));
        if (!postgres)
        {
            // Only this process uses the file now: a rollback journal (cheaper than a WAL for one huge transaction),
            // no fsync until the end, a large page cache for the index builds. WAL is set back afterwards.
            await ExecuteAsync(connection, "PRAGMA journal_mode = DELETE; PRAGMA synchronous = OFF; PRAGMA cache_size = -1000000; PRAGMA foreign_keys = ON;");
        }

        await using (var transaction = await connection.BeginTransactionAsync())
        {
            if (postgres)
            {
                // Rows are consistent by construction (checked below), so skip 10 million foreign-key triggers.
                await ExecuteAsync(connection, "SET LOCAL session_replication_role = replica; SET LOCAL maintenance_work_mem = '512MB';");
            }

            var indexes = await DropIndexesAsync(connection, postgres);
            if (mode == "big")
            {
                await ExecuteAsync(connection, sql.Users());
                var routineBase = await MaxAsync(connection, sql, "Routines");
                await ExecuteAsync(connection, sql.Routines(routineBase));
                await ExecuteAsync(connection, sql.Items(await MaxAsync(connection, sql, "RoutineItems"), routineBase));
                await ExecuteAsync(connection, sql.Completions(owner, routines, routineBase, onlyTheUser: false));
            }
            else
            {
                await ExecuteAsync(connection, sql.Completions(owner, routines, routineBase: 0, onlyTheUser: true));
            }

            foreach (var index in indexes)
            {
                await ExecuteAsync(connection, index);
            }

            if (postgres)
            {
                foreach (var table in new[] { "Routines", "RoutineItems" })
                {
                    await ExecuteAsync(connection, $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), (SELECT max(\"Id\") FROM \"{table}\"))");
                }
            }

            await transaction.CommitAsync();
        }

        var generated = clock.Elapsed.TotalSeconds;
        // PostgreSQL: what autovacuum would soon do after a bulk load (statistics, visibility map for index-only scans).
        // SQLite: back to the app's journal mode; no ANALYZE, since the app never runs one.
        await ExecuteAsync(connection, postgres ? "VACUUM (ANALYZE)" : "PRAGMA journal_mode = WAL;");
        var ready = clock.Elapsed.TotalSeconds;

        var counts = new List<string>();
        foreach (var table in Tables)
        {
            counts.Add($"{table}={await ScalarAsync(connection, sql.Q($"SELECT COUNT(*) FROM {table}"))}");
        }

        var mine = await ScalarAsync(connection, sql.Q($"SELECT COUNT(*) FROM Completions WHERE OwnerId = '{owner}'"));
        // Every session belongs to a routine of the same owner (pages filter completions by their OwnerId).
        var strays = await ScalarAsync(connection, sql.Q("SELECT COUNT(*) FROM Completions c LEFT JOIN Routines r ON r.Id = c.RoutineId WHERE r.Id IS NULL OR r.OwnerId <> c.OwnerId"))
            + "/" + await ScalarAsync(connection, sql.Q("SELECT COUNT(*) FROM RoutineItems i LEFT JOIN Routines r ON r.Id = i.RoutineId WHERE r.Id IS NULL"));
        var size = postgres
            ? Convert.ToInt64(await ScalarAsync(connection, "SELECT pg_database_size(current_database())"), CultureInfo.InvariantCulture)
            : new FileInfo(((SqliteConnection)connection).DataSource).Length;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"data-scale: provider={provider} mode={mode} {string.Join(' ', counts)} user_sessions={mine} strays={strays} generate={generated:0.0}s then_{(postgres ? "vacuum_analyze" : "wal")}={ready - generated:0.0}s size={size / 1024.0 / 1024:0}MB"));
        return Convert.ToInt64(mine, CultureInfo.InvariantCulture) == UserSessions && strays == "0/0" ? 0 : 1;
    }

    /// <summary>Drops the secondary indexes of the filled tables; returns the statements that make them again.</summary>
    private static async Task<List<string>> DropIndexesAsync(DbConnection connection, bool postgres)
    {
        var names = string.Join(", ", Tables.Select(t => $"'{t}'"));
        var found = new List<(string Name, string Create)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = postgres
                ? $"SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename IN ({names}) AND indexname NOT IN (SELECT conname FROM pg_constraint)"
                : $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({names})";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                found.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in found)
        {
            await ExecuteAsync(connection, $"DROP INDEX \"{name}\"");
        }

        return [.. found.Select(f => f.Create)];
    }

    private static async Task<long> MaxAsync(DbConnection connection, Sql sql, string table) =>
        Convert.ToInt64(await ScalarAsync(connection, sql.Q($"SELECT COALESCE(MAX(Id), 0) FROM {table}")), CultureInfo.InvariantCulture);

    private static async Task<object?> ScalarAsync(DbConnection connection, string text)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = text;
        return await command.ExecuteScalarAsync();
    }

    private static async Task ExecuteAsync(DbConnection connection, string text)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = text;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// The generating statements in each provider's dialect. Session n (1..total): every (total/20,000)th is the
    /// user's, the others belong to filler routine 1 + (n * 7919) mod routines, so a routine's sessions, and the
    /// user's, are spread through the table as they would be when many people log over the same years. Dates run
    /// from 1,800 days ago (n = 1) to today.
    /// </summary>
    private sealed class Sql(bool postgres, long total)
    {
        private readonly long _users = total / 100;
        private readonly long _routines = total / 100 * 3;
        private readonly long _stride = total / UserSessions;
        private readonly DateTimeOffset _today = new(DateTime.UtcNow.Date, TimeSpan.Zero);

        /// <summary>Quotes the bare table and column names of a statement written for both (PostgreSQL folds them).</summary>
        public string Q(string text)
        {
            if (!postgres)
            {
                return text;
            }

            foreach (var name in new[] { "AspNetUsers", "RoutineItems", "Routines", "Completions", "NormalizedEmail", "OwnerId", "RoutineId", "Id" })
            {
                text = System.Text.RegularExpressions.Regex.Replace(text, $@"(?<![""\w]){name}(?![""\w])", $"\"{name}\"");
            }

            return text;
        }

        public string Users() => $"""
            INSERT INTO {T("AspNetUsers")} ({C("Id", "IsGuest", "TimeZoneId", "CreatedAt", "LastSeenAt", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed", "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")})
            SELECT {UserId("u")}, {Bool(false)}, 'UTC', {Time("u % 1800", "u % 86400")}, {Time("0", "u % 86400")},
                'filler' || u || '@example.com', 'FILLER' || u || '@EXAMPLE.COM', 'filler' || u || '@example.com', 'FILLER' || u || '@EXAMPLE.COM',
                {Bool(true)}, 'FILLERSTAMP' || u, 'filler-' || u, {Bool(false)}, {Bool(false)}, {Bool(true)}, 0
            FROM {Series("u", 1, 1, _users)}
            """;

        public string Routines(long routineBase) => $"""
            INSERT INTO {T("Routines")} ({C("Id", "OwnerId", "Name", "WeeklyTarget", "CreatedAt", "UpdatedAt")})
            SELECT {routineBase} + k, {UserId($"((k - 1) / 3 + 1)")}, CASE k % 3 WHEN 0 THEN 'Morning set' WHEN 1 THEN 'Desk break' ELSE 'Evening unwind' END,
                NULLIF(k % 6, 0), {Time("1800", "k % 86400")}, {Time("k % 1800", "k % 86400")}
            FROM {Series("k", 1, 1, _routines)}
            """;

        public string Items(long itemBase, long routineBase) => $"""
            INSERT INTO {T("RoutineItems")} ({C("Id", "RoutineId", "Position", "StretchSlug", "Reps")})
            SELECT {itemBase} + j + 1, {routineBase} + j / 4 + 1, j % 4, {Slug("(j / 4 + 1 + j % 4)")}, CASE WHEN j % 5 = 0 THEN 8 END
            FROM {Series("j", 0, 1, (_routines * 4) - 1)}
            """;

        public string Completions(string owner, List<long> userRoutines, long routineBase, bool onlyTheUser)
        {
            var theirs = "CASE (n / " + _stride + ") % " + userRoutines.Count + string.Concat(userRoutines.Select((r, i) => $" WHEN {i} THEN {r}")) + " END";
            var k = $"(1 + (n * 7919) % {_routines})";
            var day = $"(({total} - n) * 1800 / {total})";
            var isTheirs = $"n % {_stride} = 0";
            var slugs = postgres
                ? $"CASE WHEN {isTheirs} THEN ARRAY['chin-tucks', 'backward-shoulder-rolls'] ELSE ARRAY[{Slug(k)}, {Slug($"({k} + 1)")}] END"
                : $"CASE WHEN {isTheirs} THEN '[\"chin-tucks\",\"backward-shoulder-rolls\"]' ELSE '[\"' || {Slug(k)} || '\",\"' || {Slug($"({k} + 1)")} || '\"]' END";
            var clientId = postgres
                ? "md5('session-' || n)::uuid"
                : "printf('%08X-%04X-4%03X-B%03X-%012X', (n * 2654435761) % 4294967296, n % 65536, (n * 7) % 4096, (n * 11) % 4096, n)";
            return $"""
                INSERT INTO {T("Completions")} ({C("RoutineId", "OwnerId", "LocalDate", "CompletedAtUtc", "StretchSlugs", "PainBefore", "PainAfter", "Note", "ClientId")})
                SELECT CASE WHEN {isTheirs} THEN {theirs} ELSE {routineBase} + {k} END,
                    CASE WHEN {isTheirs} THEN '{owner}' ELSE {UserId($"(({k} - 1) / 3 + 1)")} END,
                    {Date(day)}, {Time(day, $"25200 + n % 3600")}, {slugs},
                    CASE WHEN n % 11 = 3 THEN NULL ELSE n % 7 + 2 END, CASE WHEN n % 11 = 3 THEN NULL ELSE n % 4 + 1 END,
                    CASE WHEN n % 13 = 0 THEN 'Felt looser afterwards' END, {clientId}
                FROM {(onlyTheUser ? Series("n", _stride, _stride, total) : Series("n", 1, 1, total))}
                """;
        }

        private string T(string table) => postgres ? $"\"{table}\"" : table;

        private string C(params string[] columns) => string.Join(", ", columns.Select(c => postgres ? $"\"{c}\"" : c));

        private string Bool(bool value) => postgres ? (value ? "TRUE" : "FALSE") : (value ? "1" : "0");

        private string Series(string name, long from, long step, long to) => postgres
            ? $"generate_series({from}::bigint, {to}::bigint, {step}::bigint) AS {name}"
            : $"(WITH RECURSIVE s({name}) AS (SELECT {from} UNION ALL SELECT {name} + {step} FROM s WHERE {name} + {step} <= {to}) SELECT {name} FROM s)";

        /// <summary>A filler account's id: a lowercase UUID-shaped string, like Identity's, distinct for each number.</summary>
        private string UserId(string u) => postgres
            ? $"md5('filler-' || {u})::uuid::text"
            : $"printf('%08x-%04x-4%03x-a%03x-%012x', ({u} * 2654435761) % 4294967296, {u} % 65536, ({u} * 7) % 4096, ({u} * 13) % 4096, {u} * 1000003)";

        private static string Slug(string index) => "CASE " + index + " % " + Slugs.Length + string.Concat(Slugs.Select((s, i) => $" WHEN {i} THEN '{s}'")) + " END";

        /// <summary>The calendar date <paramref name="daysAgo"/> days before today (UTC, the filler's time zone).</summary>
        private string Date(string daysAgo) => postgres
            ? $"(DATE '{_today:yyyy-MM-dd}' - {daysAgo}::int)"
            : $"date({(_today.ToUnixTimeSeconds() / 86400.0) + 2440587.5:0.0} - {daysAgo})";

        /// <summary>
        /// A UTC time <paramref name="daysAgo"/> days before today plus <paramref name="seconds"/>: timestamptz on
        /// PostgreSQL; on SQLite EF's DateTimeOffsetToBinaryConverter, ((ticks / 1000) &lt;&lt; 11) | offset minutes (0).
        /// </summary>
        private string Time(string daysAgo, string seconds)
        {
            var unix = $"({_today.ToUnixTimeSeconds()} - {daysAgo} * 86400 + {seconds})";
            return postgres ? $"to_timestamp({unix})" : $"((({unix}) * 10000000 + 621355968000000000) / 1000) * 2048";
        }
    }
}
