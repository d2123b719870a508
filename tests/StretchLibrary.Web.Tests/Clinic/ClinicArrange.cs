using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Clinic;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Routines;
using StretchLibrary.Web.Tests.Pages.Routines;

namespace StretchLibrary.Web.Tests.Clinic;

/// <summary>
/// A clinician, their program and invitations, made through the Clinic services directly (the clinician's pages are
/// tested on their own): what a patient's tests need to start from.
/// </summary>
public static class ClinicArrange
{
    public const string DisplayName = "Dr Ana Lima, PT", ClinicName = "Riverside Physio", Password = "correct horse battery staple";

    /// <summary>The four stretches of the test program; the second is prescribed for the right side only.</summary>
    public static RoutineItem[] FourStretches() =>
    [
        new() { StretchSlug = "chin-tucks", Reps = 10 },
        new() { StretchSlug = "seated-trunk-rotation", Reps = 8, Side = ItemSides.Right },
        new() { StretchSlug = "prone-w" },
        new() { StretchSlug = "quadruped-rotation" },
    ];

    /// <summary>A registered account with a clinician profile and one program; returns the clinician's id and the program's.</summary>
    public static async Task<(string ClinicianId, int ProgramId)> ProgramAsync(LibraryFactory factory, string name = "Neck and back program", RoutineItem[]? items = null, string? email = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = factory.Clock.GetUtcNow();
        email ??= $"clinician-{Guid.NewGuid():n}@example.com";
        var clinician = new AppUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = now, LastSeenAt = now };
        var created = await users.CreateAsync(clinician, Password);
        Assert.True(created.Succeeded);
        db.ClinicianProfiles.Add(new ClinicianProfile { UserId = clinician.Id, DisplayName = DisplayName, ClinicName = ClinicName, CreatedAt = now });
        var program = Routine.New(clinician.Id, name, 5, now, items ?? FourStretches());
        program.IsProgram = true;
        program.Notes = "Slow and steady. Stop if your arm tingles.";
        db.Routines.Add(program);
        await db.SaveChangesAsync();
        return (clinician.Id, program.Id);
    }

    public static async Task<InvitationSecret> InviteAsync(LibraryFactory factory, string clinicianId, int programId, string patientName = "M. Patel", int days = 14)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var programs = scope.ServiceProvider.GetRequiredService<Programs>();
        var program = await programs.FindProgramAsync(clinicianId, programId, CancellationToken.None);
        return await programs.InviteAsync(program!, patientName, days, null, CancellationToken.None);
    }

    /// <summary>A program and an open invitation to it.</summary>
    public static async Task<(string ClinicianId, int ProgramId, InvitationSecret Invitation)> InvitationAsync(LibraryFactory factory)
    {
        var (clinicianId, programId) = await ProgramAsync(factory);
        return (clinicianId, programId, await InviteAsync(factory, clinicianId, programId));
    }

    /// <summary>The clinician changes the program (as their routine pages would): the first item's reps and the notes.</summary>
    public static Task ChangeProgramAsync(LibraryFactory factory, int programId, int reps) => factory.WithDbAsync(async db =>
    {
        var program = await db.Routines.Include(r => r.Items).SingleAsync(r => r.Id == programId);
        program.Items.Single(i => i.StretchSlug == "chin-tucks").Reps = reps;
        return await db.SaveChangesAsync();
    });

    /// <summary>The clinician opens their patients' data, as their pages do (writes the patients' access log).</summary>
    public static async Task<IReadOnlyList<PatientRecord>> ClinicianLooksAsync(LibraryFactory factory, string clinicianId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var records = scope.ServiceProvider.GetRequiredService<PatientRecords>();
        return await records.ForClinicianAsync(clinicianId, new DateOnly(2000, 1, 1), "sessions and pain, 12 weeks", CancellationToken.None);
    }

    /// <summary>A new visitor who opens the invitation's link and accepts it with the default consent; lands on the routine.</summary>
    public static async Task<RoutineClient> AcceptAsGuestAsync(LibraryFactory factory, InvitationSecret invitation)
    {
        var patient = new RoutineClient(factory.CreateClient());
        await patient.GetAsync($"/join/{invitation.Token}");
        await patient.SubmitAsync("form.join-form");
        return patient;
    }

    public static Task<Enrollment?> LinkAsync(LibraryFactory factory, int routineId) =>
        factory.WithDbAsync(db => db.Enrollments.AsNoTracking().SingleOrDefaultAsync(e => e.RoutineId == routineId));
}
