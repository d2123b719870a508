using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace StretchLibrary.Web.Platform.Data;

/// <summary>
/// How long a unit of work (a query, a <c>SaveChanges</c>, or a block run through
/// <c>Database.CreateExecutionStrategy().ExecuteAsync</c>) waits on a busy SQLite database, all in one place. A
/// statement waits up to <see cref="LockWait"/> for the lock (<c>PRAGMA busy_timeout</c>, <see cref="SqlitePragmas"/>);
/// the driver's own retry loop is cut to its shortest (<see cref="DriverTimeout"/>, which only matters when SQLite
/// answers busy without waiting); and a unit that still fails busy or locked is tried again, whole, after a short
/// randomised back-off, but only while less than <see cref="RetryWindow"/> has passed since it began and for at most
/// <see cref="MaxTries"/> tries. So a database locked for longer gives up after at most <see cref="MaxWait"/>, and the
/// request answers 503 (<see cref="DatabaseFailures"/>). Any other error is not retried.
/// </summary>
public sealed class SqliteBusyRetry(ExecutionStrategyDependencies dependencies)
    : ExecutionStrategy(dependencies, MaxTries - 1, MaxDelay)
{
    public const int MaxTries = 5;

    /// <summary>How long one statement waits for SQLite's lock.</summary>
    public static readonly TimeSpan LockWait = TimeSpan.FromSeconds(5);

    /// <summary>Microsoft.Data.Sqlite's busy loop (the command timeout; 0 would mean forever, 1 s is its least).</summary>
    public static readonly TimeSpan DriverTimeout = TimeSpan.FromSeconds(1);

    /// <summary>A unit is tried again only when it failed this soon after it began.</summary>
    public static readonly TimeSpan RetryWindow = TimeSpan.FromSeconds(4);

    /// <summary>The longest a unit waits on a busy database in all: a last try begun at the end of the window.</summary>
    public static readonly TimeSpan MaxWait = RetryWindow + DriverTimeout + LockWait;

    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(1);

    private long _began;

    /// <summary>SQLITE_BUSY (5) or SQLITE_LOCKED (6), with or without an extended code.</summary>
    public static bool IsBusy(Exception? exception) => exception is SqliteException { SqliteErrorCode: var code } && (code & 0xFF) is 5 or 6;

    public override TResult Execute<TState, TResult>(TState state, Func<DbContext, TState, TResult> operation, Func<DbContext, TState, ExecutionResult<TResult>>? verifySucceeded) =>
        InCallersTransaction ? operation(Dependencies.CurrentContext.Context, state) : base.Execute(state, operation, verifySucceeded);

    public override Task<TResult> ExecuteAsync<TState, TResult>(TState state, Func<DbContext, TState, CancellationToken, Task<TResult>> operation, Func<DbContext, TState, CancellationToken, Task<ExecutionResult<TResult>>>? verifySucceeded, CancellationToken cancellationToken = default) =>
        InCallersTransaction ? operation(Dependencies.CurrentContext.Context, state, cancellationToken) : base.ExecuteAsync(state, operation, verifySucceeded, cancellationToken);

    protected override void OnFirstExecution()
    {
        base.OnFirstExecution();
        _began = Stopwatch.GetTimestamp();
    }

    protected override bool ShouldRetryOn(Exception exception) => IsBusy(exception);

    protected override TimeSpan? GetNextDelay(Exception lastException)
    {
        if (base.GetNextDelay(lastException) is null || Stopwatch.GetElapsedTime(_began) >= RetryWindow)
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
