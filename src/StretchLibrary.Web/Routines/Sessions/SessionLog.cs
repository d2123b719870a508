using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Platform;
using StretchLibrary.Web.Platform.Caching;
using StretchLibrary.Web.Platform.Data;

namespace StretchLibrary.Web.Routines.Sessions;

/// <summary>What became of a session sent to <see cref="SessionLog.LogAsync"/>.</summary>
public abstract record Logged
{
    private Logged()
    {
    }

    /// <summary>Stored now.</summary>
    public sealed record Saved(Completion Session) : Logged;

    /// <summary>The owner already has this log (same client id, same routine): a replay, a double tap, a second tab.</summary>
    public sealed record AlreadySaved(Completion Session) : Logged;

    /// <summary>Nothing stored: what is wrong, by <see cref="SessionInput"/> property name ("" for the whole session).</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : Logged;

    /// <summary>Nothing stored: no such routine of this owner, or it was deleted while the session was being saved.</summary>
    public sealed record RoutineGone : Logged;

    /// <summary>Nothing stored, and sending it again will not change that (a client id used elsewhere, a full account).</summary>
    public sealed record Refused(string Reason) : Logged;
}

/// <summary>
/// "Mark done": the one way a session is logged, used by the form, a phone's offline replay and the API. It checks
/// the session against the routine and the owner's today, stores it once per client id through the group-commit
/// <see cref="CompletionWriter"/>, and remembers the browser's time zone when a session was saved with it.
/// </summary>
public sealed class SessionLog(AppDbContext db, CompletionWriter writer, UserFacts facts, IServiceProvider services, TimeProvider clock)
{
    public const string ClientIdUsedElsewhere = "This session's id was already used for a session of another routine. Nothing was saved.";

