using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Routines;

namespace StretchLibrary.Web.Clinic;

/// <summary>What an invitation is now, for the clinician's lists.</summary>
public enum InvitationState
{
    Open,
    Accepted,
    Revoked,
    Expired,
}

/// <summary>A program on the clinician's workspace: how big it is and who follows it.</summary>
public sealed record ProgramSummary(int Id, string Name, int Stretches, int Patients, int OpenInvitations);

/// <summary>An invitation as the clinician's lists show it (no secrets).</summary>
public sealed record InvitationSummary(
    int Id, int ProgramId, string ProgramName, string PatientName, string? Email,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? AcceptedAt, DateTimeOffset? RevokedAt)
{
    public InvitationState StateAt(DateTimeOffset now) =>
        AcceptedAt is not null ? InvitationState.Accepted
        : RevokedAt is not null ? InvitationState.Revoked
        : ExpiresAt <= now ? InvitationState.Expired
        : InvitationState.Open;
}

/// <summary>A patient following one of the clinician's programs, by the clinician's label.</summary>
public sealed record FollowerSummary(int LinkId, string PatientName, DateTimeOffset AcceptedAt, int ProgramVersion);

/// <summary>
/// The clinician's side of the clinic: their profile, making and copying programs, revoking invitations, and the
/// lists of their programs, invitations and followers. Everything is filtered by the clinician's id; a program or
/// invitation of anyone else is not found.
/// </summary>
public sealed class ClinicWorkspace(AppDbContext db, TimeProvider clock)
{
    /// <summary>Emailed invitations a clinician may send in 24 hours: enough for a busy clinic, too few to spam with.</summary>
    public const int MaxEmailsPerDay = 50;

