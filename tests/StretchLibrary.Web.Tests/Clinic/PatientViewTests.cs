using System.Net;
using System.Text;
using StretchLibrary.Web.Clinic;
using StretchLibrary.Web.Tests.Pages.Routines;

namespace StretchLibrary.Web.Tests.Clinic;

/// <summary>The clinician's patient list, patient page and CSV: what they show, and to whom.</summary>
public sealed class PatientViewTests : IDisposable
{
    // A Wednesday, noon UTC: this week runs from Monday 23 November.
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 25);

    private readonly LibraryFactory _app = new();
    private readonly ClinicSetup _setup;

    public PatientViewTests()
    {
        _app.Clock.Now = Now;
        _setup = new ClinicSetup(_app);
    }

    public void Dispose() => _app.Dispose();

    private sealed record World(RoutineClient Clinician, string ClinicianId, Enrollment Ana, Enrollment Ben, Enrollment Cara, string CaraId, RoutineClient AnaClient, string AnaId);

    /// <summary>
    /// One clinician, three patients on a program with a target of 3: Ana did it Monday to today (3 of 3, pain
    /// shared, a note not shared), Ben last on 10 November (not done for 15 days), Cara shared a session then
    /// withdrew consent.
    /// </summary>
    private async Task<World> WorldAsync()
    {
        var (clinician, clinicianId) = await _setup.UserAsync("pt@example.com");
        var program = await _setup.ProgramAsync(clinicianId);
        var (anaClient, anaId) = await _setup.UserAsync("ana@example.com");
        var (_, benId) = await _setup.UserAsync("ben@example.com");
        var (_, caraId) = await _setup.UserAsync("cara@example.com");
        var ana = await _setup.EnrollAsync(clinicianId, program, anaId, "Ana P");
        var ben = await _setup.EnrollAsync(clinicianId, program, benId, "Ben Q");
        var cara = await _setup.EnrollAsync(clinicianId, program, caraId, "Cara R", notes: true);
        await _setup.LogAsync(ana, Today.AddDays(-10), painBefore: 5, painAfter: 4);
        await _setup.LogAsync(ana, Today.AddDays(-2), painBefore: 5, painAfter: 3, note: "Private: slept badly");
        await _setup.LogAsync(ana, Today.AddDays(-1), painBefore: 6, painAfter: 3, version: 2);
        await _setup.LogAsync(ana, Today, painBefore: 6, painAfter: 4, version: 2);
        await _setup.LogAsync(ben, Today.AddDays(-15), painBefore: 2);
        await _setup.LogAsync(cara, Today.AddDays(-1), painBefore: 7, note: "Cara's secret note");
        _app.Clock.Now = Now.AddMinutes(1);
        await _setup.SetConsentAsync(cara, sessions: false);
        return new World(clinician, clinicianId, ana, ben, cara, caraId, anaClient, anaId);
    }

    private static string[] Names(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll("table.patients tbody tr td:first-child").Select(td => td.TextContent.Trim())];

    private static string Cell(AngleSharp.Html.Dom.IHtmlDocument page, int id, string cell) =>
        page.QuerySelector($"tr[data-patient='{id}'] [data-cell={cell}]")!.TextContent.Trim();

    [Fact]
    public async Task The_list_shows_this_week_against_target_last_done_streak_flags_and_withdrawn_consent()
    {
        var world = await WorldAsync();

        var page = await world.Clinician.GetAsync("/clinic/patients");

        Assert.Equal(["Ana P", "Ben Q", "Cara R"], Names(page));
        Assert.Equal(("3 of 3", "today", "3 days", "None"), (Cell(page, world.Ana.Id, "week"), Cell(page, world.Ana.Id, "last"), Cell(page, world.Ana.Id, "streak"), Cell(page, world.Ana.Id, "flags")));
        Assert.Equal(("0 of 3", "2 weeks ago", "0 days", "Not done for 7 days or more"), (Cell(page, world.Ben.Id, "week"), Cell(page, world.Ben.Id, "last"), Cell(page, world.Ben.Id, "streak"), Cell(page, world.Ben.Id, "flags")));
        Assert.Equal("Withdrew consent on 25 Nov 2026", Cell(page, world.Cara.Id, "week"));
        Assert.Null(page.QuerySelector($"tr[data-patient='{world.Cara.Id}'] [data-cell=last]"));
    }

    [Theory]
    [InlineData("name", new[] { "Ana P", "Ben Q", "Cara R" })]
    [InlineData("week", new[] { "Ben Q", "Ana P", "Cara R" })]
    [InlineData("last", new[] { "Ben Q", "Ana P", "Cara R" })]
    [InlineData("streak", new[] { "Ben Q", "Ana P", "Cara R" })]
    [InlineData("flags", new[] { "Ben Q", "Ana P", "Cara R" })]
    [InlineData("nonsense", new[] { "Ana P", "Ben Q", "Cara R" })]
    public async Task The_list_sorts_those_who_need_attention_first_and_those_who_share_nothing_last(string sort, string[] expected)
    {
        var world = await WorldAsync();

        var page = await world.Clinician.GetAsync("/clinic/patients?sort=" + sort);

        Assert.Equal(expected, Names(page));
        Assert.Equal(sort == "nonsense" ? "name" : sort, new Uri(page.QuerySelector(".sort-links a[aria-current=true]")!.GetAttribute("href")!, UriKind.Relative).ToString().Split('=')[1]);
    }

    [Fact]
    public async Task The_patient_page_shows_adherence_calendar_pain_as_a_table_and_program_versions_but_no_unshared_notes()
    {
        var world = await WorldAsync();

        var page = await world.Clinician.GetAsync($"/clinic/patients/{world.Ana.Id}");

        Assert.Equal("Ana P", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Shares sessions, pain.", page.QuerySelector("[data-consent]")!.TextContent.Trim());
        Assert.Equal("3 of 3", page.QuerySelector("[data-stat=week]")!.TextContent.Trim());
        Assert.Equal("today", page.QuerySelector("[data-stat=last]")!.TextContent.Trim());
        Assert.Equal("3 days", page.QuerySelector("[data-stat=streak]")!.TextContent.Trim());
        Assert.Equal("Done on 4 of the last 80 days", page.QuerySelector("figure.heatmap figcaption")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("figure.pain-trend table"));
        var rows = page.QuerySelectorAll("table.patient-sessions tbody tr").Select(r => string.Join("|", r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()))).ToArray();
        Assert.Equal(["Wed 25 Nov 2026|2|6|4", "Tue 24 Nov 2026|2|6|3", "Mon 23 Nov 2026|1|5|3", "Sun 15 Nov 2026|1|5|4"], rows);
        Assert.DoesNotContain("slept badly", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("table.patient-sessions th:nth-child(5)"));
    }

    [Fact]
    public async Task A_withdrawn_consent_shows_the_state_and_nothing_of_the_sessions_on_the_page_or_in_the_csv()
    {
        var world = await WorldAsync();
        var logged = (await _setup.AccessLogAsync(world.CaraId)).Count;

        var page = await world.Clinician.GetAsync($"/clinic/patients/{world.Cara.Id}");
        using var csv = await world.Clinician.Http.GetAsync("/clinic/patients.csv");
        var text = await csv.Content.ReadAsStringAsync();

        Assert.Equal("Withdrew consent on 25 Nov 2026.", page.QuerySelector("[data-consent]")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("figure.heatmap"));
        Assert.Null(page.QuerySelector("table.patient-sessions"));
        Assert.Null(page.QuerySelector("[data-stat]"));
        Assert.DoesNotContain("secret", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Cara", text, StringComparison.Ordinal);
        Assert.Equal(logged, (await _setup.AccessLogAsync(world.CaraId)).Count);
    }

    [Fact]
    public async Task Another_clinician_gets_404_for_the_patient_and_never_sees_them_in_the_list_or_csv()
    {
        var world = await WorldAsync();
        var (other, otherId) = await _setup.UserAsync("other-pt@example.com");
        var (_, danId) = await _setup.UserAsync("dan@example.com");
        await _setup.EnrollAsync(otherId, await _setup.ProgramAsync(otherId, "Back program"), danId, "Dan S");

        using var foreign = await other.Http.GetAsync($"/clinic/patients/{world.Ana.Id}");
        var list = await other.GetAsync("/clinic/patients");
        using var csv = await other.Http.GetAsync("/clinic/patients.csv");
        var text = await csv.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(["Dan S"], Names(list));
        Assert.DoesNotContain("Ana", text, StringComparison.Ordinal);
        Assert.Contains("Dan S,Back program,", text, StringComparison.Ordinal);
        Assert.Empty(await _setup.AccessLogAsync(world.AnaId));
    }

    [Fact]
    public async Task A_patient_gets_404_for_their_own_record_and_has_no_patients()
    {
        var world = await WorldAsync();

        using var own = await world.AnaClient.Http.GetAsync($"/clinic/patients/{world.Ana.Id}");
        var list = await world.AnaClient.GetAsync("/clinic/patients");

        Assert.Equal(HttpStatusCode.NotFound, own.StatusCode);
        Assert.Empty(Names(list));
        Assert.Contains("No patients yet", list.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_patient_who_left_the_program_is_404_and_gone_from_the_list()
    {
        var world = await WorldAsync();
        await _app.WithDbAsync(async db =>
        {
            db.Enrollments.Remove(await db.Enrollments.FindAsync(world.Ana.Id) ?? throw new InvalidOperationException());
            return await db.SaveChangesAsync();
        });

        using var gone = await world.Clinician.Http.GetAsync($"/clinic/patients/{world.Ana.Id}");
        var list = await world.Clinician.GetAsync("/clinic/patients");

        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(["Ben Q", "Cara R"], Names(list));
    }

    [Fact]
    public async Task Someone_invited_who_has_not_accepted_or_whose_invitation_was_revoked_is_not_a_patient()
    {
        var world = await WorldAsync();
        await _setup.InviteAsync(world.ClinicianId, world.Ana.ProgramId, "Open Olga");
        var revoked = (await _setup.InviteAsync(world.ClinicianId, world.Ana.ProgramId, "Revoked Rui")).Invitation.Id;
        await _app.WithDbAsync(async db =>
        {
            (await db.Invitations.FindAsync(revoked) ?? throw new InvalidOperationException()).RevokedAt = _app.Clock.GetUtcNow();
            return await db.SaveChangesAsync();
        });

        var list = await world.Clinician.GetAsync("/clinic/patients");
        using var csv = await world.Clinician.Http.GetAsync("/clinic/patients.csv");
        var text = await csv.Content.ReadAsStringAsync();

        Assert.Equal(["Ana P", "Ben Q", "Cara R"], Names(list));
        Assert.DoesNotContain("Olga", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Rui", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in()
    {
        var world = await WorldAsync();
        using var anonymous = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        foreach (var url in new[] { "/clinic/patients", $"/clinic/patients/{world.Ana.Id}", "/clinic/patients.csv" })
        {
            using var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Each_view_writes_one_access_log_entry_per_patient_whose_data_it_showed()
    {
        var world = await WorldAsync();

        await world.Clinician.GetAsync("/clinic/patients");
        await world.Clinician.GetAsync($"/clinic/patients/{world.Ana.Id}");
        using (await world.Clinician.Http.GetAsync("/clinic/patients.csv"))
        {
        }

        var ana = await _setup.AccessLogAsync(world.AnaId);
        Assert.Equal(
            ["Sessions, pain: your progress in the patient list", "Sessions, pain: your 12-week view", "Sessions, pain: weekly adherence (CSV)"],
            ana.Select(e => e.What));
        Assert.All(ana, e => Assert.Equal(("Dr Ana Lima, PT, Riverside Physio", "Neck program", world.ClinicianId), (e.ClinicianName, e.ProgramName, e.ClinicianId)));
        Assert.Equal(2, (await _setup.AccessLogAsync(world.Ben.OwnerId)).Count);
        Assert.Empty(await _setup.AccessLogAsync(world.CaraId));
    }

    [Fact]
    public async Task The_csv_has_12_weeks_per_sharing_patient_with_sessions_days_target_and_pain()
    {
        var world = await WorldAsync();

        using var response = await world.Clinician.Http.GetAsync("/clinic/patients.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var lines = Encoding.UTF8.GetString(bytes.AsSpan(3)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("patients-adherence-2026-11-25.csv", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        Assert.Equal("patient,program,week_start,sessions,days_done,weekly_target,pain_before_avg,pain_after_avg", lines[0]);
        Assert.Equal(1 + (2 * 12), lines.Length);
        Assert.Equal("Ana P,Neck program,2026-09-07,0,0,3,,", lines[1]);
        Assert.Equal("Ana P,Neck program,2026-11-09,1,1,3,5.0,4.0", lines[10]);
        Assert.Equal("Ana P,Neck program,2026-11-23,3,3,3,5.7,3.3", lines[12]);
        Assert.Equal("Ben Q,Neck program,2026-11-09,1,1,3,2.0,", lines[22]);
        Assert.Equal("Ben Q,Neck program,2026-11-23,0,0,3,,", lines[24]);
    }
}
