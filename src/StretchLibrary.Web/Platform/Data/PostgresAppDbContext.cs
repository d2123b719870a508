using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace StretchLibrary.Web.Platform.Data;

/// <summary>
/// <see cref="AppDbContext"/> on PostgreSQL: EF's pattern for several providers, a subclass per provider so each
/// has its own migrations (<c>Data/Migrations/Postgres</c>). Times are <c>timestamptz</c> (UTC) natively here.
/// </summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // No ticks conversion (that is for SQLite, which has no DateTimeOffset type).
    }
}

/// <summary>Lets <c>dotnet ef migrations add ... --context PostgresAppDbContext</c> build the model without a server.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost;Database=stretchlibrary").Options);
}

/// <summary>
/// Lets <c>dotnet ef migrations add ... --context AppDbContext</c> build the SQLite model without the app's host.
/// Without it EF would take the PostgreSQL factory above for the base type too and write PostgreSQL migrations.
/// </summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>
/// Npgsql's retrying strategy (a restarted or failing-over server: connection refused, admin shutdown, serialization
/// failures), except inside a transaction the caller began, where a statement runs once and the caller's own unit
/// retries or fails (like <see cref="SqliteBusyRetry"/>).
/// </summary>
public sealed class PostgresRetry(ExecutionStrategyDependencies dependencies)
    : NpgsqlRetryingExecutionStrategy(dependencies, MaxRetries, TimeSpan.FromSeconds(3), errorCodesToAdd: null)
{
    public const int MaxRetries = 4;

    public override TResult Execute<TState, TResult>(TState state, Func<DbContext, TState, TResult> operation, Func<DbContext, TState, ExecutionResult<TResult>>? verifySucceeded) =>
        InCallersTransaction ? operation(Dependencies.CurrentContext.Context, state) : base.Execute(state, operation, verifySucceeded);

    public override Task<TResult> ExecuteAsync<TState, TResult>(TState state, Func<DbContext, TState, CancellationToken, Task<TResult>> operation, Func<DbContext, TState, CancellationToken, Task<ExecutionResult<TResult>>>? verifySucceeded, CancellationToken cancellationToken = default) =>
        InCallersTransaction ? operation(Dependencies.CurrentContext.Context, state, cancellationToken) : base.ExecuteAsync(state, operation, verifySucceeded, cancellationToken);

    private bool InCallersTransaction => Dependencies.CurrentContext.Context.Database.CurrentTransaction is not null;
}

/// <summary>
/// What a request that failed on the database answers: 503 (try again) when the database is down or busy, or the
/// app is stopping (the completion writer's queue is closed). A broken constraint (SQLSTATE class 23: a duplicate
/// client id, a row whose parent was deleted) is no outage: it is 500 unless the caller handles it.
/// </summary>
public static class DatabaseFailures
{
    public static int StatusCode(Exception exception) =>
        exception.GetBaseException() is Npgsql.NpgsqlException and not Npgsql.PostgresException { SqlState: ['2', '3', ..] }
            or System.Net.Sockets.SocketException or TimeoutException or System.Threading.Channels.ChannelClosedException
            || exception is RetryLimitExceededException || SqliteBusyRetry.IsBusy(exception.GetBaseException())
            ? StatusCodes.Status503ServiceUnavailable
            : StatusCodes.Status500InternalServerError;
}
