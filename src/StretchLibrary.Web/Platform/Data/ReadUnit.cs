using Microsoft.EntityFrameworkCore;

namespace StretchLibrary.Web.Platform.Data;

/// <summary>
/// A page's reads on one open connection (EF opens and closes it around each query), run whole through the context's
/// execution strategy, so a busy or failing-over database retries the reads together. Pages that render on every
/// request use it (bench/README, "Fresh render").
/// </summary>
public static class ReadUnit
{
    /// <summary>Runs <paramref name="read"/> (reads only: it may run again) as one retried unit on one connection.</summary>
    public static Task<T> ReadAsync<T>(this AppDbContext db, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(
            (db, read),
            static async (state, ct) =>
            {
                await state.db.Database.OpenConnectionAsync(ct);
                try
                {
                    return await state.read(ct);
                }
                finally
                {
                    await state.db.Database.CloseConnectionAsync();
                }
            },
            cancellationToken);
}
