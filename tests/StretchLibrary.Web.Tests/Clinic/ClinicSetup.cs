using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StretchLibrary.Web.Clinic;
using StretchLibrary.Web.Routines;
using StretchLibrary.Web.Routines.Sessions;
using StretchLibrary.Web.Tests.Pages.Routines;

namespace StretchLibrary.Web.Tests.Clinic;

/// <summary>
/// Clinicians, programs and patients made the way the app makes them: accounts through the register form, the
/// invitation and its acceptance through <see cref="Programs"/>, sessions as completion rows of the patient's routine.
/// </summary>
public sealed class ClinicSetup
{
    public const string Password = "correct horse battery staple";

    private readonly LibraryFactory _app;

    /// <summary>Made before the app's first request: a clinic test signs up more accounts than one address may by default.</summary>
    public ClinicSetup(LibraryFactory app)
    {
        _app = app;
        app.Settings["RateLimits:Register:PermitLimit"] = "100";
        app.Settings["RateLimits:Login:PermitLimit"] = "100";
    }

    /// <summary>A registered, signed-in account and its id.</summary>
    public async Task<(RoutineClient Client, string Id)> UserAsync(string email)
    {
        var client = new RoutineClient(_app.CreateClient());
        await client.RegisterAsync(email, Password);
        var id = await _app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        return (client, id);
    }

    /// <summary>A clinician profile (once) and a program with chin tucks and prone W.</summary>
    public Task<int> ProgramAsync(string clinicianId, string name = "Neck program", int? weeklyTarget = 3) => _app.WithDbAsync(async db =>
    {
        var now = _app.Clock.GetUtcNow();
        if (!await db.ClinicianProfiles.AnyAsync(p => p.UserId == clinicianId))
        {
            db.ClinicianProfiles.Add(new ClinicianProfile { UserId = clinicianId, DisplayName = "Dr Ana Lima, PT", ClinicName = "Riverside Physio", CreatedAt = now });
        }

        var program = Routine.New(clinicianId, name, weeklyTarget, now, [new RoutineItem { StretchSlug = "chin-tucks" }, new RoutineItem { StretchSlug = "prone-w", Side = ItemSides.Right }]);
        program.IsProgram = true;
        db.Routines.Add(program);
        await db.SaveChangesAsync();
        return program.Id;
    });

    /// <summary>An open invitation to the program, not accepted; its id.</summary>
    public async Task<int> InviteAsync(string clinicianId, int programId, string patientName)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var programs = scope.ServiceProvider.GetRequiredService<StretchLibrary.Web.Clinic.Programs>();
        var program = await programs.FindProgramAsync(clinicianId, programId, CancellationToken.None) ?? throw new InvalidOperationException("No such program.");
        return (await programs.InviteAsync(program, patientName, 14, null, CancellationToken.None)).Invitation.Id;
    }

    /// <summary>Invites <paramref name="patientName"/> to the program and accepts for <paramref name="patientId"/> with the given consent.</summary>
    public async Task<Enrollment> EnrollAsync(string clinicianId, int programId, string patientId, string patientName, bool sessions = true, bool pain = true, bool notes = false)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var programs = scope.ServiceProvider.GetRequiredService<StretchLibrary.Web.Clinic.Programs>();
        var program = await programs.FindProgramAsync(clinicianId, programId, CancellationToken.None) ?? throw new InvalidOperationException("No such program.");
        var invitation = await programs.InviteAsync(program, patientName, 14, null, CancellationToken.None);
        return await programs.AcceptAsync(invitation.Invitation.Id, patientId, sessions, pain, notes, CancellationToken.None)
            ?? throw new InvalidOperationException("The invitation was not accepted.");
    }

    /// <summary>A session of the patient's program routine on <paramref name="date"/>.</summary>
    public Task LogAsync(Enrollment link, DateOnly date, int? painBefore = null, int? painAfter = null, string? note = null, int? version = 1) => _app.WithDbAsync(db =>
    {
        db.Completions.Add(new Completion
        {
            OwnerId = link.OwnerId,
            RoutineId = link.RoutineId,
            LocalDate = date,
            CompletedAtUtc = new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero),
            StretchSlugs = ["chin-tucks"],
            PainBefore = painBefore,
            PainAfter = painAfter,
            Note = note,
            ProgramVersion = version,
        });
        return db.SaveChangesAsync();
    });

    /// <summary>What the patient chooses to share from now on (as the program page's consent panel does).</summary>
    public Task SetConsentAsync(Enrollment link, bool sessions, bool pain = false, bool notes = false) => _app.WithDbAsync(async db =>
    {
        var stored = await db.Enrollments.SingleAsync(e => e.Id == link.Id);
        stored.SetConsent(sessions, pain, notes, _app.Clock.GetUtcNow());
        return await db.SaveChangesAsync();
    });

    /// <summary>The patient's access log, oldest first.</summary>
    public Task<List<AccessLogEntry>> AccessLogAsync(string patientId) =>
        _app.WithDbAsync(db => db.AccessLog.AsNoTracking().Where(e => e.OwnerId == patientId).OrderBy(e => e.Id).ToListAsync());
}
