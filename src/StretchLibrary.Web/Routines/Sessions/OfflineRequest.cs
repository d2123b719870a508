using System.Text.Json;
using StretchLibrary.Web.Platform.Data;

namespace StretchLibrary.Web.Routines.Sessions;

/// <summary>
/// An offline session's request to <see cref="OfflineSessions"/>, checked in order: from this origin, signed in, JSON,
/// valid, with the client id. Either who sent it and the session, or the problem to answer with.
/// </summary>
public sealed record OfflineRequest(string? UserId, SessionInput? Input, IResult? Problem)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<OfflineRequest> ReadAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (!IsSameOrigin(http.Request))
        {
            return Fail(Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only this site's own pages can send sessions here."));
        }

        if (http.User.UserId() is not { } userId)
        {
            return Fail(Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign in to save this session."));
        }

        if (!http.Request.HasJsonContentType())
        {
            return Fail(Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send the session as application/json."));
        }

        SessionInput? input;
        try
        {
            input = await http.Request.ReadFromJsonAsync<SessionInput>(Json, cancellationToken);
        }
        catch (JsonException)
        {
            return Fail(Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The session is not valid JSON."));
        }

        if (input?.ClientId is null)
        {
            return Fail(Results.ValidationProblem(new Dictionary<string, string[]> { ["clientId"] = ["Every session needs the id the browser made for it."] }));
        }

        return new OfflineRequest(userId, input, null);
    }

    private static OfflineRequest Fail(IResult problem) => new(null, null, problem);

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
