using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Accounts.Tokens;
using StretchLibrary.Web.Routines;
using StretchLibrary.Web.Routines.Reminders;
using StretchLibrary.Web.Routines.Sessions;
using StretchLibrary.Web.Routines.Sharing;

namespace StretchLibrary.Web.Platform.Data;

/// <summary>
/// Retries a unit of work (a query, a <c>SaveChanges</c>, or a block run through
/// <c>Database.CreateExecutionStrategy().ExecuteAsync</c>) when SQLite reports the database busy or locked even
/// after its 5 s busy timeout: up to <see cref="MaxTries"/> tries, with a short randomised back-off so writers
/// that collided do not collide again. Any other error is not retried.
/// </summary>
public sealed class SqliteBusyRetry(ExecutionStrategyDependencies dependencies)
    : ExecutionStrategy(dependencies, MaxTries - 1, MaxDelay)
{
    public const int MaxTries = 5;

    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(1);

    /// <summary>SQLITE_BUSY (5) or SQLITE_LOCKED (6), with or without an extended code.</summary>
    public static bool IsBusy(Exception? exception) => exception is SqliteException { SqliteErrorCode: var code } && (code & 0xFF) is 5 or 6;

    public override TResult Execute<TState, TResult>(TState state, Func<DbContext, TState, TResult> operation, Func<DbContext, TState, ExecutionResult<TResult>>? verifySucceeded) =>
        InCallersTransaction ? operation(Dependencies.CurrentContext.Context, state) : base.Execute(state, operation, verifySucceeded);

    public override Task<TResult> ExecuteAsync<TState, TResult>(TState state, Func<DbContext, TState, CancellationToken, Task<TResult>> operation, Func<DbContext, TState, CancellationToken, Task<ExecutionResult<TResult>>>? verifySucceeded, CancellationToken cancellationToken = default) =>
        InCallersTransaction ? operation(Dependencies.CurrentContext.Context, state, cancellationToken) : base.ExecuteAsync(state, operation, verifySucceeded, cancellationToken);

    protected override bool ShouldRetryOn(Exception exception) => IsBusy(exception);

    protected override TimeSpan? GetNextDelay(Exception lastException)
    {
        if (base.GetNextDelay(lastException) is null)
        {
            return null;
        }

        // 50 ms, 100 ms, 200 ms, 400 ms, each between half and one and a half times that.
        var retry = ExceptionsEncountered.Count - 1;
        var milliseconds = 50 * Math.Pow(2, retry) * (0.5 + Random.NextDouble());
        return TimeSpan.FromMilliseconds(Math.Min(milliseconds, MaxDelay.TotalMilliseconds));
    }

    // Inside a transaction someone else began, a single statement cannot be retried on its own: it runs once,
    // and the caller's own unit (ExecuteAsync around the transaction) is what retries.
    private bool InCallersTransaction => Dependencies.CurrentContext.Context.Database.CurrentTransaction is not null;
}
