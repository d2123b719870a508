using System.Text.Json;
using StretchLibrary.Web.Platform.Data;

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
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapOfflineSessions(this IEndpointRouteBuilder app)
    {
        app.MapPost("/routines/{id:int}/sessions", PostAsync);
        return app;
    }

    private static async Task<IResult> PostAsync(int id, HttpContext http, SessionLog sessions, CancellationToken cancellationToken)
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

        SessionInput? input;
        try
        {
            input = await http.Request.ReadFromJsonAsync<SessionInput>(Json, cancellationToken);
        }
        catch (JsonException)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The session is not valid JSON.");
        }

        if (input?.ClientId is null)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["clientId"] = ["Every session needs the id the browser made for it."] });
        }

        return await sessions.LogAsync(userId, id, input, cancellationToken) switch
        {
            Logged.Saved => Results.Created($"/routines/{id}", new { status = "saved" }),
            Logged.AlreadySaved => Results.Ok(new { status = "already-saved" }),
            Logged.Invalid(var errors) => Results.ValidationProblem(errors.ToDictionary(e => "Input." + e.Key, e => e.Value)),
            Logged.Refused(var reason) => Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: reason),
            _ => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "That routine is not there any more."),
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
