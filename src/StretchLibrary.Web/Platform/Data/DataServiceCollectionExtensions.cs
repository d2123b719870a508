using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Clinic;
using StretchLibrary.Web.Platform.Caching;
using StretchLibrary.Web.Routines.Sessions;

namespace StretchLibrary.Web.Platform.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// The store (<c>Database:Provider</c>: SQLite by default, or PostgreSQL) and ASP.NET Core Identity on it.
    /// Without <c>ConnectionStrings:Default</c> the SQLite database is a file under <c>App_Data/</c> in the app's
    /// content root, created on first run.
    /// </summary>
    public static IServiceCollection AddAppData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var database = DatabaseOptions.From(configuration);
        var connectionString = database.ConnectionString = ConnectionString(configuration, contentRoot);
        services.AddSingleton(Options.Create(database));
        // The clock every feature reads (tests put their own in its place).
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CompletionWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<CompletionWriter>());
        // A change to a clinician's program reaches the routines of the patients following it, in the same save
        // (before the next interceptor sees the save's changes).
        services.AddSingleton<IInterceptor, ProgramSync>();
        // Every change to a user's rows makes the caches forget that user (the one invalidation rule). The contexts
        // take every registered interceptor, in this order.
        services.AddSingleton<UserDataChanges>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<UserDataChanges>());
        // Pooled: a request rents a ready context instead of building one (and EF's internal services) each time.
        if (database.IsPostgres)
        {
            services.AddDbContextPool<AppDbContext, PostgresAppDbContext>((sp, options) => options
                .UseNpgsql(connectionString, npgsql => npgsql.ExecutionStrategy(dependencies => new PostgresRetry(dependencies)))
                .ConfigureWarnings(SkipSnapshotComparison)
                .AddInterceptors(sp.GetServices<IInterceptor>()));
        }
        else
        {
            services.AddSingleton<SqlitePragmas>();
            services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<SqlitePragmas>());
            services.AddDbContextPool<AppDbContext>((sp, options) => options
                .UseSqlite(connectionString, sqlite => sqlite.ExecutionStrategy(dependencies => new SqliteBusyRetry(dependencies)))
                .ConfigureWarnings(SkipSnapshotComparison)
                .AddInterceptors(sp.GetServices<IInterceptor>()));
        }

        services.AddIdentity<AppUser, IdentityRole>(options =>
            {
                // Length over composition rules (NIST SP 800-63B); common passwords are refused separately.
                options.Password.RequiredLength = 8;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.User.RequireUniqueEmail = false;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddErrorDescriber<StretchLibrary.Web.Accounts.AccountErrorDescriber>()
            .AddDefaultTokenProviders();

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    /// <summary>
    /// Before migrating, EF compares the model with the last migration's snapshot (a quarter of a second of every
    /// start); <c>MigrationsMatchModelTests</c> make that check in the test suite instead, where a missing migration
    /// belongs, so an ignored warning here skips the comparison.
    /// </summary>
    private static void SkipSnapshotComparison(WarningsConfigurationBuilder warnings) =>
        warnings.Ignore(RelationalEventId.PendingModelChangesWarning);

    /// <summary><c>ConnectionStrings:Default</c>, or (SQLite only) a file under <c>App_Data/</c> in the content root.</summary>
    public static string ConnectionString(IConfiguration configuration, string contentRoot) =>
        configuration.GetConnectionString("Default") is { Length: > 0 } configured && !string.IsNullOrWhiteSpace(configured)
            ? configured
            : DatabaseOptions.From(configuration).IsSqlite
                ? new SqliteConnectionStringBuilder { DataSource = Path.Join(contentRoot, "App_Data", "stretchlibrary.db") }.ToString()
                : "";

    /// <summary>
    /// Checks the settings and the connection, then applies pending migrations (when <paramref name="migrate"/>, or
    /// by default when <c>Database:MigrateOnStart</c>) or else checks that none are pending. On SQLite it also
    /// creates the data folder, migrates under <see cref="MigrationLock"/> and switches to WAL. Returns a one-line reason when
    /// that fails, so start-up can stop with a clear message instead of a stack trace.
    /// </summary>
    public static async Task<string?> PrepareDatabaseAsync(this IServiceProvider services, bool? migrate = null, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var connectionString = options.ConnectionString;
        if (options.Problem() is { } problem)
        {
            return problem;
        }

        migrate ??= options.MigrateOnStart;
        return options.IsPostgres
            ? await PreparePostgresAsync(services, connectionString, migrate.Value, cancellationToken)
            : await PrepareSqliteAsync(services, migrate.Value, cancellationToken);
    }

    private static async Task<string?> PrepareSqliteAsync(IServiceProvider services, bool migrate, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        try
        {
            if (Path.GetDirectoryName(Path.GetFullPath(dataSource)) is { } folder && !dataSource.StartsWith(':') && !dataSource.StartsWith("file:", StringComparison.Ordinal))
            {
                Directory.CreateDirectory(folder);
            }

            // A damaged page (a table's root overwritten, a torn write on a failing disk) would otherwise pass
            // unnoticed until writes fail: refuse to start instead. quick_check skips the index-content comparison
            // of integrity_check, so it reads each page once and stays fast.
            if (await QuickCheckAsync(db, cancellationToken) is { } damage)
            {
                return $"Database at '{dataSource}' is damaged (PRAGMA quick_check: {damage}). Stop here and restore it from a backup (docs/operations.md: Backup and restore).";
            }

            if (migrate)
            {
                using var migrating = await MigrationLock.AcquireAsync(db, dataSource, scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MigrationLock)), cancellationToken);
                await db.Database.MigrateAsync(cancellationToken);
            }
            else if (await PendingAsync(db, cancellationToken) is { } pending)
            {
                return $"Database at '{dataSource}' {pending}";
            }

            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
            return null;
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return $"Database at '{dataSource}' could not be prepared: {ex.GetBaseException().Message}";
        }
    }

    private static async Task<string?> PreparePostgresAsync(IServiceProvider services, string connectionString, bool migrate, CancellationToken cancellationToken)
    {
        string where;
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            where = $"PostgreSQL database '{builder.Database}' on {builder.Host}:{builder.Port}";
        }
        catch (ArgumentException ex)
        {
            return $"ConnectionStrings:Default is not a valid PostgreSQL connection string: {ex.Message}";
        }

        try
        {
            if (migrate)
            {
                // Creates the database when it does not exist yet (the role needs CREATEDB for that).
                await using var scope = services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.MigrateAsync(cancellationToken);
                return null;
            }

            // Once, without retries: an unreachable server is reported at once rather than after the back-off.
            await using (var connection = new NpgsqlConnection(connectionString))
            {
                await connection.OpenAsync(cancellationToken);
            }

            await using var check = services.CreateAsyncScope();
            return await PendingAsync(check.ServiceProvider.GetRequiredService<AppDbContext>(), cancellationToken) is { } pending ? $"{where} {pending}" : null;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or RetryLimitExceededException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return $"{where} could not be prepared: {ex.GetBaseException().Message.ReplaceLineEndings(" ")}";
        }
    }

    private static async Task<string?> PendingAsync(AppDbContext db, CancellationToken cancellationToken) =>
        (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count() is var count and > 0
            ? $"has {count} pending migration(s) and Database:MigrateOnStart is false: run the migrate verb first."
            : null;
    /// <summary>The first problem <c>PRAGMA quick_check</c> finds, on one line, or null when the file is sound.</summary>
    private static async Task<string?> QuickCheckAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA quick_check(1);";
            var result = Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            return result == "ok" ? null : string.Join(' ', (result ?? "no answer").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        finally
        {
            await connection.CloseAsync();
        }
    }
}

/// <summary>
/// The database for <c>/healthz</c>: reads the first row of every table (not through an index), which fails on a
/// damaged root page or an unreadable file while costing microseconds (the full <c>quick_check</c> runs once, at start).
/// </summary>
internal sealed class DatabaseHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!db.Database.IsSqlite())
        {
            // PostgreSQL checks its own pages; what matters here is whether the server answers.
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy("database reachable")
                : HealthCheckResult.Unhealthy("database unreachable");
        }

        try
        {
            var tables = await db.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").ToListAsync(cancellationToken);
            foreach (var table in tables)
            {
                // Table names come from the schema, not from a request. NOT INDEXED: read the table's own pages, which
                // a covering index would otherwise stand in for.
                var sql = "SELECT 1 AS \"Value\" FROM \"" + table.Replace("\"", "\"\"", StringComparison.Ordinal) + "\" NOT INDEXED LIMIT 1";
                await db.Database.SqlQueryRaw<int>(sql).ToListAsync(cancellationToken);
            }

            return HealthCheckResult.Healthy($"{tables.Count} tables readable");
        }
        catch (SqliteException ex)
        {
            return HealthCheckResult.Unhealthy($"database error {ex.SqliteErrorCode}: {ex.Message}");
        }
    }
}
