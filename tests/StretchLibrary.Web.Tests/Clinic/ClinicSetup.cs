using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Clinic;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Routines;
using StretchLibrary.Web.Routines.Sessions;
using StretchLibrary.Web.Tests.Pages.Routines;

namespace StretchLibrary.Web.Tests.Clinic;

/// <summary>
/// Clinicians, programs, invitations and patients made the way the app makes them, for the tests that start from them
/// (the clinician's own pages are tested through their forms with <see cref="ClinicClient"/>): accounts through the
/// register form or Identity, invitations and their acceptance through <see cref="Programs"/>, sessions as completion
/// rows of the patient's routine.
/// </summary>
public sealed class ClinicSetup
{
    public const string DisplayName = "Dr Ana Lima, PT", ClinicName = "Riverside Physio", Password = "correct horse battery staple";

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
            db.ClinicianProfiles.Add(new ClinicianProfile { UserId = clinicianId, DisplayName = DisplayName, ClinicName = ClinicName, CreatedAt = now });
        }

        var program = Routine.New(clinicianId, name, weeklyTarget, now, [new RoutineItem { StretchSlug = "chin-tucks" }, new RoutineItem { StretchSlug = "prone-w", Side = ItemSides.Right }]);
        program.IsProgram = true;
        db.Routines.Add(program);
        await db.SaveChangesAsync();
        return program.Id;
    });

    /// <summary>An open invitation to the program, not accepted.</summary>
    public async Task<InvitationSecret> InviteAsync(string clinicianId, int programId, string patientName = "M. Patel", int days = 14)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var programs = scope.ServiceProvider.GetRequiredService<Programs>();
        var program = await programs.FindProgramAsync(clinicianId, programId, CancellationToken.None) ?? throw new InvalidOperationException("No such program.");
        return await programs.InviteAsync(program, patientName, days, null, CancellationToken.None);
    }

    /// <summary>The four stretches of <see cref="ClinicianWithProgramAsync"/>'s program; the second is prescribed for the right side only.</summary>
    public static RoutineItem[] FourStretches() =>
    [
        new() { StretchSlug = "chin-tucks", Reps = 10 },
        new() { StretchSlug = "seated-trunk-rotation", Reps = 8, Side = ItemSides.Right },
        new() { StretchSlug = "prone-w" },
        new() { StretchSlug = "quadruped-rotation" },
    ];

    /// <summary>A new account (made through Identity) with a clinician profile and one program with notes; the clinician's id and the program's.</summary>
    public async Task<(string ClinicianId, int ProgramId)> ClinicianWithProgramAsync(string name = "Neck and back program", RoutineItem[]? items = null, string? email = null)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = _app.Clock.GetUtcNow();
        email ??= $"clinician-{Guid.NewGuid():n}@example.com";
        var clinician = new AppUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = now, LastSeenAt = now };
        Assert.True((await users.CreateAsync(clinician, Password)).Succeeded);
        db.ClinicianProfiles.Add(new ClinicianProfile { UserId = clinician.Id, DisplayName = DisplayName, ClinicName = ClinicName, CreatedAt = now });
        var program = Routine.New(clinician.Id, name, 5, now, items ?? FourStretches());
        program.IsProgram = true;
        program.Notes = "Slow and steady. Stop if your arm tingles.";
        db.Routines.Add(program);
        await db.SaveChangesAsync();
        return (clinician.Id, program.Id);
    }

    /// <summary>A clinician's program and an open invitation to it.</summary>
    public async Task<(string ClinicianId, int ProgramId, InvitationSecret Invitation)> InvitationAsync()
    {
        var (clinicianId, programId) = await ClinicianWithProgramAsync();
        return (clinicianId, programId, await InviteAsync(clinicianId, programId));
    }

    /// <summary>A new visitor who opens the invitation's link and accepts it with the default consent; lands on the routine.</summary>
    public async Task<RoutineClient> AcceptAsGuestAsync(InvitationSecret invitation)
    {
        var patient = new RoutineClient(_app.CreateClient());
        await patient.GetAsync($"/join/{invitation.Token}");
        await patient.SubmitAsync("form.join-form");
        return patient;
    }

    /// <summary>Invites <paramref name="patientName"/> to the program and accepts for <paramref name="patientId"/> with the given consent.</summary>
    public async Task<Enrollment> EnrollAsync(string clinicianId, int programId, string patientId, string patientName, bool sessions = true, bool pain = true, bool notes = false)
    {
        var invitation = await InviteAsync(clinicianId, programId, patientName);
        await using var scope = _app.Services.CreateAsyncScope();
        var programs = scope.ServiceProvider.GetRequiredService<Programs>();
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

    /// <summary>The clinician changes the program (as their routine pages would): chin tucks' reps.</summary>
    public Task ChangeProgramAsync(int programId, int reps) => _app.WithDbAsync(async db =>
    {
        var program = await db.Routines.Include(r => r.Items).SingleAsync(r => r.Id == programId);
        program.Items.Single(i => i.StretchSlug == "chin-tucks").Reps = reps;
        return await db.SaveChangesAsync();
    });

    /// <summary>The clinician opens their patients' data, as their pages do (writes the patients' access log).</summary>
    public async Task<IReadOnlyList<PatientRecord>> ClinicianLooksAsync(string clinicianId)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var records = scope.ServiceProvider.GetRequiredService<PatientRecords>();
        return await records.ForClinicianAsync(clinicianId, new DateOnly(2000, 1, 1), "sessions and pain, 12 weeks", CancellationToken.None);
    }

    /// <summary>The link between a patient's routine and the program it follows, if any.</summary>
    public Task<Enrollment?> LinkAsync(int routineId) =>
        _app.WithDbAsync(db => db.Enrollments.AsNoTracking().SingleOrDefaultAsync(e => e.RoutineId == routineId));
}
