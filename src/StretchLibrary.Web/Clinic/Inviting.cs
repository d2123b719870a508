using Microsoft.AspNetCore.Mvc.ModelBinding;
using StretchLibrary.Web.Platform.Security;
using StretchLibrary.Web.Routines;

namespace StretchLibrary.Web.Clinic;

/// <summary>
/// A clinician inviting one patient to a program: the rules for how long the invitation stays open and the address
/// it is emailed to, then the invitation made and, when there is an address, emailed.
/// </summary>
public sealed class Inviting(Programs programs, ClinicWorkspace workspace, InvitationMail mail, PublicLinks links)
{
    /// <summary>The address to email, or null when the clinician left the field empty.</summary>
    public static string? Email(string? typed) => string.IsNullOrWhiteSpace(typed) ? null : typed.Trim();

    /// <summary>
    /// Adds to <paramref name="modelState"/> what is wrong with the choices: days not among
    /// <see cref="Invitation.DayChoices"/>, and an address (unless the form already found it invalid) the outbox
    /// cannot send to, or beyond the clinician's daily limit of emailed invitations.
    /// </summary>
    public async Task CheckAsync(string clinicianId, int days, string? email, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        if (!Invitation.DayChoices.Contains(days))
        {
            modelState.AddModelError("Days", $"Choose how long the invitation stays open: {string.Join(", ", Invitation.DayChoices)} days.");
        }

        if (email is not null && modelState.GetFieldValidationState("Email") != ModelValidationState.Invalid)
        {
            if (!InvitationMail.IsSendable(email))
            {
                modelState.AddModelError("Email", "Enter one email address like name@example.org, or leave it empty.");
            }
            else if (!await workspace.MayEmailAsync(clinicianId, cancellationToken))
            {
                modelState.AddModelError("Email", $"You have emailed {ClinicWorkspace.MaxEmailsPerDay} invitations in the last day, the most allowed. Leave the email empty and give the patient the link, code or printed sheet instead.");
            }
        }
    }

    /// <summary>A new open invitation to <paramref name="program"/>, saved, and emailed from <paramref name="from"/> when <paramref name="email"/> is given.</summary>
    public async Task<InvitationSecret> InviteAsync(Routine program, ClinicianProfile from, string patientName, int days, string? email, CancellationToken cancellationToken)
    {
        var made = await programs.InviteAsync(program, patientName, days, email, cancellationToken);
        if (email is not null)
        {
            mail.Send(email, from, program.Name, links.Path($"/join/{made.Token}"), links.Path("/join"), made.DisplayCode, made.Invitation.ExpiresAt);
        }

        return made;
    }
}
