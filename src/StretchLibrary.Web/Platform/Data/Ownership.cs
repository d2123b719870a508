using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Accounts.Tokens;
using StretchLibrary.Web.Routines;
using StretchLibrary.Web.Routines.Reminders;
using StretchLibrary.Web.Routines.Sessions;
using StretchLibrary.Web.Routines.Sharing;

namespace StretchLibrary.Web.Platform.Data;

// The null check stays outside the expression: inside it (`ownerId != null && ...`) EF Core evaluates that part
// of the tree on every execution by compiling it, which cost more than the query itself on the routine page.
public static class Ownership
{
    /// <summary>The signed-in user's id, or null for an anonymous visitor.</summary>
    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>Only the routines this user owns; an anonymous visitor (null) owns none.</summary>
    public static IQueryable<Routine> OwnedBy(this IQueryable<Routine> routines, string? ownerId) =>
        ownerId is null ? routines.Where(r => false) : routines.Where(r => r.OwnerId == ownerId);

    /// <summary>The routines this user owns, with their items (routine page, sheet, session, reminder).</summary>
    public static IQueryable<Routine> OwnedWithItems(this IQueryable<Routine> routines, string? ownerId) =>
        routines.OwnedBy(ownerId).Include(r => r.Items);

    public static IQueryable<Completion> OwnedBy(this IQueryable<Completion> completions, string? ownerId) =>
        ownerId is null ? completions.Where(c => false) : completions.Where(c => c.OwnerId == ownerId);

    public static IQueryable<ShareLink> OwnedBy(this IQueryable<ShareLink> links, string? ownerId) =>
        ownerId is null ? links.Where(l => false) : links.Where(l => l.OwnerId == ownerId);

    public static IQueryable<ReminderSettings> OwnedBy(this IQueryable<ReminderSettings> reminders, string? ownerId) =>
        ownerId is null ? reminders.Where(r => false) : reminders.Where(r => r.OwnerId == ownerId);

    public static IQueryable<CalendarFeed> OwnedBy(this IQueryable<CalendarFeed> feeds, string? ownerId) =>
        ownerId is null ? feeds.Where(f => false) : feeds.Where(f => f.OwnerId == ownerId);
    public static IQueryable<ApiToken> OwnedBy(this IQueryable<ApiToken> tokens, string? ownerId) =>
        ownerId is null ? tokens.Where(t => false) : tokens.Where(t => t.OwnerId == ownerId);
}
