using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Components;
using StretchLibrary.Web.Platform.Data;

namespace StretchLibrary.Web.Routines;

/// <summary>The routine a list of stretches adds to, and the visitor's other routines to switch to.</summary>
public sealed record PickTarget(int Id, string Name, IReadOnlySet<string> Slugs, IReadOnlyList<(int Id, string Name)> Routines)
{
    /// <summary>
    /// The routine <paramref name="routineId"/> when this user owns it, else the one they changed last; null for
    /// an anonymous visitor or one with no routines (their cards link to the "Add to routine" page instead).
    /// </summary>
    public static async Task<PickTarget?> LoadAsync(AppDbContext db, string? userId, int? routineId, CancellationToken cancellationToken)
    {
        if (userId is null)
        {
            return null;
        }

        // Not a routine that follows a clinician's program: only the program changes its stretches.
        var routines = await db.Routines.AsNoTracking().OwnedBy(userId).Where(r => !db.Enrollments.Any(e => e.RoutineId == r.Id)).OrderByDescending(r => r.UpdatedAt).ThenByDescending(r => r.Id)
            .Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken);
        if (routines.Count == 0)
        {
            return null;
        }

        var target = routines.FirstOrDefault(r => r.Id == routineId) ?? routines[0];
        var slugs = await db.Routines.AsNoTracking().OwnedBy(userId).Where(r => r.Id == target.Id)
            .SelectMany(r => r.Items.Select(i => i.StretchSlug)).ToListAsync(cancellationToken);
        return new PickTarget(target.Id, target.Name, slugs.ToHashSet(StringComparer.Ordinal), [.. routines.Select(r => (r.Id, r.Name))]);
    }

    /// <summary>What each card needs, with this request's antiforgery token and its own address to come back to.</summary>
    public CardPicker ForCards(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var returnUrl = context.Request.Path + context.Request.QueryString;
        return new CardPicker(Id, Name, Slugs, returnUrl, tokens.FormFieldName, tokens.RequestToken!);
    }
}
