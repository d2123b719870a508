using System.Globalization;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Platform.Data;

namespace StretchLibrary.Web.Routines;

/// <summary>
/// What one account may hold, however it got there (forms, the offline replay, the API, import). The numbers are the
/// import's own limits per file, so an account's export always imports back into an empty account.
/// </summary>
public static class AccountLimits
{
    public const int MaxRoutines = 200, MaxItemsPerRoutine = 100, MaxSessions = 20_000;

    public static readonly string RoutinesFull = $"An account holds up to {MaxRoutines} routines: delete one to make another.";

    public static readonly string ItemsFull = $"A routine holds up to {MaxItemsPerRoutine} stretches.";

    public static readonly string SessionsFull = string.Create(CultureInfo.InvariantCulture, $"An account holds up to {MaxSessions:N0} sessions, so this one was not saved.");

    /// <summary>Whether the account may have one more routine; a visitor with no account yet (null) may.</summary>
    public static async Task<bool> HasRoomForRoutineAsync(this AppDbContext db, string? ownerId, CancellationToken cancellationToken) =>
        ownerId is null || await db.Routines.CountAsync(r => r.OwnerId == ownerId, cancellationToken) < MaxRoutines;

    /// <summary>Whether the account may log one more session (asked by every "Mark done", so compiled).</summary>
    public static async Task<bool> HasRoomForSessionAsync(this AppDbContext db, string ownerId, CancellationToken cancellationToken) =>
        await SessionCount.For(db)(db, ownerId, cancellationToken) < MaxSessions;

    private static readonly CompiledQuery<Func<AppDbContext, string, CancellationToken, Task<int>>> SessionCount = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, string ownerId, CancellationToken _) => db.Completions.Count(c => c.OwnerId == ownerId)));
}
