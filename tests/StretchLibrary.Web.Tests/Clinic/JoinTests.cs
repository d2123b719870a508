using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Clinic;
using StretchLibrary.Web.Tests.Pages.Routines;

namespace StretchLibrary.Web.Tests.Clinic;

/// <summary>/join/{token} and /join: a patient accepting a clinician's invitation, and every invitation that cannot be.</summary>
public sealed class JoinTests : IDisposable
{
    private readonly LibraryFactory _factory = new();

    private readonly ClinicSetup _setup;

    public JoinTests() => _setup = new ClinicSetup(_factory);

    public void Dispose() => _factory.Dispose();

    private RoutineClient Visitor() => new(_factory.CreateClient());

    [Fact]
    public async Task A_link_names_the_program_and_clinician_with_sessions_and_pain_ticked_and_a_guest_accepts_it()
    {
        var (clinicianId, programId, invitation) = await _setup.InvitationAsync();
        var patient = Visitor();

        var page = await patient.GetAsync($"/join/{invitation.Token}");
        Assert.Equal("Neck and back program", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("From Dr Ana Lima, PT, Riverside Physio", page.QuerySelector(".join-from")!.TextContent);
        var form = page.Form("form.join-form");
        Assert.True(((IHtmlInputElement)form.QuerySelector("#ShareSessions")!).IsChecked);
        Assert.True(((IHtmlInputElement)form.QuerySelector("#SharePain")!).IsChecked);
        Assert.False(((IHtmlInputElement)form.QuerySelector("#ShareNotes")!).IsChecked);

        var routine = await patient.SubmitAsync("form.join-form");

        var link = await _setup.LinkAsync(patient.RoutineId);
        Assert.NotNull(link);
        Assert.Equal((clinicianId, programId, true, true, false), (link.ClinicianId, link.ProgramId, link.ShareSessions, link.SharePain, link.ShareNotes));
        Assert.True(await _factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == link.OwnerId && u.IsGuest)));
        Assert.Equal($"You now follow “Neck and back program” from {ClinicSetup.DisplayName}, {ClinicSetup.ClinicName}.", routine.QuerySelector(".flash")!.TextContent);
        Assert.Equal(["Chin tucks", "Seated trunk rotation", "Prone W", "Quadruped rotation"], patient.ItemTitles().Select(t => t.Split(" (")[0]));
    }

    [Fact]
    public async Task A_typed_code_in_any_case_with_spaces_opens_the_invitation_and_a_signed_in_patient_accepts_with_their_choices()
    {
        var (_, _, invitation) = await _setup.InvitationAsync();
        var patient = Visitor();
        await patient.RegisterAsync("patient@example.com", "correct horse battery staple");
        await patient.GetAsync("/join");
        var typed = invitation.DisplayCode.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal);

        var found = await patient.SubmitAsync("form.join-code-form", ("Code", typed));
        Assert.Equal("Neck and back program", found.QuerySelector("h1")!.TextContent);
        await patient.SubmitAsync("form.join-form", ("SharePain", null), ("ShareNotes", "true"));

        var link = await _setup.LinkAsync(patient.RoutineId);
        Assert.Equal((true, false, true), (link!.ShareSessions, link.SharePain, link.ShareNotes));
        var owner = await _factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == link.OwnerId));
        Assert.Equal(("patient@example.com", false), (owner.Email, owner.IsGuest));
    }

    [Fact]
    public async Task Wrong_used_revoked_and_expired_links_and_codes_answer_404_with_what_to_do()
    {
        var (clinicianId, programId, used) = await _setup.InvitationAsync();
        var revoked = await _setup.InviteAsync(clinicianId, programId);
        var expired = await _setup.InviteAsync(clinicianId, programId, days: 3);
        var first = Visitor();
        await first.GetAsync($"/join/{used.Token}");
        await first.SubmitAsync("form.join-form");
        await _factory.WithDbAsync(db => db.Invitations.Where(i => i.Id == revoked.Invitation.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.RevokedAt, _factory.Clock.GetUtcNow())));
        _factory.Clock.Now = _factory.Clock.Now.AddDays(4);
        var stranger = Visitor();

        foreach (var (url, expected) in new[]
        {
            ($"/join/{used.Token}", Joining.Explain(ClosedReason.Used)),
            ($"/join/{revoked.Token}", Joining.Explain(ClosedReason.Revoked)),
            ($"/join/{expired.Token}", Joining.Explain(ClosedReason.Expired)),
            ("/join/not-a-real-token", Joining.Explain(ClosedReason.Unknown)),
        })
        {
            using var response = await stranger.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal(expected, (await response.ReadDocumentAsync()).QuerySelector(".join-closed")!.TextContent);
        }

        foreach (var (code, expected) in new[] { (expired.DisplayCode, ClosedReason.Expired), ("ZZZZ-ZZZZ", ClosedReason.Unknown) })
        {
            await stranger.GetAsync("/join");
            using var response = await stranger.Http.SubmitAsync(stranger.Page!.Form("form.join-code-form"), ("Code", code));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal(Joining.Explain(expected), (await response.ReadDocumentAsync()).QuerySelector(".join-closed")!.TextContent);
        }

        // The patient who accepted it is sent to their routine.
        using var mine = await first.Http.GetAsync($"/join/{used.Token}");
        Assert.Equal(HttpStatusCode.NotFound, mine.StatusCode);
        Assert.Equal($"/routines/{first.RoutineId}", (await mine.ReadDocumentAsync()).QuerySelectorAll("a").Single(a => a.TextContent == "Open the program in your routines").GetAttribute("href"));
        Assert.Equal(1, await _factory.WithDbAsync(db => db.Enrollments.CountAsync()));
    }

    [Fact]
    public async Task A_code_that_cannot_be_one_is_refused_with_a_400_and_the_form_again()
    {
        var visitor = Visitor();
        await visitor.GetAsync("/join");

        using var response = await visitor.Http.SubmitAsync(visitor.Page!.Form("form.join-code-form"), ("Code", "K7M4-Q2X"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Type the 8 letters and numbers of the code, like K7M4-Q2XP.", page.QuerySelector("#code-error")!.TextContent);
        Assert.NotNull(page.QuerySelector("form.join-code-form"));
    }

    [Fact]
    public async Task Accepting_a_second_invitation_to_a_program_already_followed_opens_the_routine_instead_of_a_second_one()
    {
        var (clinicianId, programId, invitation) = await _setup.InvitationAsync();
        var again = await _setup.InviteAsync(clinicianId, programId);
        var patient = Visitor();
        await patient.GetAsync($"/join/{invitation.Token}");
        await patient.SubmitAsync("form.join-form");
        var routineId = patient.RoutineId;

        var page = await patient.GetAsync($"/join/{again.Token}");
        Assert.Equal("You already follow this program.", page.QuerySelector(".own-copy p")!.TextContent);
        var opened = await patient.SubmitAsync("form.join-form");

        Assert.Equal($"/routines/{routineId}", new Uri(opened.Url).AbsolutePath);
        Assert.Equal(1, await _factory.WithDbAsync(db => db.Enrollments.CountAsync()));
        Assert.Null(await _factory.WithDbAsync(db => db.Invitations.Where(i => i.Id == again.Invitation.Id).Select(i => i.AcceptedAt).SingleAsync()));
    }

    [Fact]
    public async Task A_clinician_opening_their_own_invitation_is_told_to_give_it_to_their_patient_and_nothing_is_made()
    {
        var (clinicianId, programId) = await _setup.ClinicianWithProgramAsync(email: "ana@example.com");
        var invitation = await _setup.InviteAsync(clinicianId, programId);
        var clinician = Visitor();
        await clinician.LoginAsync("ana@example.com", ClinicSetup.Password);
        await clinician.GetAsync($"/join/{invitation.Token}");

        var page = await clinician.SubmitAsync("form.join-form");

        Assert.Equal("This is your own invitation. Give the link or code to your patient.", page.QuerySelector(".form-errors li")!.TextContent);
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Enrollments.CountAsync()));
        Assert.Null(await _factory.WithDbAsync(db => db.Invitations.Select(i => i.AcceptedAt).SingleAsync()));
    }

    [Fact]
    public async Task The_access_log_asks_a_visitor_to_sign_in_and_shows_nobodys_entries()
    {
        using var response = await Visitor().Http.GetAsync("/account/access-log");

        Assert.Equal("/account/login", response.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Joining_posts_from_visitors_count_against_the_guest_creation_limit()
    {
        _factory.Settings["RateLimits:Guest:PermitLimit"] = "2";
        var visitor = Visitor();
        await visitor.GetAsync("/join");
        var form = visitor.Page!.Form("form.join-code-form");

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await visitor.Http.SubmitAsync(form, ("Code", "ZZZZ-ZZZZ"));
            answers.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], answers);
    }
}
