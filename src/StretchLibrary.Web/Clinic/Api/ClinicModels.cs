using System.ComponentModel;

namespace StretchLibrary.Web.Clinic.Api;

// The shapes of the clinic API: a clinician's patients (clinic:read) and a patient's programs (programs:read).

[Description("What the patient lets the clinician see, as they chose it; pain and notes only ever with sessions.")]
public sealed record ConsentDto(bool Sessions, bool Pain, bool Notes, DateTimeOffset ChangedAt)
{
    public static ConsentDto From(Enrollment link) => new(link.ShareSessions, link.SharePain, link.ShareNotes, link.ConsentChangedAt);
}

[Description("A patient who accepted one of your programs. The adherence fields are null when the patient does not share sessions.")]
public sealed record PatientSummaryDto(
    int Id,
    [property: Description("Your label for the patient, from the invitation.")] string Name,
    int ProgramId,
    string ProgramName,
    [property: Description("The program's sessions a week; null for no target.")] int? WeeklyTarget,
    ConsentDto Consent,
    [property: Description("True when the patient stopped sharing sessions after joining.")] bool WithdrewConsent,
    [property: Description("Sessions from Monday to today.")] int? ThisWeek,
    [property: Description("The last date done, however long ago.")] DateOnly? LastDone,
    [property: Description("Days in a row, alive until the end of the day after the last session.")] int? CurrentStreak,
    [property: Description("notDoneRecently: no session for 7 days or more (from joining when never done). painUp: pain before sessions in the last 7 days averages 2 or more above the 7 days before.")] PatientAlert[] Flags,
    string Url,
    string HtmlUrl)
{
    public static PatientSummaryDto From(PatientProgress p) => new(
        p.Link.Id, p.Link.PatientName, p.Link.ProgramId, p.Record.ProgramName, p.Record.WeeklyTarget, ConsentDto.From(p.Link), p.Withdrew,
        p.ThisWeek, p.LastDone, p.Streak, [.. p.Flags], "/api/v1/clinic/patients/" + p.Link.Id, "/clinic/patients/" + p.Link.Id);
}

public sealed record PatientListDto([property: Description("Your local date now; weeks start on Monday.")] DateOnly Today, PatientSummaryDto[] Items);

[Description("One week, Monday to Sunday. Pain averages are null when pain is not shared or not recorded.")]
public sealed record PatientWeekDto(DateOnly WeekStart, int Sessions, int DaysDone, double? PainBefore, double? PainAfter);

[Description("One session as the patient shares it: pain and note are null unless shared.")]
public sealed record PatientSessionDto(
    [property: Description("The patient's local date.")] DateOnly Date,
    DateTimeOffset CompletedAtUtc,
    int? PainBefore,
    int? PainAfter,
    string? Note,
    [property: Description("The program version the patient had when they did it.")] int? ProgramVersion);

[Description("One patient: the summary, 12 weeks of adherence and the sessions in them, oldest first.")]
public sealed record PatientDto(
    DateOnly Today,
    PatientSummaryDto Patient,
    [property: Description("The program version the patient's routine shows.")] int ProgramVersion,
    PatientWeekDto[] Weeks,
    PatientSessionDto[] Sessions);

[Description("A clinician's program you follow.")]
public sealed record MyProgramDto(
    [property: Description("Your routine that shows the program.")] int RoutineId,
    string Name,
    [property: Description("Who it is from: the clinician and clinic.")] string From,
    int ProgramVersion,
    DateTimeOffset AcceptedAt,
    [property: Description("When the clinician last changed it after you joined; null when never.")] DateTimeOffset? ChangedAt,
    [property: Description("What that change was, in words.")] string? Change,
    [property: Description("What you let the clinician see.")] ConsentDto Consent,
    [property: Description("The routine in the API (routines:read).")] string Url,
    string HtmlUrl);

public sealed record MyProgramListDto(MyProgramDto[] Items);
