namespace StretchLibrary.Web.Routines.Sessions;

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
    public static IEndpointRouteBuilder MapOfflineSessions(this IEndpointRouteBuilder app)
    {
        app.MapPost("/routines/{id:int}/sessions", PostAsync);
        return app;
    }

    private static async Task<IResult> PostAsync(int id, HttpContext http, SessionLog sessions, CancellationToken cancellationToken)
    {
        var request = await OfflineRequest.ReadAsync(http, cancellationToken);
        if (request.Problem is { } problem)
        {
            return problem;
        }

        return await sessions.LogAsync(request.UserId!, id, request.Input!, cancellationToken) switch
        {
            Logged.Saved => Results.Created($"/routines/{id}", new { status = "saved" }),
            Logged.AlreadySaved => Results.Ok(new { status = "already-saved" }),
            Logged.Invalid(var errors) => Results.ValidationProblem(errors.ToDictionary(e => "Input." + e.Key, e => e.Value)),
            Logged.Refused(var reason) => Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: reason),
            _ => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "That routine is not there any more."),
        };
    }
}
