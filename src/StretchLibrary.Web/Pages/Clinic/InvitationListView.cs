using System.Globalization;
using StretchLibrary.Web.Clinic;

namespace StretchLibrary.Web.Pages.Clinic;

/// <summary>The invitations list (<c>_InvitationList</c>): the rows, the request's instant and the clinician's clock.</summary>
public sealed record InvitationListView(IReadOnlyList<InvitationSummary> Invitations, DateTimeOffset Now, Func<DateTimeOffset, DateTimeOffset> Local, bool ShowProgram)
{
    /// <summary>"Open until 20 Dec 2026", "Accepted on 8 Dec 2026", "Revoked", "Expired on 1 Dec 2026".</summary>
    public static string Describe(InvitationSummary invitation, InvitationState state, Func<DateTimeOffset, DateTimeOffset> local) => state switch
    {
        InvitationState.Open => $"Open until {Date(local(invitation.ExpiresAt))}",
        InvitationState.Accepted => $"Accepted on {Date(local(invitation.AcceptedAt!.Value))}",
        InvitationState.Revoked => $"Revoked on {Date(local(invitation.RevokedAt!.Value))}",
        _ => $"Expired on {Date(local(invitation.ExpiresAt))}",
    };

    private static string Date(DateTimeOffset at) => at.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
