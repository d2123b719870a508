using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Platform.Data;

namespace StretchLibrary.Web.Clinic;

/// <summary>Why a link or code opens no invitation, so the join page can say what to do next.</summary>
public enum ClosedReason
{
    /// <summary>No invitation has that link or code (a typo, or a link cut short).</summary>
    Unknown,
    Used,
    Revoked,
    Expired,
}

/// <summary>The join page's questions about an invitation that <see cref="Programs.FindOpenAsync"/> did not open.</summary>
public static class Joining
{
    /// <summary>
    /// Why the link's token or the typed code opens nothing, with the program it offered;
    /// <see cref="ClosedReason.Unknown"/> (and no program) when no invitation has it.
    /// </summary>
    public static async Task<(ClosedReason Reason, int? ProgramId)> WhyClosedAsync(this AppDbContext db, string? token, string? typedCode, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var hash = token is { Length: > 0 and <= 64 } ? InvitationSecrets.Hash(token)
            : InvitationSecrets.NormaliseCode(typedCode) is { } code ? InvitationSecrets.Hash(code)
            : null;
        if (hash is null)
        {
            return (ClosedReason.Unknown, null);
        }

        var found = await db.Invitations.AsNoTracking().Where(i => token != null ? i.TokenHash == hash : i.CodeHash == hash)
            .Select(i => new { i.ProgramId, i.AcceptedAt, i.RevokedAt, i.ExpiresAt }).FirstOrDefaultAsync(cancellationToken);
        var reason = found switch
        {
            null => ClosedReason.Unknown,
            { AcceptedAt: not null } => ClosedReason.Used,
            { RevokedAt: not null } => ClosedReason.Revoked,
            _ when found.ExpiresAt <= now => ClosedReason.Expired,
            _ => ClosedReason.Unknown,
        };
        return (reason, reason is ClosedReason.Unknown ? null : found!.ProgramId);
    }

    /// <summary>The routine through which <paramref name="patientId"/> already follows the program, if they do.</summary>
    public static Task<int?> FollowingRoutineAsync(this AppDbContext db, string? patientId, int programId, CancellationToken cancellationToken) =>
        patientId is null ? Task.FromResult<int?>(null)
            : db.Enrollments.AsNoTracking().Where(e => e.OwnerId == patientId && e.ProgramId == programId)
                .Select(e => (int?)e.RoutineId).FirstOrDefaultAsync(cancellationToken);

    /// <summary>What the join page says for each reason.</summary>
    public static string Explain(ClosedReason reason) => reason switch
    {
        ClosedReason.Used => "This invitation has already been accepted. If you accepted it, the program is in your routines on the device you used. If not, ask your clinician for a new invitation.",
        ClosedReason.Revoked => "Your clinician has cancelled this invitation. Ask them for a new one if you still need the program.",
        ClosedReason.Expired => "This invitation has expired. Ask your clinician for a new one: it takes them a moment.",
        _ => "No invitation matches this link or code. Check it against your sheet or message, or ask your clinician for a new one.",
    };
}
