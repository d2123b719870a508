using AngleSharp.Dom;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Tests.Pages.Routines;

namespace StretchLibrary.Web.Tests.Clinic;

/// <summary>The clinician profile, the workspace, new and duplicated programs, and programs kept out of "My routines".</summary>
public sealed class WorkspaceTests : IDisposable
{
    private readonly LibraryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_registered_account_turns_on_a_profile_and_gets_the_workspace_and_the_clinic_link()
    {
        // Arrange: before, the workspace sends to the profile page and the menu has no Clinic link.
        var visitor = new RoutineClient(_factory.CreateClient());
        await visitor.RegisterAsync("ana@example.com", ClinicClient.Password);
        var account = await visitor.GetAsync("/account");
        Assert.Equal("Turn on a clinician profile", account.QuerySelector("main a[href='/clinic/profile']")!.TextContent);
        var before = await visitor.GetAsync("/clinic");
        Assert.Equal("/clinic/profile", new Uri(before.Url).AbsolutePath);
        Assert.Null(before.QuerySelector("nav[aria-label=Main] a[href='/clinic']"));

        // Act
        var page = await visitor.SubmitAsync(ClinicClient.MainForm, ("Input.DisplayName", " Dr Ana Lima, PT "), ("Input.ClinicName", "Riverside Physio"), ("Input.ContactLine", ""));

        // Assert
        Assert.Equal("/clinic", new Uri(page.Url).AbsolutePath);
        Assert.Equal("Clinic", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Dr Ana Lima, PT, Riverside Physio", page.QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("nav[aria-label=Main] a[href='/clinic']"));
        Assert.Equal("the clinic", (await visitor.GetAsync("/account")).QuerySelector("main a[href='/clinic']")!.TextContent);
        var profile = await _factory.WithDbAsync(db => db.ClinicianProfiles.SingleAsync());
        Assert.Equal(("Dr Ana Lima, PT", "Riverside Physio", (string?)null), (profile.DisplayName, profile.ClinicName, profile.ContactLine));
    }

    [Fact]
    public async Task The_profile_can_be_changed_and_shows_what_is_saved()
    {
        var clinician = await ClinicClient.StartAsync(_factory);
        await clinician.Visitor.GetAsync("/clinic/profile");
        Assert.Equal("Riverside Physio", clinician.Page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_ClinicName")!.Value);

        await clinician.Visitor.SubmitAsync(ClinicClient.MainForm, ("Input.ClinicName", "Hillside Clinic"));

        Assert.Equal("Hillside Clinic", await _factory.WithDbAsync(db => db.ClinicianProfiles.Select(p => p.ClinicName).SingleAsync()));
        Assert.Equal(1, await _factory.WithDbAsync(db => db.ClinicianProfiles.CountAsync()));
    }

    [Fact]
    public async Task A_guest_cannot_turn_on_a_clinician_profile()
    {
        // Arrange: a guest (saved a routine without an account).
        var guest = new RoutineClient(_factory.CreateClient());
        await guest.AddAsync("chin-tucks", newRoutine: "Mine");
        var token = guest.Page!.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        // Act
        var page = await guest.GetAsync("/clinic/profile");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.DisplayName"] = "Guest clinician",
            ["Input.ClinicName"] = "Nowhere",
        });
        using var response = await guest.Http.PostAsync("/clinic/profile", content);

        // Assert: the page explains, the post is refused, and nothing is saved.
        Assert.Null(page.QuerySelector("main form[method=post]:not([data-dismiss-banner])"));
        Assert.Contains("needs an account with an email and password", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await _factory.WithDbAsync(db => db.ClinicianProfiles.CountAsync()));
    }

