using System.Globalization;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Platform.Api;
using StretchLibrary.Web.Routines.Sessions;

namespace StretchLibrary.Web.Routines.Api;

/// <summary>
/// The API's pages of one routine's sessions: newest date first, <c>limit</c> at a time, and a cursor that is the
/// date and id of the last session on the previous page ("2026-11-20.1234"), also given as a Link rel="next".
/// </summary>
internal static class SessionPages
{
    /// <summary>The page after <paramref name="cursor"/> (from the start without one); 400 for a cursor the API did not give out.</summary>
    public static async Task<IResult> PageAsync(this IQueryable<Completion> sessions, int routineId, int? limit, string? cursor, HttpContext http, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(cursor))
        {
            if (cursor.Split('.') is not [var d, var i] || !DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                || !long.TryParse(i, NumberStyles.None, CultureInfo.InvariantCulture, out var lastId))
            {
                return ApiProblems.BadRequest("cursor is not one this API gave out: start again without it.");
            }

            sessions = sessions.Where(c => c.LocalDate < date || (c.LocalDate == date && c.Id < lastId));
        }

        var take = limit ?? MeEndpoints.DefaultLimit;
        var page = await sessions.OrderByDescending(c => c.LocalDate).ThenByDescending(c => c.Id).Take(take + 1).ToListAsync(cancellationToken);
        string? next = null;
        if (page.Count > take)
        {
            page.RemoveAt(take);
            next = page[^1].LocalDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "." + page[^1].Id.ToString(CultureInfo.InvariantCulture);
            var query = (limit is null ? QueryString.Empty : QueryString.Create("limit", limit.Value.ToString(CultureInfo.InvariantCulture))).Add("cursor", next);
            http.Response.Headers.Link = $"<{http.Request.PathBase}/api/v1/me/routines/{routineId}/sessions{query.ToUriComponent()}>; rel=\"next\"";
        }

        return TypedResults.Ok(new SessionListDto([.. page.Select(SessionDto.From)], next));
    }
}
