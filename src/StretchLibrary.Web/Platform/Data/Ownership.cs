using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Accounts.Tokens;
using StretchLibrary.Web.Routines;
using StretchLibrary.Web.Routines.Reminders;
using StretchLibrary.Web.Routines.Sessions;
using StretchLibrary.Web.Routines.Sharing;

namespace StretchLibrary.Web.Platform.Data;

public static class Ownership
{
    /// <summary>The signed-in user's id, or null for an anonymous visitor.</summary>
    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>Only the routines this user owns; an anonymous visitor (null) owns none.</summary>
    public static IQueryable<Routine> OwnedBy(this IQueryable<Routine> routines, string? ownerId) =>
        routines.Where(r => ownerId != null && r.OwnerId == ownerId);

    /// <summary>The routines this user owns, with their items (routine page, sheet, session, reminder).</summary>
    public static IQueryable<Routine> OwnedWithItems(this IQueryable<Routine> routines, string? ownerId) =>
        routines.OwnedBy(ownerId).Include(r => r.Items);

    public static IQueryable<Completion> OwnedBy(this IQueryable<Completion> completions, string? ownerId) =>
        completions.Where(c => ownerId != null && c.OwnerId == ownerId);

    public static IQueryable<ShareLink> OwnedBy(this IQueryable<ShareLink> links, string? ownerId) =>
        links.Where(l => ownerId != null && l.OwnerId == ownerId);

    public static IQueryable<ReminderSettings> OwnedBy(this IQueryable<ReminderSettings> reminders, string? ownerId) =>
        reminders.Where(r => ownerId != null && r.OwnerId == ownerId);

    public static IQueryable<CalendarFeed> OwnedBy(this IQueryable<CalendarFeed> feeds, string? ownerId) =>
        feeds.Where(f => ownerId != null && f.OwnerId == ownerId);
    public static IQueryable<ApiToken> OwnedBy(this IQueryable<ApiToken> tokens, string? ownerId) =>
        tokens.Where(t => ownerId != null && t.OwnerId == ownerId);
}