    [Theory]
    [InlineData("/clinic")]
    [InlineData("/clinic/profile")]
    [InlineData("/clinic/programs/new")]
    public async Task An_anonymous_visitor_is_sent_to_sign_in(string path)
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = _factory.ClientOptions.BaseAddress, AllowAutoRedirect = false });

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [InlineData("Input.DisplayName", "", "Give the name your patients will see.")]
    [InlineData("Input.ClinicName", "", "Give the name of your clinic or practice.")]
    [InlineData("Input.ClinicName", "\u202eevil", "")]
    [InlineData("Input.ContactLine", "x", "Keep the contact line under 120 characters.")]
    public async Task Bad_profile_values_get_a_clear_error_and_save_nothing(string field, string value, string message)
    {
        var visitor = new RoutineClient(_factory.CreateClient());
        await visitor.RegisterAsync("ana@example.com", ClinicClient.Password);
        await visitor.GetAsync("/clinic/profile");
        var values = new Dictionary<string, object?> { ["Input.DisplayName"] = "Dr Ana", ["Input.ClinicName"] = "Riverside", ["Input.ContactLine"] = "" };
        values[field] = value == "x" ? new string('x', 121) : value;

        using var response = await visitor.Http.SubmitAsync(visitor.Page!.Form(ClinicClient.MainForm), values);
        var page = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = page.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent;
        Assert.False(string.IsNullOrWhiteSpace(error), $"no error shown for {field}");
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Equal(0, await _factory.WithDbAsync(db => db.ClinicianProfiles.CountAsync()));
    }

    [Fact]
    public async Task A_new_program_opens_on_its_routine_page_and_stays_out_of_my_routines()
    {
        // Arrange: one routine of the clinician's own.
        var clinician = await ClinicClient.StartAsync(_factory);
        await clinician.Visitor.AddAsync("chin-tucks", newRoutine: "My own mornings");

        // Act
        var programId = await clinician.NewProgramAsync("Neck, weeks 1-2");

        // Assert: the program's page, with its notes and the clinician's panel; listed in the clinic only.
        Assert.Equal($"/routines/{programId}", new Uri(clinician.Page.Url).AbsolutePath);
        Assert.Equal("Slowly, within comfort.", clinician.Page.QuerySelector(".routine-notes")!.TextContent);
        Assert.NotNull(clinician.Page.QuerySelector("[data-program-panel]"));
        var program = await _factory.WithDbAsync(db => db.Routines.SingleAsync(r => r.Id == programId));
        Assert.True(program.IsProgram);
        Assert.Equal((5, "Slowly, within comfort."), (program.WeeklyTarget, program.Notes));
        var routines = await clinician.Visitor.GetAsync("/routines");
        Assert.Equal(["My own mornings"], routines.QuerySelectorAll(".routine-list .card-title").Select(e => e.TextContent.Trim()));
        var clinic = await clinician.Visitor.GetAsync("/clinic");
        Assert.Equal(["Neck, weeks 1-2"], clinic.QuerySelectorAll(".program-list .card-title").Select(e => e.TextContent.Trim()));
    }

    [Theory]
    [InlineData("Name", "", "Give the program a name.")]
    [InlineData("WeeklyTarget", "30", "Choose between 1 and 21 times a week, or leave it empty.")]
    [InlineData("WeeklyTarget", "lots", "")]
    [InlineData("Notes", "long", "Keep the notes under 1000 characters.")]
    public async Task Bad_program_values_get_a_clear_error_and_make_nothing(string field, string value, string message)
    {
        var clinician = await ClinicClient.StartAsync(_factory);
        await clinician.Visitor.GetAsync("/clinic/programs/new");
        var values = new Dictionary<string, object?> { ["Name"] = "Neck", ["WeeklyTarget"] = "3", ["Notes"] = "" };
        values[field] = value == "long" ? new string('n', 1001) : value;

        using var response = await clinician.Visitor.Http.SubmitAsync(clinician.Page.Form(ClinicClient.MainForm), values);
        var page = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = page.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent;
        Assert.False(string.IsNullOrWhiteSpace(error), $"no error shown for {field}");
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Routines.CountAsync()));
    }

    [Fact]
    public async Task An_account_without_a_profile_is_sent_to_turn_it_on_before_making_a_program()
    {
        var visitor = new RoutineClient(_factory.CreateClient());
        await visitor.RegisterAsync("ana@example.com", ClinicClient.Password);

        var page = await visitor.GetAsync("/clinic/programs/new");

        Assert.Equal("/clinic/profile", new Uri(page.Url).AbsolutePath);
    }

    [Fact]
    public async Task Duplicate_makes_a_new_program_with_the_same_stretches_dosage_and_notes_followed_by_no_one()
    {
        // Arrange: a program with a right-side-only item, followed by one patient.
        var clinician = await ClinicClient.StartAsync(_factory);
        var programId = await clinician.NewProgramAsync("Rotation", "quadruped-rotation", "chin-tucks");
        await _factory.WithDbAsync(async db =>
        {
            var item = await db.RoutineItems.SingleAsync(i => i.RoutineId == programId && i.StretchSlug == "quadruped-rotation");
            (item.Side, item.Reps) = ("right", 8);
            await db.SaveChangesAsync();
            return 0;
        });
        var invitationId = await clinician.InviteAsync(programId);
        var patient = new RoutineClient(_factory.CreateClient());
        await patient.AddAsync("prone-w", newRoutine: "Patient's own");
        var patientId = await _factory.WithDbAsync(db => db.Routines.Where(r => r.Name == "Patient's own").Select(r => r.OwnerId).SingleAsync());
        Assert.NotNull(await ClinicClient.AcceptAsync(_factory, invitationId, patientId));

        // Act
        await clinician.Visitor.GetAsync($"/routines/{programId}");
        var page = await clinician.Visitor.SubmitAsync("[data-program-panel] form");

        // Assert
        var copyId = clinician.Visitor.RoutineId;
        Assert.NotEqual(programId, copyId);
        Assert.Equal("Rotation (copy)", page.QuerySelector("h1")!.TextContent);
        var copy = await _factory.WithDbAsync(db => db.Routines.Include(r => r.Items).SingleAsync(r => r.Id == copyId));
        Assert.True(copy.IsProgram);
        Assert.Equal((clinician.UserId, 5, "Slowly, within comfort."), (copy.OwnerId, copy.WeeklyTarget, copy.Notes));
        var rotation = copy.Items.Single(i => i.StretchSlug == "quadruped-rotation");
        Assert.Equal(("right", 8), (rotation.Side, rotation.Reps));
        Assert.Equal(2, copy.Items.Count);
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Enrollments.CountAsync(e => e.ProgramId == copyId)));
    }
}
