using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using StretchLibrary.Web.Platform.Data;

namespace StretchLibrary.Web.Routines.Sessions;

/// <summary>
/// Group commit for "Mark done": completions from concurrent requests are queued and written by one loop, many
/// to a transaction, so a rush of users costs one durable commit (one fsync) per batch instead of one per row.
/// Each request is acknowledged only after the transaction holding its row has committed. bench/README.md
/// ("Caching modes side by side") records the measurement that keeps it.
/// </summary>
public sealed partial class CompletionWriter(IServiceScopeFactory scopes, ILogger<CompletionWriter> logger) : BackgroundService
{
    private const int MaxBatch = 256;

    // SQLITE_CONSTRAINT_FOREIGNKEY.
    private const int ForeignKeyFailed = 787;

    private readonly Channel<(Completion Completion, TaskCompletionSource Done)> _queue =
        Channel.CreateBounded<(Completion, TaskCompletionSource)>(new BoundedChannelOptions(10_000) { SingleReader = true });

    /// <summary>
    /// Stores <paramref name="completion"/>; completes when it is durably committed. Throws
    /// <see cref="RoutineGoneException"/> when its routine was deleted meanwhile.
    /// </summary>
    public async Task AddAsync(Completion completion, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _queue.Writer.WriteAsync((completion, done), cancellationToken);
        await done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Refuses new rows (their <see cref="AddAsync"/> throws, so no request is acknowledged for a row that is
    /// not written) and waits until every queued row is written.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    // Not cancelled by the stop: the loop ends when the queue, closed by StopAsync, is empty.
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<(Completion Completion, TaskCompletionSource Done)>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            await WriteAsync(batch);
            batch.Clear();
        }
    }

    private async Task WriteAsync(List<(Completion Completion, TaskCompletionSource Done)> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await SaveAsync(batch.Select(b => b.Completion));
            batch.ForEach(b => b.Done.TrySetResult());
        }
        catch (Exception ex) when (batch.Count > 1 && DatabaseFailures.StatusCode(ex) != StatusCodes.Status503ServiceUnavailable)
        {
            // One bad row must not fail its neighbours: retry them one by one. (Not when the database is down or
            // busy after the retries: that fails every row alike, and one by one would keep the last waiting for
            // a retry cycle per row before it.)
            LogBatchFailed(logger, batch.Count, ex);
            foreach (var (completion, done) in batch)
            {
                try
                {
                    await SaveAsync([completion]);
                    done.TrySetResult();
                }
                catch (Exception single)
                {
                    done.TrySetException(single);
                }
            }
        }
        catch (Exception ex)
        {
            batch.ForEach(b => b.Done.TrySetException(ex));
        }
    }

    private async Task SaveAsync(IEnumerable<Completion> completions)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var completion in completions)
        {
            completion.Id = 0;
            db.Completions.Add(completion);
        }

        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateException ex) when (ex.GetBaseException() is SqliteException { SqliteExtendedErrorCode: ForeignKeyFailed }
            or PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation })
        {
            // The routine (or its owner) was deleted between the request's read and this write.
            throw new RoutineGoneException(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} completions failed; writing them one by one")]
    private static partial void LogBatchFailed(ILogger logger, int count, Exception exception);
}

/// <summary>A session was logged for a routine that had just been deleted (a "Mark done" racing "Delete routine").</summary>
public sealed class RoutineGoneException(Exception inner) : Exception("The routine was deleted before the session could be saved.", inner);
