using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StretchLibrary.Web.Clinic;
using StretchLibrary.Web.Routines;
using StretchLibrary.Web.Routines.Sessions;
using StretchLibrary.Web.Tests.Pages.Routines;

namespace StretchLibrary.Web.Tests.Clinic;

/// <summary>
/// The core of the clinic loop, below the pages: a program's changes reach the routines of the patients following
/// it in the same save (whichever page makes them), an invitation makes one link however often it is accepted, and
/// a clinician reads only what consent allows, each read logged for the patient.
/// </summary>
public sealed class ProgramCoreTests : IDisposable
{
    private const string Password = "plum tractor orbit";

    private readonly LibraryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_dosage_change_made_on_the_program_page_reaches_the_patients_routine_page_at_once_with_what_changed()
    {
        var (clinician, programId) = await ClinicianWithProgramAsync("pt@example.com", "chin-tucks", "prone-w");
        var (patient, patientId) = await UserAsync("patient@example.com");
        var link = await AcceptAsync(await InviteAsync(clinician, programId), patientId);
        var before = await patient.GetAsync($"/routines/{link.RoutineId}");
        Assert.Equal(["Chin tucks", "Prone W"], patient.ItemTitles());

        await clinician.GetAsync($"/routines/{programId}");
        await clinician.GetAsync(clinician.Page!.QuerySelector(".routine-item:nth-child(1) a.button")!.GetAttribute("href")!);
        await clinician.SubmitAsync("form[method=post]:not([data-dismiss-banner])", ("Input.Reps", 12));
        await clinician.AddAsync("seated-cervical-rotation", routineId: programId);

        var page = await patient.GetAsync($"/routines/{link.RoutineId}");
        Assert.Equal(["Chin tucks", "Prone W", "Seated cervical rotation"], patient.ItemTitles());
        Assert.Contains("12 reps", page.QuerySelector(".routine-item:nth-child(1) .item-dosage")!.TextContent, StringComparison.Ordinal);
        var stored = await _factory.WithDbAsync(db => db.Enrollments.SingleAsync(e => e.Id == link.Id));
        var program = await _factory.WithDbAsync(db => db.Routines.SingleAsync(r => r.Id == programId));
        Assert.Equal(3, program.Version);
        Assert.Equal(program.Version, stored.ProgramVersion);
        Assert.Equal("Added Seated cervical rotation.", stored.Change);
        Assert.NotNull(stored.ChangedAt);
        Assert.NotEqual(before.QuerySelector(".routine-item:nth-child(1) .item-dosage")!.TextContent, page.QuerySelector(".routine-item:nth-child(1) .item-dosage")!.TextContent);
    }

    [Fact]
    public async Task Removing_and_moving_a_programs_items_is_described_and_mirrored()
    {
        var (clinician, programId) = await ClinicianWithProgramAsync("order@example.com", "chin-tucks", "prone-w", "seated-cervical-rotation");
        var (_, patientId) = await UserAsync("follower@example.com");
        var link = await AcceptAsync(await InviteAsync(clinician, programId), patientId);

        await clinician.GetAsync($"/routines/{programId}");
        await clinician.SubmitAsync(".routine-item:nth-child(3) form.move-to", ("place", 1));

        var (items, change) = await _factory.WithDbAsync(async db => (
            await db.RoutineItems.Where(i => i.RoutineId == link.RoutineId).OrderBy(i => i.Position).Select(i => i.StretchSlug).ToListAsync(),
            await db.Enrollments.Where(e => e.Id == link.Id).Select(e => e.Change).SingleAsync()));
        Assert.Equal(["seated-cervical-rotation", "chin-tucks", "prone-w"], items);
        Assert.Equal("New order.", change);
    }

    [Fact]
    public async Task One_invitation_accepted_twice_makes_one_link_and_an_accepted_one_opens_nothing()
    {
        var (clinician, programId) = await ClinicianWithProgramAsync("once@example.com", "chin-tucks");
        var (_, first) = await UserAsync("first@example.com");
        var (_, second) = await UserAsync("second@example.com");
        var invitation = await InviteAsync(clinician, programId);

        var results = await Task.WhenAll(
            UseAsync(p => p.AcceptAsync(invitation.Invitation.Id, first, true, true, false, default)),
            UseAsync(p => p.AcceptAsync(invitation.Invitation.Id, second, true, true, false, default)));

        Assert.Single(results, r => r is not null);
        Assert.Equal(1, await _factory.WithDbAsync(db => db.Enrollments.CountAsync()));
        Assert.Null(await UseAsync(p => p.FindOpenAsync(invitation.Token, null, default)));
        Assert.Null(await UseAsync(p => p.FindOpenAsync(null, invitation.Code, default)));
    }