    // The checks of "Mark done" (the busiest write) are compiled queries: EF's per-execution work on a LINQ query cost
    // more than these small reads (bench/README, "Mark done: the checks on one connection"). A compiled query cannot
    // call OwnedBy, so the owner filter is spelled out in each. A routine following a clinician's program also gives
    // the program version it shows, which the session records.
    private static readonly CompiledQuery<Func<AppDbContext, int, string, Task<RoutineSlugs?>>> FindOwnedRoutine = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, int id, string ownerId) => db.Routines.AsNoTracking().Where(r => r.Id == id && r.OwnerId == ownerId)
            .Select(r => new RoutineSlugs(
                r.Items.Select(i => i.StretchSlug).ToList(),
                db.Enrollments.Where(e => e.RoutineId == r.Id).Select(e => (int?)e.ProgramVersion).FirstOrDefault())).SingleOrDefault()));

    private static readonly CompiledQuery<Func<AppDbContext, string, string, CancellationToken, Task<Completion?>>> FindByClientId = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, string ownerId, string clientId, CancellationToken _) =>
            db.Completions.AsNoTracking().FirstOrDefault(c => c.OwnerId == ownerId && c.ClientId == clientId)));

    /// <summary>The owner's "today": where the browser says it is when it sends a known zone, else the stored zone.</summary>
    public async Task<DateOnly> TodayAsync(string ownerId, string? browserZone, CancellationToken cancellationToken)
    {
        var zone = LocalClock.IsKnownZone(browserZone) ? browserZone : (await facts.GetAsync(services, ownerId, cancellationToken))?.TimeZoneId;
        return LocalClock.Today(clock.GetUtcNow(), LocalClock.FindZone(zone));
    }

    public async Task<Logged> LogAsync(string ownerId, int routineId, SessionInput input, CancellationToken cancellationToken)
    {
        // What decides the answer is read on one connection (ReadUnit); the write goes to the group-commit writer.
        var (answer, session) = await db.ReadAsync(ct => DecideAsync(ownerId, routineId, input, ct), cancellationToken);
        if (session is null)
        {
            return answer!;
        }

        var logged = await SaveAsync(session, cancellationToken);
        if (logged is Logged.Saved && LocalClock.IsKnownZone(input.Tz))
        {
            await RememberZoneAsync(ownerId, input.Tz!, cancellationToken);
        }

        return logged;
    }

    /// <summary>The answer without writing (the routine gone, a bad field, a replay, a full account), or the session to store.</summary>
    private async Task<(Logged? Answer, Completion? Session)> DecideAsync(string ownerId, int routineId, SessionInput input, CancellationToken cancellationToken)
    {
        if (await FindOwnedRoutine.For(db)(db, routineId, ownerId) is not { } routine)
        {
            return (new Logged.RoutineGone(), null);
        }

        var today = await TodayAsync(ownerId, input.Tz, cancellationToken);
        if (Check(input, routine.Slugs, today) is { Count: > 0 } errors)
        {
            return (new Logged.Invalid(errors), null);
        }

        if (input.ClientId is { } clientId && await EarlierAsync(ownerId, routineId, clientId, cancellationToken) is { } earlier)
        {
            return (earlier, null);
        }

        if (!await db.HasRoomForSessionAsync(ownerId, cancellationToken))
        {
            return (new Logged.Refused(AccountLimits.SessionsFull), null);
        }

        return (null, new Completion
        {
            RoutineId = routineId,
            OwnerId = ownerId,
            LocalDate = input.Date!.Value,
            CompletedAtUtc = clock.GetUtcNow(),
            StretchSlugs = input.Stretches,
            PainBefore = input.PainBefore,
            PainAfter = input.PainAfter,
            Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
            ClientId = input.ClientId,
            ProgramVersion = routine.ProgramVersion,
        });
    }

    /// <summary>The field rules, then the ones that need the routine's stretches and the owner's today (keeping only the routine's stretches).</summary>
    private static Dictionary<string, string[]> Check(SessionInput input, IReadOnlyList<string> inRoutine, DateOnly today)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true);
        var errors = results.SelectMany(r => r.MemberNames.DefaultIfEmpty("").Select(m => (Field: m, Message: r.ErrorMessage ?? "Not valid.")))
            .GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
        if (input.Date is { } date && !errors.ContainsKey(nameof(SessionInput.Date)))
        {
            if (date > today)
            {
                errors[nameof(SessionInput.Date)] = ["That date is in the future. Choose today or an earlier day."];
            }
            else if (date < today.AddYears(-SessionInput.MaxYearsBack))
            {
                errors[nameof(SessionInput.Date)] = ["That date is more than five years ago."];
            }
        }

        // Stretches no longer in the routine (removed in another tab, or since a phone queued the log) are left out.
        input.Stretches = [.. input.Stretches.Where(inRoutine.Contains).Distinct(StringComparer.Ordinal)];
        if (!errors.ContainsKey(nameof(SessionInput.Stretches)) && input.Stretches.Count == 0)
        {
            errors[nameof(SessionInput.Stretches)] = ["Tick at least one stretch you did."];
        }

        return errors;
    }

    /// <summary>Stores the session through the group-commit writer.</summary>
    private async Task<Logged> SaveAsync(Completion session, CancellationToken cancellationToken)
    {
        try
        {
            await writer.AddAsync(session, cancellationToken);
            return new Logged.Saved(session);
        }
        catch (RoutineGoneException)
        {
            // Deleted (in another tab, or by another client) between the read above and the write.
            return new Logged.RoutineGone();
        }
        catch (DbUpdateException) when (session.ClientId is not null)
        {
            // Two copies raced past the check (two tabs, two instances): the unique index kept one.
            if (await EarlierAsync(session.OwnerId, session.RoutineId, session.ClientId, CancellationToken.None) is { } raced)
            {
                return raced;
            }

            throw;
        }
    }

    /// <summary>The answer for a client id this owner already used: the same session again, or refused for another routine.</summary>
    private async Task<Logged?> EarlierAsync(string ownerId, int routineId, string clientId, CancellationToken cancellationToken) =>
        await FindByClientId.For(db)(db, ownerId, clientId, cancellationToken) switch
        {
            null => null,
            { } earlier when earlier.RoutineId == routineId => new Logged.AlreadySaved(earlier),
            _ => new Logged.Refused(ClientIdUsedElsewhere),
        };

    /// <summary>The browser's time zone (travel, or the first session) is remembered only with a session that was saved.</summary>
    private async Task RememberZoneAsync(string ownerId, string zone, CancellationToken cancellationToken)
    {
        if ((await facts.GetAsync(services, ownerId, cancellationToken))?.TimeZoneId == zone
            || await db.Users.FindAsync([ownerId], cancellationToken) is not { } user)
        {
            return;
        }

        user.TimeZoneId = zone;
        await db.SaveChangesAsync(cancellationToken);
    }

    private sealed record RoutineSlugs(List<string> Slugs, int? ProgramVersion);
}
