using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Accounts.Tokens;
using StretchLibrary.Web.Platform.Api;
using StretchLibrary.Web.Platform.Caching;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Routines.Sessions;

namespace StretchLibrary.Web.Clinic.Api;

/// <summary>
/// A clinician's patients (<c>clinic:read</c>, read through <see cref="PatientRecords"/>: consent-checked and in the
/// patient's access log) and a patient's programs (<c>programs:read</c>). Anyone else's id is a 404.
/// </summary>
internal static class ClinicEndpoints
{
    public static void MapClinic(this IEndpointRouteBuilder api)
    {
        var patients = api.MapGroup("/clinic/patients").WithTags("Your patients (clinicians)").WithNoStore()
            .RequireAuthorization(ApiTokens.ClinicRead)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        patients.MapGet("", ListPatients)
            .WithName("ListMyPatients").WithSummary("Your patients")
            .WithDescription("Everyone who accepted one of your programs, with this week against the target, last done, streak and flags, as far as each one's consent allows. Each patient whose data is returned sees the read in their access log.")
            .Produces<PatientListDto>();
        patients.MapGet("/{id:int}", GetPatient)
            .WithName("GetMyPatient").WithSummary("One of your patients")
            .WithDescription("The summary, 12 weeks of weekly adherence and the sessions in them, with pain and notes only when shared. Logged in the patient's access log.")
            .Produces<PatientDto>().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/me/programs", ListPrograms).WithTags("Your programs").WithNoStore()
            .RequireAuthorization(ApiTokens.ProgramsRead)
            .WithName("ListMyPrograms").WithSummary("Programs you follow")
            .WithDescription("Clinicians' programs you accepted: who each is from, its version and last change, and what you share.")
            .Produces<MyProgramListDto>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    private static async Task<IResult> ListPatients(HttpContext http, PatientRecords records, SessionLog sessions, CancellationToken cancellationToken)
    {
        var clinicianId = http.User.UserId()!;
        var today = await sessions.TodayAsync(clinicianId, browserZone: null, cancellationToken);
        var found = await records.ForClinicianAsync(clinicianId, PatientProgress.Since(today), "your progress, through the API", cancellationToken);
        return TypedResults.Ok(new PatientListDto(today, [.. found.Select(r => PatientSummaryDto.From(PatientProgress.Of(r, today)))]));
    }

    private static async Task<IResult> GetPatient(int id, HttpContext http, PatientRecords records, SessionLog sessions, CancellationToken cancellationToken)
    {
        var clinicianId = http.User.UserId()!;
        var today = await sessions.TodayAsync(clinicianId, browserZone: null, cancellationToken);
        if (await records.ForPatientAsync(clinicianId, id, PatientProgress.Since(today), "your 12-week view, through the API", cancellationToken) is not { } record)
        {
            return ApiProblems.NotFound($"You have no patient {id}.");
        }

        var progress = PatientProgress.Of(record, today);
        return TypedResults.Ok(new PatientDto(
            today,
            PatientSummaryDto.From(progress),
            record.Link.ProgramVersion,
            [.. progress.Weeks.Select(w => new PatientWeekDto(w.Start, w.Sessions, w.DaysDone, w.PainBefore, w.PainAfter))],
            [.. record.Sessions.Select(s => new PatientSessionDto(s.Date, s.CompletedAtUtc, s.PainBefore, s.PainAfter, s.Note, s.ProgramVersion))]));
    }

    private static async Task<IResult> ListPrograms(HttpContext http, AppDbContext db, CancellationToken cancellationToken)
    {
        var patientId = http.User.UserId()!;
        var links = await (
            from link in db.Enrollments.AsNoTracking()
            where link.OwnerId == patientId
            join routine in db.Routines on link.RoutineId equals routine.Id
            where routine.OwnerId == patientId
            join profile in db.ClinicianProfiles on link.ClinicianId equals profile.UserId into profiles
            from profile in profiles.DefaultIfEmpty()
            orderby routine.Name, link.Id
            select new { link, routine.Name, From = profile == null ? null : profile.DisplayName + ", " + profile.ClinicName })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new MyProgramListDto([.. links.Select(l => new MyProgramDto(
            l.link.RoutineId, l.Name, l.From ?? "Your clinician", l.link.ProgramVersion, l.link.AcceptedAt, l.link.ChangedAt, l.link.Change,
            ConsentDto.From(l.link), "/api/v1/me/routines/" + l.link.RoutineId, "/routines/" + l.link.RoutineId))]));
    }
}