    [Fact]
    public async Task An_open_invitation_is_found_by_its_link_or_its_code_typed_loosely_and_not_after_it_expires()
    {
        var (clinician, programId) = await ClinicianWithProgramAsync("codes@example.com", "chin-tucks");
        var invitation = await InviteAsync(clinician, programId);
        var typed = invitation.DisplayCode.ToLowerInvariant().Replace('0', 'o').Replace('1', 'l').Replace("-", " ", StringComparison.Ordinal);

        var byLink = await UseAsync(p => p.FindOpenAsync(invitation.Token, null, default));
        var byCode = await UseAsync(p => p.FindOpenAsync(null, typed, default));
        Assert.Equal(invitation.Invitation.Id, byLink!.Invitation.Id);
        Assert.Equal(invitation.Invitation.Id, byCode!.Invitation.Id);
        Assert.Equal("Ana Lima, PT, Riverside Physio", byLink.From.From);
        Assert.Null(await UseAsync(p => p.FindOpenAsync(null, "K7M4", default)));

        _factory.Clock.Now = _factory.Clock.Now.AddDays(Invitation.DefaultDays + 1);
        Assert.Null(await UseAsync(p => p.FindOpenAsync(invitation.Token, null, default)));
    }

    [Fact]
    public async Task A_clinician_reads_only_what_consent_allows_each_read_is_logged_and_a_withdrawal_counts_at_once()
    {
        var (clinician, programId) = await ClinicianWithProgramAsync("reader@example.com", "chin-tucks");
        var clinicianId = await IdOfAsync("reader@example.com");
        var (patient, patientId) = await UserAsync("shared@example.com");
        var link = await AcceptAsync(await InviteAsync(clinician, programId), patientId, notes: false);
        await patient.GetAsync($"/routines/{link.RoutineId}");
        await patient.SubmitAsync("form.done-form", ("Input.Date", Today()), ("Input.PainBefore", 6), ("Input.PainAfter", 3), ("Input.Note", "Stiff morning"));
        var since = DateOnly.FromDateTime(_factory.Clock.Now.UtcDateTime).AddDays(-7);

        var record = await RecordsAsync(r => r.ForPatientAsync(clinicianId, link.Id, since, "patient page", default));
        var session = Assert.Single(record!.Sessions);
        Assert.Equal((6, 3, (string?)null), (session.PainBefore, session.PainAfter, session.Note));
        var logged = await _factory.WithDbAsync(db => db.AccessLog.SingleAsync());
        Assert.Equal((patientId, "Sessions, pain: patient page", "Ana Lima, PT, Riverside Physio"), (logged.OwnerId, logged.What, logged.ClinicianName));

        await _factory.WithDbAsync(async db =>
        {
            var stored = await db.Enrollments.SingleAsync(e => e.Id == link.Id);
            stored.SetConsent(false, true, true, _factory.Clock.Now);
            return await db.SaveChangesAsync();
        });
        var after = await RecordsAsync(r => r.ForPatientAsync(clinicianId, link.Id, since, "patient page", default));
        Assert.Empty(after!.Sessions);
        Assert.False(after.Link.SharePain);
        Assert.Equal(1, await _factory.WithDbAsync(db => db.AccessLog.CountAsync()));

        var (_, strangerId) = await UserAsync("stranger@example.com");
        Assert.Null(await RecordsAsync(r => r.ForPatientAsync(strangerId, link.Id, since, "patient page", default)));
        Assert.Null(await RecordsAsync(r => r.ForPatientAsync(patientId, link.Id, since, "patient page", default)));
    }

    [Fact]
    public async Task Deleting_the_program_ends_the_link_and_the_patient_keeps_the_routine_and_its_sessions()
    {
        var (clinician, programId) = await ClinicianWithProgramAsync("ending@example.com", "chin-tucks");
        var (patient, patientId) = await UserAsync("keeper@example.com");
        var link = await AcceptAsync(await InviteAsync(clinician, programId), patientId);
        await patient.GetAsync($"/routines/{link.RoutineId}");
        await patient.SubmitAsync("form.done-form", ("Input.Date", Today()));

        await clinician.GetAsync($"/routines/{programId}/delete");
        await clinician.SubmitAsync("main form[method=post]:not([data-dismiss-banner])");

        Assert.Equal(0, await _factory.WithDbAsync(db => db.Enrollments.CountAsync()));
        Assert.Equal(1, await _factory.WithDbAsync(db => db.Completions.CountAsync(c => c.RoutineId == link.RoutineId && c.OwnerId == patientId)));
        await patient.GetAsync($"/routines/{link.RoutineId}");
        Assert.Equal(["Chin tucks"], patient.ItemTitles());
    }

