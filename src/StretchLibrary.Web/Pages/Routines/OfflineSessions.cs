using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Caching;
using StretchLibrary.Web.Content;
using StretchLibrary.Web.Data;
using StretchLibrary.Web.Tracking;

namespace StretchLibrary.Web.Pages.Routines;

/// <summary>
/// <c>POST /routines/{id}/sessions</c>: a "Mark done" that a phone queued while offline, sent as JSON when the
/// connection returns. A cached page's antiforgery token may be stale by then, so instead of it the request must
/// carry the sign-in cookie and come from this origin (<c>Sec-Fetch-Site</c>, else <c>Origin</c>) with a JSON
/// body, which a cross-site form cannot send. The client id makes it idempotent: 201 when stored, 200 when
/// that log was stored before, 422 when the id was used for another routine's log or the account is full (nothing
/// stored), 404 for a routine that is gone or not the user's, 400 with the form's messages.
/// </summary>
public static class OfflineSessions
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapOfflineSessions(this IEndpointRouteBuilder app)
    {
        app.MapPost("/routines/{id:int}/sessions", PostAsync);
        return app;
    }

    private static async Task<IResult> PostAsync(
        int id, HttpContext http, AppDbContext db, UserFacts facts, ContentStore content, CompletionWriter writer, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!IsSameOrigin(http.Request))
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only this site's own pages can send sessions here.");
        }

        if (http.User.UserId() is not { } userId)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign in to save this session.");
        }

        if (!http.Request.HasJsonContentType())
        {
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send the session as application/json.");
        }

        DoneModel.DoneInput? input;
        try
        {
            input = await http.Request.ReadFromJsonAsync<DoneModel.DoneInput>(Json, cancellationToken);
        }
        catch (JsonException)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The session is not valid JSON.");
        }

        if (input?.ClientId is null)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["clientId"] = ["Every session needs the id the browser made for it."] });
        }

        var routine = await db.Routines.AsNoTracking().OwnedBy(userId).Include(r => r.Items).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (routine is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "That routine is not there any more.");
        }

        // "Today" where the phone was, as the form does; the stored zone otherwise.
        var zone = LocalClock.IsKnownZone(input.Tz) ? input.Tz : (await facts.GetAsync(http.RequestServices, userId, cancellationToken))?.TimeZoneId;
        var snapshot = content.Current;
        var items = routine.Items.OrderBy(i => i.Position).Select(i => ItemView.From(i, snapshot)).Where(i => i.Stretch is not null).ToArray();
        var form = new DoneFormView(id, LocalClock.Today(clock.GetUtcNow(), LocalClock.FindZone(zone)), items);
        var (done, errors) = MarkDone.Check(input, form);
        var annotations = new List<ValidationResult>();
        Validator.TryValidateObject(input, new ValidationContext(input), annotations, validateAllProperties: true);
        errors.AddRange(annotations.SelectMany(r => r.MemberNames.DefaultIfEmpty("").Select(m => ("Input." + m, r.ErrorMessage ?? "Not valid."))));
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        }

        var saved = await MarkDone.SaveOnceAsync(db, writer, new Completion
        {
            RoutineId = id,
            OwnerId = userId,
            LocalDate = input.Date!.Value,
            CompletedAtUtc = clock.GetUtcNow(),
            StretchSlugs = done,
            PainBefore = input.PainBefore,
            PainAfter = input.PainAfter,
            Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
            ClientId = input.ClientId,
        }, cancellationToken);
        return saved switch
        {
            MarkDone.SaveResult.Saved => Results.Created($"/routines/{id}", new { status = "saved" }),
            MarkDone.SaveResult.AlreadySaved => Results.Ok(new { status = "already-saved" }),
            // As the API answers an Idempotency-Key reused for another routine, or a full account.
            MarkDone.SaveResult.ClientIdUsedElsewhere => Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "This session's id was already used for a session of another routine."),
            _ => Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: AccountLimits.SessionsFull),
        };
    }

    /// <summary>Fetch metadata where the browser sends it (all current ones do), else the Origin header.</summary>
    private static bool IsSameOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site == "same-origin";
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0 && string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
    }
}
