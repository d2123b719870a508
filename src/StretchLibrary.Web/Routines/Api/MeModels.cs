using System.ComponentModel;
using StretchLibrary.Web.Library.Api;
using StretchLibrary.Web.Routines.Sessions;

namespace StretchLibrary.Web.Routines.Api;

// The shapes of the user API: a token owner's routines and sessions.

public sealed record RoutineSummaryDto(
    int Id,
    string Name,
    [property: Description("Times a week the owner means to do it; null for no target.")] int? WeeklyTarget,
    int StretchCount,
    string Url,
    [property: Description("The clinician's program this routine follows (its stretches and dosage change with it); null for the owner's own routine.")] FollowedProgramDto? Program);

[Description("A clinician's program that a routine follows.")]
public sealed record FollowedProgramDto(
    [property: Description("Who it is from: the clinician's name and clinic.")] string From,
    [property: Description("The program version the routine shows; each session records the version it was done against.")] int Version,
    [property: Description("When the clinician last changed it after it was accepted; null when never.")] DateTimeOffset? UpdatedAt,
    [property: Description("What that change was, in words; null when never changed.")] string? Change)
{
    public static FollowedProgramDto Of(Clinic.FollowedProgram program) => new(program.From, program.Version, program.ChangedAt, program.Change);
}

public sealed record RoutineListDto(RoutineSummaryDto[] Items);

[Description("A stretch in a routine, with the dosage after the owner's changes.")]
public sealed record RoutineItemDto(
    int Position,
    string StretchSlug,
    string Title,
    [property: Description("False when the stretch has left the library; title is then its slug and dosage null.")] bool InLibrary,
    DosageDto? Dosage,
    [property: Description("Whether the owner changed the stretch's own dosage.")] bool HasOverrides,
    string? Note);

[Description("How often the routine was done, in the owner's local dates (weeks start on Monday).")]
public sealed record ProgressDto(
    [property: Description("The owner's local date now.")] DateOnly Today,
    int Total,
    int ThisWeek,
    int? WeeklyTarget,
    [property: Description("E.g. \"3 of 5 this week\".")] string WeekText,
    [property: Description("Days in a row, alive until the end of the day after the last session.")] int CurrentStreak,
    int LongestStreak,
    DateOnly? LastDone);

public sealed record RoutineDto(int Id, string Name, int? WeeklyTarget, RoutineItemDto[] Items, ProgressDto Progress, string HtmlUrl, FollowedProgramDto? Program);

[Description("One logged session of a routine.")]
public sealed record SessionDto(long Id, int RoutineId, [property: Description("The owner's local date it was done.")] DateOnly Date, DateTimeOffset CompletedAtUtc, string[] Stretches, int? PainBefore, int? PainAfter, string? Note)
{
    public static SessionDto From(Completion c) => new(c.Id, c.RoutineId, c.LocalDate, c.CompletedAtUtc, [.. c.StretchSlugs], c.PainBefore, c.PainAfter, c.Note);
}

public sealed record SessionListDto(SessionDto[] Items, [property: Description("Pass as ?cursor= for older sessions; null on the last page.")] string? NextCursor);

[Description("A session to log: the same rules as the site's \"Mark done\" form.")]
public sealed record LogSessionRequest(
    [property: Description("The local date it was done: today or up to five years back, not in the future.")] DateOnly? Date,
    [property: Description("Slugs of the stretches done, at most 100; any not in the routine (removed since) are left out, and at least one must be in it.")] string[]? Stretches,
    [property: Description("0 (none) to 10 (worst).")] int? PainBefore,
    [property: Description("0 (none) to 10 (worst).")] int? PainAfter,
    [property: Description("Up to 500 characters, no control characters.")] string? Note);
