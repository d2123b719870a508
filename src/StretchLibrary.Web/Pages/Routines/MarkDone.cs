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

    /// <summary>
    /// Stores <paramref name="completion"/> through the group-commit writer, once per client id: false when its
    /// owner already has a log with that id (a replay, a double tap, a second tab), and nothing is written.
    /// </summary>
    public static async Task<bool> SaveOnceAsync(AppDbContext db, CompletionWriter writer, Completion completion, CancellationToken cancellationToken)
    {
        if (completion.ClientId is { } clientId && await ExistsAsync(db, completion.OwnerId, clientId, cancellationToken))
        {
            return false;
        }

        try
        {
            await writer.AddAsync(completion, cancellationToken);
            return true;
        }
        catch (DbUpdateException) when (completion.ClientId is not null)
        {
            // Two copies raced past the check (two tabs, two instances): the unique index kept one.
            if (await ExistsAsync(db, completion.OwnerId, completion.ClientId.Value, CancellationToken.None))
            {
                return false;
            }

            throw;
        }
    }

    private static Task<bool> ExistsAsync(AppDbContext db, string ownerId, Guid clientId, CancellationToken cancellationToken) =>
        db.Completions.OwnedBy(ownerId).AnyAsync(c => c.ClientId == clientId, cancellationToken);
}
