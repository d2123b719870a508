using System.Security.Claims;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Routines;

namespace StretchLibrary.Web.Clinic;

/// <summary>
/// What a link's token or a typed code opens for the visitor: the open invitation, or why nothing opened; and the
/// routine through which the visitor already follows its program, if they do.
/// </summary>
public sealed record JoinLookup(OpenInvitation? Invitation, string? Closed, int? FollowingRoutineId);

/// <summary>
/// How accepting ended: the routine to go to with what to tell the visitor, or why they may not accept; neither when
/// the invitation was accepted or revoked in the moment between showing it and accepting.
/// </summary>
public sealed record AcceptOutcome(int? RoutineId, string? Flash, string? Refusal)
{
    public static readonly AcceptOutcome Gone = new(null, null, null);

    public static AcceptOutcome GoTo(int routineId, string flash) => new(routineId, flash, null);

    public static AcceptOutcome Refused(string refusal) => new(null, null, refusal);
}

/// <summary>
/// A patient joining a clinician's program by an invitation: looking it up, and accepting it as a guest or in their
/// account with the consent they chose, unless they already follow it, it is their own, or they have no room left.
/// </summary>
public sealed class Accepting(AppDbContext db, Programs programs, GuestAccounts guests, TimeProvider clock)
{
    public async Task<JoinLookup> LookUpAsync(string? visitorId, string? token, string? code, CancellationToken cancellationToken)
    {
        var invitation = await programs.FindOpenAsync(token, code, cancellationToken);
        if (invitation is null)
        {
            var (reason, programId) = await db.WhyClosedAsync(token, code, clock.GetUtcNow(), cancellationToken);
            var following = programId is { } id ? await db.FollowingRoutineAsync(visitorId, id, cancellationToken) : null;
            return new JoinLookup(null, Joining.Explain(reason), following);
        }

        return new JoinLookup(invitation, null, await db.FollowingRoutineAsync(visitorId, invitation.Invitation.ProgramId, cancellationToken));
    }

    /// <summary>Accepts <paramref name="open"/> for <paramref name="visitor"/>, making them a guest if they are nobody yet.</summary>
    public async Task<AcceptOutcome> AcceptAsync(ClaimsPrincipal visitor, string? timeZone, OpenInvitation open, int? followingRoutineId, bool shareSessions, bool sharePain, bool shareNotes, CancellationToken cancellationToken)
    {
        if (followingRoutineId is { } following)
        {
            return AcceptOutcome.GoTo(following, "You already follow this program: here it is.");
        }

        var visitorId = visitor.UserId();
        if (open.Invitation.OwnerId == visitorId)
        {
            return AcceptOutcome.Refused("This is your own invitation. Give the link or code to your patient.");
        }

        if (!await db.HasRoomForRoutineAsync(visitorId, cancellationToken))
        {
            return AcceptOutcome.Refused(AccountLimits.RoutinesFull);
        }

        var user = await guests.GetOrCreateAsync(visitor, timeZone);
        var link = await programs.AcceptAsync(open.Invitation.Id, user.Id, shareSessions, sharePain, shareNotes, cancellationToken);
        return link is null ? AcceptOutcome.Gone : AcceptOutcome.GoTo(link.RoutineId, $"You now follow “{open.ProgramName}” from {open.From.From}.");
    }
}
