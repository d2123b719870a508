using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace StretchLibrary.Web.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// The SQLite store and ASP.NET Core Identity on it. Without <c>ConnectionStrings:Default</c> the database is
    /// a file under <c>App_Data/</c> in the app's content root, created on first run.
    /// </summary>
    public static IServiceCollection AddAppData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var connectionString = ConnectionString(configuration, contentRoot);
        services.AddSingleton<SqlitePragmas>();
        services.AddSingleton<CompletionWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<CompletionWriter>());
        // Pooled: a request rents a ready context instead of building one (and EF's internal services) each time.
        services.AddDbContextPool<AppDbContext>((sp, options) => options
            .UseSqlite(connectionString, sqlite => sqlite.ExecutionStrategy(dependencies => new SqliteBusyRetry(dependencies)))
            .AddInterceptors(sp.GetRequiredService<SqlitePragmas>()));

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
            .AddUserStore<StretchLibrary.Web.Accounts.AppUserStore>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.AccessDeniedPath = "/account/login";
            cookie.ExpireTimeSpan = TimeSpan.FromDays(365);
            cookie.SlidingExpiration = true;
            cookie.Cookie.Name = "stretchlibrary.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
        });

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    /// <summary><c>ConnectionStrings:Default</c>, or a SQLite file under <c>App_Data/</c> in the content root.</summary>
    public static string ConnectionString(IConfiguration configuration, string contentRoot) =>
        configuration.GetConnectionString("Default") is { Length: > 0 } configured && !string.IsNullOrWhiteSpace(configured)
            ? configured
            : new SqliteConnectionStringBuilder { DataSource = Path.Join(contentRoot, "App_Data", "stretchlibrary.db") }.ToString();

    /// <summary>
    /// Creates the data folder, applies pending migrations and switches the database to WAL. Returns a one-line
    /// reason when that fails, so start-up can stop with a clear message instead of a stack trace.
    /// </summary>
    public static async Task<string?> PrepareDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
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

            await MigrationLock.ClearStaleAsync(db, scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MigrationLock)), cancellationToken);

            await db.Database.MigrateAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
            return null;
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return $"Database at '{dataSource}' could not be prepared: {ex.GetBaseException().Message}";
        }
    }
}

internal sealed class DatabaseHealthCheck(AppDbContext db) : Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck
{
    public async Task<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult> CheckHealthAsync(
        Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy()
            : Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Unhealthy("database unreachable");
}
