using System.Text.Json;
using StretchLibrary.Web.Platform.Api;
using StretchLibrary.Web.Routines.Sessions;

namespace StretchLibrary.Web.Routines.Api;

/// <summary>
/// The API's answer to a session logged through it: 201 with the session (also for a retry with the same
/// Idempotency-Key), 400 for a bad key, a validation problem by camelCase field, 422 when refused, else 404.
/// </summary>
internal static class LoggedResults
{
    public static IResult ToApiResult(this Logged logged, int routineId) => logged switch
    {
        Logged.Saved(var session) => TypedResults.Created($"/api/v1/me/routines/{routineId}/sessions/{session.Id}", SessionDto.From(session)),
        Logged.AlreadySaved(var session) => TypedResults.Created($"/api/v1/me/routines/{routineId}/sessions/{session.Id}", SessionDto.From(session)),
        Logged.Invalid(var errors) when errors.ContainsKey(nameof(SessionInput.ClientId)) =>
            ApiProblems.BadRequest($"Idempotency-Key must be 1-{SessionInput.ClientIdMaxLength} printable ASCII characters."),
        Logged.Invalid(var errors) => TypedResults.ValidationProblem(
            errors.ToDictionary(e => JsonNamingPolicy.CamelCase.ConvertName(e.Key), e => e.Value), detail: "The session was not logged; fix what each field says."),
        Logged.Refused(var reason) => TypedResults.Problem(reason, statusCode: StatusCodes.Status422UnprocessableEntity),
        _ => ApiProblems.NotFound($"You have no routine {routineId}."),
    };
}
