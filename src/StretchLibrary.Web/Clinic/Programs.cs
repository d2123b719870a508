using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Platform.Caching;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Routines;

namespace StretchLibrary.Web.Clinic;

/// <summary>A new invitation and its two secrets, shown to the clinician (and kept sealed for reprinting).</summary>
public sealed record InvitationSecret(Invitation Invitation, string Token, string Code)
{
    public string DisplayCode => InvitationSecrets.Display(Code);
}

/// <summary>
/// The use cases of the clinic loop on the data: inviting, accepting, leaving. Pages and the API call these; the
/// program's edits reach followers through <see cref="ProgramSync"/>, and a clinician reads patient data only
/// through <see cref="PatientRecords"/>.
/// </summary>
public sealed class Programs(AppDbContext db, IDataProtectionProvider dataProtection, TimeProvider clock)
{
    private IDataProtector Sealer => dataProtection.CreateProtector("StretchLibrary.Clinic.Invitation.v1");

    /// <summary>The clinician's program (a routine they own marked as a program) by id, with its items; null for anyone else's.</summary>
    public Task<Routine?> FindProgramAsync(string clinicianId, int programId, CancellationToken cancellationToken) =>
        db.Routines.Include(r => r.Items).SingleOrDefaultAsync(r => r.Id == programId && r.OwnerId == clinicianId && r.IsProgram, cancellationToken);

    /// <summary>A new open invitation to <paramref name="program"/>, saved.</summary>
    public async Task<InvitationSecret> InviteAsync(Routine program, string patientName, int days, string? email, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var token = InvitationSecrets.NewToken();
        var code = InvitationSecrets.NewCode();
        var invitation = new Invitation
        {
            OwnerId = program.OwnerId,
            ProgramId = program.Id,
            PatientName = patientName,
            Email = email,
            TokenHash = InvitationSecrets.Hash(token),
            CodeHash = InvitationSecrets.Hash(code),
            Sealed = Sealer.Protect(token + " " + code),
            CreatedAt = now,
            ExpiresAt = now.AddDays(days),
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);
        return new InvitationSecret(invitation, token, code);
    }

    /// <summary>The link and code of the clinician's invitation, for showing or printing again; null when not theirs, or no longer open.</summary>
    public async Task<InvitationSecret?> RevealAsync(string clinicianId, int invitationId, CancellationToken cancellationToken)
    {
        var invitation = await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.Id == invitationId && i.OwnerId == clinicianId, cancellationToken);
        if (invitation is null || !invitation.IsOpenAt(clock.GetUtcNow()))
        {
            return null;
        }

        try
        {
            var parts = Sealer.Unprotect(invitation.Sealed).Split(' ');
            return new InvitationSecret(invitation, parts[0], parts[1]);
        }
        catch (CryptographicException)
        {
            // The keys that sealed it are gone (a new key ring): the clinician makes a new invitation.
            return null;
        }
    }

    /// <summary>The open invitation a link's token or a typed code opens, with who it is from; null for a wrong, used, revoked or expired one.</summary>
    public async Task<OpenInvitation?> FindOpenAsync(string? token, string? typedCode, CancellationToken cancellationToken)
    {
        var hash = token is { Length: > 0 and <= 64 } ? InvitationSecrets.Hash(token)
            : InvitationSecrets.NormaliseCode(typedCode) is { } code ? InvitationSecrets.Hash(code)
            : null;
        if (hash is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var found = await (
            from invitation in db.Invitations
            where (token != null ? invitation.TokenHash == hash : invitation.CodeHash == hash)
                && invitation.RevokedAt == null && invitation.AcceptedAt == null && invitation.ExpiresAt > now
            join profile in db.ClinicianProfiles on invitation.OwnerId equals profile.UserId
            join program in db.Routines on invitation.ProgramId equals program.Id
            select new OpenInvitation(invitation, profile, program.Name)).SingleOrDefaultAsync(cancellationToken);
        return found;
    }

    /// <summary>
    /// Accepts the invitation for <paramref name="patientId"/>: a routine of theirs that follows the program, and the
    /// link with the consent they chose. Null when the invitation was used or revoked meanwhile, or is the
    /// clinician's own.
    /// </summary>
    public async Task<Enrollment?> AcceptAsync(int invitationId, string patientId, bool shareSessions, bool sharePain, bool shareNotes, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var invitation = await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.Id == invitationId, cancellationToken);
        if (invitation is null || !invitation.IsOpenAt(now) || invitation.OwnerId == patientId)
        {
            return null;
        }

        // One unit for the execution strategy; the invitation is claimed by a conditional update, so two people
        // (or two taps) accepting the same one at once make one link.
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.Invitations.TagWith(UserDataChanges.TagOwners(invitation.OwnerId))
                .Where(i => i.Id == invitationId && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
                .ExecuteUpdateAsync(set => set.SetProperty(i => i.AcceptedAt, now), ct);
            if (claimed == 0)
            {
                return null;
            }

            var program = await db.Routines.AsNoTracking().Include(r => r.Items).SingleAsync(r => r.Id == invitation.ProgramId, ct);
            var routine = Routine.New(patientId, program.Name, program.WeeklyTarget, now, []);
            routine.Follow(program, now);
            db.Routines.Add(routine);
            await db.SaveChangesAsync(ct);
            var link = new Enrollment
            {
                OwnerId = patientId,
                ClinicianId = invitation.OwnerId,
                ProgramId = program.Id,
                RoutineId = routine.Id,
                PatientName = invitation.PatientName,
                AcceptedAt = now,
                ProgramVersion = program.Version,
            };
            link.SetConsent(shareSessions, sharePain, shareNotes, now);
            db.Enrollments.Add(link);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return link;
        }, cancellationToken);
    }

    /// <summary>The patient's link for their routine; null when the routine follows no program (or is not theirs).</summary>
    public Task<Enrollment?> LinkForRoutineAsync(string patientId, int routineId, CancellationToken cancellationToken) =>
        db.Enrollments.SingleOrDefaultAsync(e => e.RoutineId == routineId && e.OwnerId == patientId, cancellationToken);

    /// <summary>Leaves the program: the routine stays, with its sessions, as the patient's own; the clinician loses sight of it.</summary>
    public async Task LeaveAsync(Enrollment link, CancellationToken cancellationToken)
    {
        db.Enrollments.Remove(link);
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>An open invitation with the clinician it is from and the program's name, for the join page.</summary>
public sealed record OpenInvitation(Invitation Invitation, ClinicianProfile From, string ProgramName);