    [Theory]
    [InlineData("clinician")]
    [InlineData("patient")]
    public async Task Deleting_either_account_ends_the_link_and_the_other_side_keeps_its_own(string who)
    {
        var (clinician, programId) = await ClinicianWithProgramAsync("leaving-pt@example.com", "chin-tucks");
        var (patient, patientId) = await UserAsync("leaving-patient@example.com");
        var link = await AcceptAsync(await InviteAsync(clinician, programId), patientId);
        await patient.GetAsync($"/routines/{link.RoutineId}");
        await patient.SubmitAsync("form.done-form", ("Input.Date", Today()));

        var leaving = who == "clinician" ? clinician : patient;
        await leaving.GetAsync("/account/delete");
        await leaving.SubmitAsync("main form[method=post]:not([data-dismiss-banner])", ("Password", Password));

        Assert.Equal(0, await _factory.WithDbAsync(db => db.Enrollments.CountAsync()));
        if (who == "clinician")
        {
            await patient.GetAsync($"/routines/{link.RoutineId}");
            Assert.Equal(["Chin tucks"], patient.ItemTitles());
            Assert.Equal(1, await _factory.WithDbAsync(db => db.Completions.CountAsync(c => c.OwnerId == patientId)));
        }
        else
        {
            Assert.True(await _factory.WithDbAsync(db => db.Routines.AnyAsync(r => r.Id == programId && r.IsProgram)));
            Assert.Equal(0, await _factory.WithDbAsync(db => db.Completions.CountAsync(c => c.OwnerId == patientId)));
        }
    }

    [Fact]
    public async Task A_right_side_only_item_plays_and_reads_as_the_right_side_only()
    {
        var content = _factory.Services.GetRequiredService<StretchLibrary.Web.Library.Content.ContentStore>().Current;
        var sided = content.Stretches.First(s => s.Dosage.Sides is StretchLibrary.Web.Library.Content.Sides.Each && s.Dosage.Reps is not null);
        var item = new RoutineItem { StretchSlug = sided.Slug, Side = ItemSides.Right, RestSeconds = 20, Sets = 2 };

        var view = ItemView.From(item, content);
        var blocks = SessionPlan.For([view], holdScale: 1).Single().Blocks;

        Assert.All(blocks, b => Assert.Equal("right", b.Side));
        Assert.Contains("right side only", view.Dosage!.Describe(), StringComparison.Ordinal);
        Assert.DoesNotContain("switch sides", view.Dosage.Describe(), StringComparison.Ordinal);
        Assert.Equal(20_000, blocks[1].Pause!.Ms);
        Assert.False(SheetItem.From(view).PerSide);
    }

    private static string Today() => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<(RoutineClient Client, string Id)> UserAsync(string email)
    {
        var client = new RoutineClient(_factory.CreateClient());
        await client.RegisterAsync(email, Password);
        return (client, await IdOfAsync(email));
    }

    private Task<string> IdOfAsync(string email) => _factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>A signed-in clinician (profile "Ana Lima, PT", "Riverside Physio") with a program holding the stretches, built on the routine pages.</summary>
    private async Task<(RoutineClient Client, int ProgramId)> ClinicianWithProgramAsync(string email, params string[] slugs)
    {
        var (client, id) = await UserAsync(email);
        await client.AddAsync(slugs[0], newRoutine: "Neck program");
        var programId = client.RoutineId;
        foreach (var slug in slugs.Skip(1))
        {
            await client.AddAsync(slug, routineId: programId);
        }

        await _factory.WithDbAsync(async db =>
        {
            db.ClinicianProfiles.Add(new ClinicianProfile { UserId = id, DisplayName = "Ana Lima, PT", ClinicName = "Riverside Physio", CreatedAt = _factory.Clock.Now });
            await db.Routines.Where(r => r.Id == programId).ExecuteUpdateAsync(set => set.SetProperty(r => r.IsProgram, true));
            return await db.SaveChangesAsync();
        });
        return (client, programId);
    }

    private Task<InvitationSecret> InviteAsync(RoutineClient clinician, int programId) => UseAsync(async p =>
    {
        _ = clinician;
        var ownerId = await _factory.WithDbAsync(db => db.Routines.Where(r => r.Id == programId).Select(r => r.OwnerId).SingleAsync());
        var program = await p.FindProgramAsync(ownerId, programId, default);
        return await p.InviteAsync(program!, "J. Patient", Invitation.DefaultDays, null, default);
    });

    private async Task<Enrollment> AcceptAsync(InvitationSecret invitation, string patientId, bool notes = false) =>
        (await UseAsync(p => p.AcceptAsync(invitation.Invitation.Id, patientId, true, true, notes, default)))!;

    private async Task<T> UseAsync<T>(Func<Programs, Task<T>> use)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<Programs>());
    }

    private async Task<T> RecordsAsync<T>(Func<PatientRecords, Task<T>> use)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<PatientRecords>());
    }
}
