using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Platform.Data;

namespace StretchLibrary.Web.Routines.Sharing;

/// <summary>A visitor's own copy of a shared routine.</summary>
public sealed record OwnCopy(int Id, string Name);

/// <summary>
/// Copies of shared routines into a visitor's own routines, each remembering the link it came through, so a visitor
/// who opens the link again is offered their copy rather than a second one.
/// </summary>
public sealed class ShareCopies(AppDbContext db, GuestAccounts guests, TimeProvider clock)
{
    /// <summary>The visitor's latest copy made from the link, if they have one.</summary>
    public Task<OwnCopy?> FindAsync(string? visitorId, int linkId, CancellationToken cancellationToken) =>
        db.Routines.AsNoTracking().OwnedBy(visitorId).Where(r => r.CopiedFromShareLinkId == linkId)
            .OrderByDescending(r => r.UpdatedAt).Select(r => new OwnCopy(r.Id, r.Name)).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Copies the routine a link opened to the visitor's routines (a new guest account, signed in now, when they
    /// have none); check the account's room first (<see cref="AccountLimits"/>).
    /// </summary>
    public async Task<OwnCopy> CopyAsync(ClaimsPrincipal visitor, string? timeZone, int linkId, Routine source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var user = await guests.GetOrCreateAsync(visitor, timeZone);
        var copy = RoutineCopies.CopyOf(source, user.Id, source.Name, clock.GetUtcNow());
        copy.CopiedFromShareLinkId = linkId;
        db.Routines.Add(copy);
        await db.SaveChangesAsync(cancellationToken);
        return new OwnCopy(copy.Id, copy.Name);
    }
}
