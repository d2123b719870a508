using System.Globalization;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Platform.Data;

namespace StretchLibrary.Web.Clinic;

/// <summary>
/// What a patient sees of the program their routine follows: who it is from, what last changed, and what they
/// share. <see cref="From"/> is "Dr Ana Lima, PT, Riverside Physio".
/// </summary>
public sealed record FollowedProgram(
    int LinkId, int RoutineId, string From, int Version, DateTimeOffset? ChangedAt, string? Change,
    bool ShareSessions, bool SharePain, bool ShareNotes, DateTimeOffset ConsentChangedAt)
{
    /// <summary>"Updated on 6 December 2026: Chin tucks: 8 reps (was 10)." in the patient's zone; null when never changed.</summary>
    public string? UpdatedText(TimeZoneInfo zone) => ChangedAt is { } at
        ? $"Updated on {DateOnlyIn(at, zone).ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}: {Change}"
        : null;

    /// <summary>What the clinician may see, in words ("sessions and pain", "nothing").</summary>
    public string SharedText => (ShareSessions, SharePain, ShareNotes) switch
    {
        (false, _, _) => "nothing",
        (true, true, true) => "the days you did it, your pain before and after, and your notes",
        (true, true, false) => "the days you did it and your pain before and after",
        (true, false, true) => "the days you did it and your notes",
        _ => "the days you did it",
    };

    private static DateOnly DateOnlyIn(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
}

/// <summary>The program panel on a followed routine's page: the program, its last change in words, and the clinician's notes.</summary>
public sealed record FollowedProgramPanel(FollowedProgram Program, string? Updated, string? Notes)
{
    /// <summary>The panel for the signed-in user's <paramref name="routine"/>; null when it follows no program.</summary>
    public static async Task<FollowedProgramPanel?> LoadAsync(AppDbContext db, Accounts.CurrentUser user, Routines.Routine routine, CancellationToken cancellationToken) =>
        await db.FollowedProgramAsync(user.Id, routine.Id, cancellationToken) is { } followed
            ? new FollowedProgramPanel(followed, followed.UpdatedText(user.Zone), routine.Notes)
            : null;
}

/// <summary>
/// A patient's routine that follows a clinician's program is theirs to do, log, print and remind themselves of, but
/// its stretches, dosage, name and target change only with the program. Every edit of a routine checks
/// <see cref="FollowsProgramAsync"/> first and refuses with <see cref="ReadOnly"/>.
/// </summary>
public static class FollowedRoutines
{
    public const string ReadOnly = "This routine follows your clinician’s program, so its stretches and dosage change only when they change the program. "
        + "To make your own changes, duplicate it, or leave the program (you keep the routine and its history).";

    /// <summary>Whether the routine follows a program (any owner: callers have already found the routine among the user's own).</summary>
    public static Task<bool> FollowsProgramAsync(this AppDbContext db, int routineId, CancellationToken cancellationToken) =>
        db.Enrollments.AnyAsync(e => e.RoutineId == routineId, cancellationToken);

    /// <summary>The program <paramref name="ownerId"/>'s routine follows; null when it follows none or is not theirs.</summary>
    public static async Task<FollowedProgram?> FollowedProgramAsync(this AppDbContext db, string? ownerId, int routineId, CancellationToken cancellationToken) =>
        ownerId is null ? null : await Followed.For(db)(db, ownerId, routineId).SingleOrDefaultAsync(cancellationToken);

    /// <summary>Every program <paramref name="ownerId"/> follows, by the routine that shows it.</summary>
    public static async Task<Dictionary<int, FollowedProgram>> FollowedProgramsAsync(this AppDbContext db, string? ownerId, CancellationToken cancellationToken) =>
        ownerId is null ? [] : await Followed.For(db)(db, ownerId, null).ToDictionaryAsync(p => p.RoutineId, cancellationToken: cancellationToken);

    // The owner's links (only the one for the routine when given) as the patient sees them. Compiled: the routine
    // page and the sheet read it on every render, and building this query cost more than running it (bench/README, "Fresh render").
    private static readonly CompiledQuery<Func<AppDbContext, string, int?, IAsyncEnumerable<FollowedProgram>>> Followed = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, string ownerId, int? routineId) =>
            from link in db.Enrollments.AsNoTracking()
            where link.OwnerId == ownerId && (routineId == null || link.RoutineId == routineId)
            join profile in db.ClinicianProfiles on link.ClinicianId equals profile.UserId into profiles
            from profile in profiles.DefaultIfEmpty()
            select new FollowedProgram(
                link.Id, link.RoutineId, profile == null ? "your clinician" : profile.DisplayName + ", " + profile.ClinicName,
                link.ProgramVersion, link.ChangedAt, link.Change,
                link.ShareSessions, link.SharePain, link.ShareNotes, link.ConsentChangedAt)));
}
