using System.ComponentModel;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Accounts.Tokens;
using StretchLibrary.Web.Clinic;
using StretchLibrary.Web.Library.Api;
using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Platform.Api;
using StretchLibrary.Web.Platform.Caching;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Routines.Sessions;

namespace StretchLibrary.Web.Routines.Api;

/// <summary>The token owner's routines and sessions. Every query filters by the owner: another user's id is a 404.</summary>
internal static class MeEndpoints
{
    public const int DefaultLimit = 50, MaxLimit = 200;

    public static void MapMe(this IEndpointRouteBuilder api)
    {
        var me = api.MapGroup("/me/routines").WithTags("Your routines").WithNoStore()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        me.MapGet("", ListRoutines).RequireAuthorization(ApiTokens.RoutinesRead)
            .WithName("ListMyRoutines").WithSummary("Your routines").Produces<RoutineListDto>();
        me.MapGet("/{id:int}", GetRoutine).RequireAuthorization(ApiTokens.RoutinesRead)
            .WithName("GetMyRoutine").WithSummary("One of your routines")
            .WithDescription("Its stretches with your dosage, this week's progress and streaks.")
            .Produces<RoutineDto>().ProducesProblem(StatusCodes.Status404NotFound);
        me.MapGet("/{id:int}/sessions", ListSessions).RequireAuthorization(ApiTokens.RoutinesRead)
            .WithName("ListMySessions").WithSummary("Sessions of one of your routines")
            .WithDescription("Newest date first, paged with a cursor (Link rel=\"next\" or nextCursor).")
            .Produces<SessionListDto>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        me.MapPost("/{id:int}/sessions", LogSession).RequireAuthorization(ApiTokens.SessionsWrite)
            .WithName("LogMySession").WithSummary("Log a session")
            .WithDescription("Records that the routine was done. Send an Idempotency-Key header (any unique text up to 100 characters) to make retries safe: a repeat with the same key answers with the session already logged.")
            .Accepts<LogSessionRequest>("application/json")
            .Produces<SessionDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> ListRoutines(HttpContext http, AppDbContext db, CancellationToken cancellationToken)
    {
        var userId = http.User.UserId();
        var routines = await db.Routines.AsNoTracking().OwnedBy(userId).OrderBy(r => r.Name).ThenBy(r => r.Id)
            .Select(r => new RoutineSummaryDto(r.Id, r.Name, r.WeeklyTarget, r.Items.Count, "/api/v1/me/routines/" + r.Id, null))
            .ToArrayAsync(cancellationToken);
        var programs = await db.FollowedProgramsAsync(userId, cancellationToken);
        return TypedResults.Ok(new RoutineListDto([.. routines.Select(r => programs.TryGetValue(r.Id, out var p) ? r with { Program = FollowedProgramDto.Of(p) } : r)]));
    }

    private static async Task<IResult> GetRoutine(int id, HttpContext http, AppDbContext db, ContentStore content, SessionLog sessions, CancellationToken cancellationToken)
    {
        var userId = http.User.UserId();
        var routine = await db.Routines.AsNoTracking().OwnedBy(userId).Include(r => r.Items).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (routine is null)
        {
            return ApiProblems.NotFound($"You have no routine {id}.");
        }

        var today = await sessions.TodayAsync(userId!, browserZone: null, cancellationToken);
        var dates = await db.Completions.AsNoTracking().OwnedBy(userId).Where(c => c.RoutineId == id).Select(c => c.LocalDate).ToListAsync(cancellationToken);
        var summary = Adherence.Summarize(dates, today, routine.WeeklyTarget);
        var snapshot = content.Current;
        var items = routine.Items.OrderBy(i => i.Position).Select(i => ItemView.From(i, snapshot))
            .Select(i => new RoutineItemDto(i.Position, i.Slug, i.Title, i.Stretch is not null, i.Dosage is null ? null : DosageDto.From(i.Dosage), i.HasOverrides, i.Note));
        var progress = new ProgressDto(today, summary.Total, summary.ThisWeek, summary.WeeklyTarget, summary.WeekText, summary.CurrentStreak, summary.LongestStreak, summary.LastDone);
        var program = await db.FollowedProgramAsync(userId, id, cancellationToken);
        return TypedResults.Ok(new RoutineDto(routine.Id, routine.Name, routine.WeeklyTarget, [.. items], progress, $"/routines/{routine.Id}",
            program is null ? null : FollowedProgramDto.Of(program)));
    }

    private static async Task<IResult> ListSessions(
        int id,
        HttpContext http,
        AppDbContext db,
        [Description("Items per page, 1-200 (default 50).")] int? limit,
        [Description("nextCursor from the previous page.")] string? cursor,
        CancellationToken cancellationToken)
    {
        var userId = http.User.UserId();
        if (limit is < 1 or > MaxLimit)
        {
            return ApiProblems.BadRequest($"limit must be between 1 and {MaxLimit}.");
        }

        if (!await db.Routines.OwnedBy(userId).AnyAsync(r => r.Id == id, cancellationToken))
        {
            return ApiProblems.NotFound($"You have no routine {id}.");
        }

        return await db.Completions.AsNoTracking().OwnedBy(userId).Where(c => c.RoutineId == id).PageAsync(id, limit, cursor, http, cancellationToken);
    }

    private static async Task<IResult> LogSession(
        int id,
        HttpContext http,
        SessionLog sessions,
        [FromHeader(Name = "Idempotency-Key"), Description("Any unique text (1-100 printable ASCII characters); a retry with the same key logs nothing new.")] string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        if (!http.Request.HasJsonContentType())
        {
            return TypedResults.Problem("Send the session as JSON with Content-Type: application/json.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        if (await ReadBodyAsync(http, cancellationToken) is not { } body)
        {
            return ApiProblems.BadRequest("The body must be a JSON object like {\"date\": \"2026-11-27\", \"stretches\": [\"chin-tuck\"]}.");
        }

        var input = new SessionInput { Date = body.Date, Stretches = [.. body.Stretches ?? []], PainBefore = body.PainBefore, PainAfter = body.PainAfter, Note = body.Note, ClientId = idempotencyKey };
        return (await sessions.LogAsync(http.User.UserId()!, id, input, cancellationToken)).ToApiResult(id);
    }

    private static async Task<LogSessionRequest?> ReadBodyAsync(HttpContext http, CancellationToken cancellationToken)
    {
        try
        {
            return await http.Request.ReadFromJsonAsync<LogSessionRequest>(cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new BadHttpRequestException("The body is not a session in JSON.", StatusCodes.Status400BadRequest, ex);
        }
    }
}