    public Task<ClinicianProfile?> ProfileAsync(string? userId, CancellationToken cancellationToken) =>
        userId is null ? Task.FromResult<ClinicianProfile?>(null)
            : db.ClinicianProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);

    /// <summary>Whether the account is a guest's (no email and password): guests cannot be clinicians.</summary>
    public async Task<bool> IsGuestAsync(string userId, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == userId).Select(u => (bool?)u.IsGuest).SingleOrDefaultAsync(cancellationToken) ?? true;

    /// <summary>Turns the clinician profile on, or changes it.</summary>
    public async Task SaveProfileAsync(string userId, string displayName, string clinicName, string? contactLine, CancellationToken cancellationToken)
    {
        var profile = await db.ClinicianProfiles.SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (profile is null)
        {
            profile = new ClinicianProfile { UserId = userId, DisplayName = displayName, ClinicName = clinicName, CreatedAt = clock.GetUtcNow() };
            db.ClinicianProfiles.Add(profile);
        }

        (profile.DisplayName, profile.ClinicName, profile.ContactLine) = (displayName, clinicName, contactLine);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A new, empty program; null when the account holds the most routines it may.</summary>
    public async Task<Routine?> NewProgramAsync(string clinicianId, string name, int? weeklyTarget, string? notes, CancellationToken cancellationToken)
    {
        if (!await db.HasRoomForRoutineAsync(clinicianId, cancellationToken))
        {
            return null;
        }

        var program = Routine.New(clinicianId, name, weeklyTarget, clock.GetUtcNow(), []);
        (program.IsProgram, program.Notes) = (true, notes);
        db.Routines.Add(program);
        await db.SaveChangesAsync(cancellationToken);
        return program;
    }

    /// <summary>
    /// A new program with the same stretches, dosage, target and notes as <paramref name="source"/> (a template to
    /// adapt for another patient), followed by no one; null when the account holds the most routines it may.
    /// </summary>
    public async Task<Routine?> DuplicateAsync(Routine source, CancellationToken cancellationToken)
    {
        if (!source.IsProgram || !await db.HasRoomForRoutineAsync(source.OwnerId, cancellationToken))
        {
            return null;
        }

        var copy = RoutineCopies.CopyOf(source, source.OwnerId, RoutineCopies.CopyName(source.Name), clock.GetUtcNow());
        (copy.IsProgram, copy.Notes) = (true, source.Notes);
        db.Routines.Add(copy);
        await db.SaveChangesAsync(cancellationToken);
        return copy;
    }

    /// <summary>Revokes the clinician's open invitation: its link and code open nothing from now on. False when not theirs or no longer open.</summary>
    public async Task<bool> RevokeAsync(string clinicianId, int invitationId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == invitationId && i.OwnerId == clinicianId, cancellationToken);
        if (invitation is null || !invitation.IsOpenAt(now))
        {
            return false;
        }

        invitation.RevokedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Whether the clinician may email another invitation now (<see cref="MaxEmailsPerDay"/>).</summary>
    public async Task<bool> MayEmailAsync(string clinicianId, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().AddDays(-1);
        return await db.Invitations.CountAsync(i => i.OwnerId == clinicianId && i.Email != null && i.CreatedAt > since, cancellationToken) < MaxEmailsPerDay;
    }

    /// <summary>The clinician's programs by name.</summary>
    public async Task<IReadOnlyList<ProgramSummary>> ProgramsAsync(string clinicianId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = await db.Routines.AsNoTracking().Where(r => r.OwnerId == clinicianId && r.IsProgram)
            .OrderBy(r => r.Name).ThenBy(r => r.Id)
            .Select(r => new
            {
                r.Id,
                r.Name,
                Stretches = r.Items.Count,
                Patients = db.Enrollments.Count(e => e.ProgramId == r.Id && e.ClinicianId == clinicianId),
                Open = db.Invitations.Count(i => i.ProgramId == r.Id && i.OwnerId == clinicianId && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new ProgramSummary(r.Id, r.Name, r.Stretches, r.Patients, r.Open))];
    }

    /// <summary>The clinician's invitations, newest first; only <paramref name="programId"/>'s when given.</summary>
    public async Task<IReadOnlyList<InvitationSummary>> InvitationsAsync(string clinicianId, int? programId, CancellationToken cancellationToken)
    {
        var invitations = db.Invitations.AsNoTracking().Where(i => i.OwnerId == clinicianId);
        if (programId is { } id)
        {
            invitations = invitations.Where(i => i.ProgramId == id);
        }

        return await (
            from invitation in invitations
            join program in db.Routines on invitation.ProgramId equals program.Id
            where program.OwnerId == clinicianId
            orderby invitation.CreatedAt descending, invitation.Id descending
            select new InvitationSummary(invitation.Id, invitation.ProgramId, program.Name, invitation.PatientName, invitation.Email,
                invitation.CreatedAt, invitation.ExpiresAt, invitation.AcceptedAt, invitation.RevokedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>One of the clinician's invitations; null for anyone else's.</summary>
    public async Task<InvitationSummary?> InvitationAsync(string clinicianId, int invitationId, CancellationToken cancellationToken) =>
        await (
            from invitation in db.Invitations.AsNoTracking()
            where invitation.Id == invitationId && invitation.OwnerId == clinicianId
            join program in db.Routines on invitation.ProgramId equals program.Id
            where program.OwnerId == clinicianId
            select new InvitationSummary(invitation.Id, invitation.ProgramId, program.Name, invitation.PatientName, invitation.Email,
                invitation.CreatedAt, invitation.ExpiresAt, invitation.AcceptedAt, invitation.RevokedAt))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>The patients following the clinician's program, by label. Names only: what they did is read through <see cref="PatientRecords"/>.</summary>
    public async Task<IReadOnlyList<FollowerSummary>> FollowersAsync(string clinicianId, int programId, CancellationToken cancellationToken) =>
        await db.Enrollments.AsNoTracking()
            .Where(e => e.ClinicianId == clinicianId && e.ProgramId == programId)
            .OrderBy(e => e.PatientName).ThenBy(e => e.Id)
            .Select(e => new FollowerSummary(e.Id, e.PatientName, e.AcceptedAt, e.ProgramVersion))
            .ToListAsync(cancellationToken);
}
