using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Data;

namespace StretchLibrary.Web.Pages.Routines;

/// <summary>
/// The rules and the write behind "Mark done", shared by the form (<see cref="DoneModel"/>) and the endpoint
/// that replays logs queued on a phone while it was offline (<see cref="OfflineSessions"/>).
/// </summary>
public static class MarkDone
{
    /// <summary>The stretches to log (ticked and in the routine) and, by form field, what is wrong with the rest.</summary>
    public static (List<string> Done, List<(string Field, string Message)> Errors) Check(DoneModel.DoneInput input, DoneFormView form)
    {
        var errors = new List<(string Field, string Message)>();
        var inRoutine = form.Items.Select(i => i.Slug).ToHashSet();
        var done = (input.Stretches ?? []).Where(inRoutine.Contains).Distinct().ToList();
        if (done.Count == 0)
        {
            errors.Add(("Input.Stretches", "Tick at least one stretch you did."));
        }

        if (input.Date > form.Today)
        {
            errors.Add(("Input.Date", "That date is in the future. Choose today or an earlier day."));
        }
        else if (input.Date < form.Today.AddYears(-5))
        {
            errors.Add(("Input.Date", "That date is more than five years ago."));
        }

        return (done, errors);
    }

    /// <summary>What <see cref="SaveOnceAsync"/> did with a log.</summary>
    public enum SaveResult
    {
        Saved,

        /// <summary>The owner already has this log (same client id, same routine): a replay, a double tap, a second tab.</summary>
        AlreadySaved,

        /// <summary>The client id was used for a log of another routine: nothing is written.</summary>
        ClientIdUsedElsewhere,

        /// <summary>The account holds <see cref="AccountLimits.MaxSessions"/> sessions already: nothing is written.</summary>
        AccountFull,
    }

    /// <summary>
    /// Stores <paramref name="completion"/> through the group-commit writer, once per client id: nothing is written
    /// when its owner already has a log with that id (see <see cref="SaveResult"/>).
    /// </summary>
    public static async Task<SaveResult> SaveOnceAsync(AppDbContext db, CompletionWriter writer, Completion completion, CancellationToken cancellationToken)
    {
        if (completion.ClientId is { } clientId && await EarlierAsync(db, completion, clientId, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        if (!await db.HasRoomForSessionAsync(completion.OwnerId, cancellationToken))
        {
            return SaveResult.AccountFull;
        }

        try
        {
            await writer.AddAsync(completion, cancellationToken);
            return SaveResult.Saved;
        }
        catch (DbUpdateException) when (completion.ClientId is not null)
        {
            // Two copies raced past the check (two tabs, two instances): the unique index kept one.
            if (await EarlierAsync(db, completion, completion.ClientId.Value, CancellationToken.None) is { } raced)
            {
                return raced;
            }

            throw;
        }
    }

    private static async Task<SaveResult?> EarlierAsync(AppDbContext db, Completion completion, Guid clientId, CancellationToken cancellationToken) =>
        await db.Completions.OwnedBy(completion.OwnerId).Where(c => c.ClientId == clientId).Select(c => (int?)c.RoutineId).FirstOrDefaultAsync(cancellationToken) switch
        {
            null => null,
            var routineId when routineId == completion.RoutineId => SaveResult.AlreadySaved,
            _ => SaveResult.ClientIdUsedElsewhere,
        };
}
