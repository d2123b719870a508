using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Accounts.Tokens;
using StretchLibrary.Web.Tests.Api;
using StretchLibrary.Web.Tests.Pages.Routines;

namespace StretchLibrary.Web.Tests.Clinic;

/// <summary>
/// The patient's side of a followed program: consent, leaving, the program version each session records, the
/// sheet, calendar feed and API saying who it is from, the access log, and a guest claiming an account.
/// </summary>
public sealed class PatientSideTests : IDisposable
{
    private static readonly string[] ChinTucks = ["chin-tucks"];

    private readonly ApiApp _factory = new();

    private readonly ClinicSetup _setup;

    public PatientSideTests() => _setup = new ClinicSetup(_factory);

    public void Dispose() => _factory.Dispose();

    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Consent_can_be_changed_and_withdrawn_and_the_clinician_then_sees_nothing_of_the_sessions()
    {
        var (clinicianId, _, invitation) = await _setup.InvitationAsync();
        var patient = await _setup.AcceptAsGuestAsync(invitation);
        await patient.MarkDoneAsync(DateOnly.FromDateTime(_factory.Clock.Now.UtcDateTime), ("Input.PainBefore", 6), ("Input.PainAfter", 3), ("Input.Note", "stiff morning"));
        await patient.GetAsync($"/routines/{patient.RoutineId}");

        var page = await patient.SubmitAsync("form.consent-form", ("SharePain", null), ("ShareNotes", "true"));
        Assert.Equal("Saved. From now on, Dr Ana Lima, PT may see the days you did it and your notes.", page.QuerySelector(".flash")!.TextContent);
        var seen = Assert.Single(Assert.Single(await _setup.ClinicianLooksAsync(clinicianId)).Sessions);
        Assert.Equal((null, null, "stiff morning"), (seen.PainBefore, seen.PainAfter, seen.Note));

        page = await patient.SubmitAsync("form.withdraw-form");
        Assert.StartsWith("Saved. You share nothing with Dr Ana Lima, PT from now on", page.QuerySelector(".flash")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("What your clinician may see: nothing", page.QuerySelector(".program-consent summary")!.TextContent);
        Assert.Empty(Assert.Single(await _setup.ClinicianLooksAsync(clinicianId)).Sessions);
    }

    [Fact]
    public async Task Another_persons_followed_routine_answers_404_to_consent_and_leave()
    {
        var (_, _, invitation) = await _setup.InvitationAsync();
        var patient = await _setup.AcceptAsGuestAsync(invitation);
        var intruder = new RoutineClient(_factory.CreateClient());
        await intruder.AddAsync("chin-tucks", "Mine");
        var antiforgery = intruder.Page!.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        foreach (var handler in new[] { "consent", "withdraw", "leave" })
        {
            using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", antiforgery), new("ShareSessions", "true")]);
            using var response = await intruder.Http.PostAsync($"/routines/{patient.RoutineId}/program/{handler}", content);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        var link = await _setup.LinkAsync(patient.RoutineId);
        Assert.Equal((true, true, false), (link!.ShareSessions, link.SharePain, link.ShareNotes));
    }

    [Fact]
    public async Task Leaving_keeps_the_routine_and_its_sessions_as_the_patients_own_to_change()
    {
        var (clinicianId, programId, invitation) = await _setup.InvitationAsync();
        var patient = await _setup.AcceptAsGuestAsync(invitation);
        var id = patient.RoutineId;
        await patient.MarkDoneAsync(DateOnly.FromDateTime(_factory.Clock.Now.UtcDateTime));
        await patient.GetAsync($"/routines/{id}");

        var page = await patient.SubmitAsync("details.leave-program form");

        Assert.StartsWith("You left the program.", page.QuerySelector(".flash")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".program-panel"));
        Assert.Null(await _setup.LinkAsync(id));
        Assert.Equal(1, await _factory.WithDbAsync(db => db.Completions.CountAsync(c => c.RoutineId == id)));
        Assert.Empty(await _setup.ClinicianLooksAsync(clinicianId));
        await _setup.ChangeProgramAsync(programId, reps: 3);
        Assert.Equal(10, await _factory.WithDbAsync(db => db.RoutineItems.Where(i => i.RoutineId == id && i.StretchSlug == "chin-tucks").Select(i => i.Reps).SingleAsync()));
        page = await patient.SubmitAsync("form[action*='handler=Rename']", ("Name", "My neck routine"));
        Assert.Equal("My neck routine", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Sessions_logged_by_the_form_offline_replay_and_api_record_the_program_version_they_were_done_against()
    {
        var (_, programId, invitation) = await _setup.InvitationAsync();
        var patient = new RoutineClient(_factory.CreateClient());
        await patient.RegisterAsync("patient@example.com", "correct horse battery staple");
        await patient.GetAsync($"/join/{invitation.Token}");
        await patient.SubmitAsync("form.join-form");
        var id = patient.RoutineId;
        var own = await _factory.WithDbAsync(async db =>
        {
            var mine = StretchLibrary.Web.Routines.Routine.New((await db.Enrollments.SingleAsync()).OwnerId, "Own", null, _factory.Clock.GetUtcNow(), [new() { StretchSlug = "chin-tucks" }]);
            db.Routines.Add(mine);
            await db.SaveChangesAsync();
            return mine.Id;
        });

        await patient.MarkDoneAsync(DateOnly.FromDateTime(_factory.Clock.Now.UtcDateTime));
        await _setup.ChangeProgramAsync(programId, reps: 8);
        using var offline = new HttpRequestMessage(HttpMethod.Post, $"/routines/{id}/sessions")
        {
            Content = JsonContent.Create(new { clientId = Guid.NewGuid(), date = Today, stretches = ChinTucks, tz = "UTC" }),
        };
        offline.Headers.Add("Sec-Fetch-Site", "same-origin");
        using var replayed = await patient.Http.SendAsync(offline);
        Assert.Equal(HttpStatusCode.Created, replayed.StatusCode);
        await _setup.ChangeProgramAsync(programId, reps: 6);
        var api = await _factory.ApiClientAsync(await ApiApp.CreateTokenAsync(patient, "Phone", [ApiTokens.SessionsWrite]));
        using var logged = await api.PostAsJsonAsync($"/api/v1/me/routines/{id}/sessions", new { date = Today, stretches = ChinTucks });
        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
        using var ownLogged = await api.PostAsJsonAsync($"/api/v1/me/routines/{own}/sessions", new { date = Today, stretches = ChinTucks });

        var versions = await _factory.WithDbAsync(db => db.Completions.OrderBy(c => c.Id).Select(c => new { c.RoutineId, c.ProgramVersion }).ToListAsync());
        Assert.Equal([(id, (int?)1), (id, 2), (id, 3), (own, null)], versions.Select(v => (v.RoutineId, v.ProgramVersion)));
    }

    [Fact]
    public async Task The_sheet_the_calendar_feed_and_the_api_say_who_it_is_from_and_what_changed()
    {
        var (_, programId, invitation) = await _setup.InvitationAsync();
        var patient = new RoutineClient(_factory.CreateClient());
        await patient.RegisterAsync("patient@example.com", "correct horse battery staple");
        await patient.GetAsync($"/join/{invitation.Token}");
        await patient.SubmitAsync("form.join-form");
        var id = patient.RoutineId;
        var feed = ((IHtmlInputElement)(await patient.SubmitAsync("form.subscribe-form")).QuerySelector("#feed-url")!).Value;
        _factory.Clock.Now = new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero);
        await _setup.ChangeProgramAsync(programId, reps: 8);

        var sheet = await patient.GetAsync($"/routines/{id}/sheet");
        var from = sheet.QuerySelector(".sheet-from")!.TextContent;
        Assert.StartsWith("From Dr Ana Lima, PT, Riverside Physio · Updated on 8 December 2026: Chin tucks: Hold 2-3 s, 8 reps", from, StringComparison.Ordinal);

        using var calendarApp = _factory.CreateClient(new() { HandleCookies = false });
        var calendar = Ical.Net.Calendar.Load(await calendarApp.GetStringAsync(feed))!;
        var description = calendar.Events.First().Description!;
        Assert.StartsWith("From Dr Ana Lima, PT, Riverside Physio\nUpdated on 8 December 2026: Chin tucks: Hold 2-3 s, 8 reps", description, StringComparison.Ordinal);
        Assert.StartsWith("- Chin tucks: Hold 2-3 s, 8 reps", description.Split("\n\n")[1], StringComparison.Ordinal);

        var api = await _factory.ApiClientAsync(await ApiApp.CreateTokenAsync(patient, "Reader", [ApiTokens.RoutinesRead]));
        using var list = JsonDocument.Parse(await api.GetStringAsync("/api/v1/me/routines"));
        var program = list.RootElement.GetProperty("items")[0].GetProperty("program");
        Assert.Equal("Dr Ana Lima, PT, Riverside Physio", program.GetProperty("from").GetString());
        Assert.Equal(2, program.GetProperty("version").GetInt32());
        Assert.StartsWith("Chin tucks: Hold 2-3 s, 8 reps", program.GetProperty("change").GetString(), StringComparison.Ordinal);
        using var one = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/me/routines/{id}"));
        Assert.Equal(new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero), one.RootElement.GetProperty("program").GetProperty("updatedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task The_access_log_lists_each_look_for_its_patient_only_and_a_guest_who_claims_an_account_keeps_link_consent_and_log()
    {
        var (clinicianId, _, invitation) = await _setup.InvitationAsync();
        var patient = await _setup.AcceptAsGuestAsync(invitation);
        var id = patient.RoutineId;
        await patient.GetAsync($"/routines/{id}");
        await patient.SubmitAsync("form.consent-form", ("ShareNotes", "true"));
        var other = new RoutineClient(_factory.CreateClient());
        await other.AddAsync("chin-tucks", "Mine");
        await _setup.ClinicianLooksAsync(clinicianId);

        var log = await patient.GetAsync("/account/access-log");
        var row = Assert.Single(log.QuerySelectorAll("table.access-log tbody tr"));
        Assert.Equal(["Dr Ana Lima, PT, Riverside Physio", "Neck and back program", "Sessions, pain, notes: sessions and pain, 12 weeks"],
            row.QuerySelectorAll("td").Skip(1).Select(td => td.TextContent));
        Assert.Empty((await other.GetAsync("/account/access-log")).QuerySelectorAll("table.access-log tbody tr"));

        await patient.RegisterAsync("claimed@example.com", "correct horse battery staple");

        var link = await _setup.LinkAsync(id);
        var owner = await _factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == link!.OwnerId));
        Assert.Equal(("claimed@example.com", false), (owner.Email, owner.IsGuest));
        Assert.Equal((true, true, true), (link!.ShareSessions, link.SharePain, link.ShareNotes));
        Assert.Single((await patient.GetAsync("/account/access-log")).QuerySelectorAll("table.access-log tbody tr"));
        Assert.Equal("From Dr Ana Lima, PT, Riverside Physio", (await patient.GetAsync($"/routines/{id}")).QuerySelector(".program-from")!.TextContent);
    }
}
