using AngleSharp.Dom;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using StretchLibrary.Web.Clinic;
using StretchLibrary.Web.Tests.Pages.Routines;

namespace StretchLibrary.Web.Tests.Clinic;

/// <summary>Inviting a patient, the invitation page (link, code, QR, revoke), its printed sheet, and the program panel.</summary>
public sealed class InvitationPagesTests : IDisposable
{
    private readonly LibraryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task An_invitation_shows_a_link_and_code_that_open_it_and_a_qr_code_of_the_link()
    {
        // Arrange
        var clinician = await ClinicClient.StartAsync(_factory);
        var programId = await clinician.NewProgramAsync("Neck", "chin-tucks");

        // Act
        var invitationId = await clinician.InviteAsync(programId, "Jane D.");

        // Assert: the link and code are the invitation's (only their hashes are stored), open for 14 days.
        var page = clinician.Page;
        Assert.Equal("Invitation for Jane D.", page.QuerySelector("h1")!.TextContent);
        var link = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#invitation-url")!.Value;
        Assert.Matches(@"^https://localhost/join/[A-Za-z0-9_-]{22}$", link);
        var code = page.QuerySelector("[data-code]")!.TextContent;
        Assert.Matches(@"^[0-9A-Z]{4}-[0-9A-Z]{4}$", code);
        Assert.NotNull(page.QuerySelector(".share-qr svg"));
        var invitation = await _factory.WithDbAsync(db => db.Invitations.SingleAsync());
        Assert.Equal((invitationId, programId, "Jane D.", clinician.UserId), (invitation.Id, invitation.ProgramId, invitation.PatientName, invitation.OwnerId));
        Assert.Equal(InvitationSecrets.Hash(link[(link.LastIndexOf('/') + 1)..]), invitation.TokenHash);
        Assert.Equal(InvitationSecrets.Hash(InvitationSecrets.NormaliseCode(code)!), invitation.CodeHash);
        Assert.InRange(invitation.ExpiresAt - _factory.Clock.Now.AddDays(14), TimeSpan.FromMilliseconds(-1), TimeSpan.FromMilliseconds(1));
        using (var again = await clinician.Visitor.Http.GetAsync($"/clinic/invitations/{invitationId}"))
        {
            Assert.Equal("no-store", again.Headers.CacheControl!.ToString());
        }


        // The workspace lists it as open.
        var clinic = await clinician.Visitor.GetAsync("/clinic");
        var row = clinic.QuerySelector(".invitation-row")!;
        Assert.Equal("open", row.GetAttribute("data-state"));
        Assert.Contains("Jane D.", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoking_closes_the_invitation_its_page_shows_no_secrets_and_it_has_no_sheet()
    {
        var clinician = await ClinicClient.StartAsync(_factory);
        var programId = await clinician.NewProgramAsync("Neck", "chin-tucks");
        var invitationId = await clinician.InviteAsync(programId);

        var page = await clinician.Visitor.SubmitAsync("form[action$='handler=Revoke']");

        Assert.Contains("Revoked", page.QuerySelector(".flash")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#invitation-url"));
        Assert.Null(page.QuerySelector("[data-code]"));
        var revokedAt = await _factory.WithDbAsync(db => db.Invitations.Select(i => i.RevokedAt).SingleAsync());
        Assert.InRange(revokedAt!.Value - _factory.Clock.Now, TimeSpan.FromMilliseconds(-1), TimeSpan.FromMilliseconds(1));
        using var sheet = await clinician.Visitor.Http.GetAsync($"/clinic/invitations/{invitationId}/sheet");
        Assert.Equal(HttpStatusCode.NotFound, sheet.StatusCode);
        Assert.Null(await ClinicClient.AcceptAsync(_factory, invitationId, clinician.UserId));
    }

    [Fact]
    public async Task An_expired_invitation_says_so_and_shows_no_secrets()
    {
        var clinician = await ClinicClient.StartAsync(_factory);
        var programId = await clinician.NewProgramAsync("Neck", "chin-tucks");
        await clinician.Visitor.GetAsync($"/clinic/programs/{programId}/invite");
        await clinician.Visitor.SubmitAsync(ClinicClient.MainForm, ("PatientName", "Jane"), ("Days", 3));
        var invitationId = await _factory.WithDbAsync(db => db.Invitations.Select(i => i.Id).SingleAsync());
        _factory.Clock.Now = _factory.Clock.Now.AddDays(3);

        var page = await clinician.Visitor.GetAsync($"/clinic/invitations/{invitationId}");

        Assert.StartsWith("Expired on", page.QuerySelector(".lead .invitation-state")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#invitation-url"));
        Assert.Null(page.QuerySelector("form[action$='handler=Revoke']"));
    }

    [Fact]
    public async Task An_invitation_with_an_email_sends_the_link_and_code_from_the_clinician()
    {
        var clinician = await ClinicClient.StartAsync(_factory);
        var programId = await clinician.NewProgramAsync("Neck", "chin-tucks");

        await clinician.InviteAsync(programId, "Jane D.", email: "jane@example.org");

        var link = clinician.Page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#invitation-url")!.Value;
        var code = clinician.Page.QuerySelector("[data-code]")!.TextContent;
        var message = await WaitForMailAsync("jane@example.org");
        Assert.Equal("Dr Ana Lima, PT (Riverside Physio) sent you a stretching program", message.Subject);
        Assert.Contains(link, message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"go to https://localhost/join and type this code: {code}", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("To reach Dr Ana Lima, PT: 020 7946 0000", message.TextBody, StringComparison.Ordinal);
        Assert.Equal("jane@example.org", await _factory.WithDbAsync(db => db.Invitations.Select(i => i.Email).SingleAsync()));
    }

    [Theory]
    [InlineData("PatientName", "", "Give the patient’s name or a label you will recognise.")]
    [InlineData("Days", "5", "Choose how long the invitation stays open: 3, 7, 14, 30 days.")]
    [InlineData("Email", "not an address", "Enter an email address like name@example.org, or leave it empty.")]
    [InlineData("Email", "Jane <jane@example.org>", "Enter one email address like name@example.org, or leave it empty.")]
    public async Task Bad_invitation_values_get_a_clear_error_and_make_nothing(string field, string value, string message)
    {
        var clinician = await ClinicClient.StartAsync(_factory);
        var programId = await clinician.NewProgramAsync("Neck", "chin-tucks");
        await clinician.Visitor.GetAsync($"/clinic/programs/{programId}/invite");
        var values = new Dictionary<string, object?> { ["PatientName"] = "Jane", ["Days"] = "14", ["Email"] = "" };
        values[field] = value;

        using var response = await clinician.Visitor.Http.SubmitAsync(clinician.Page.Form(ClinicClient.MainForm), values);
        var page = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, page.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Invitations.CountAsync()));
    }

    [Fact]
    public async Task Emailed_invitations_stop_at_the_daily_limit_with_a_clear_error()
    {
        var clinician = await ClinicClient.StartAsync(_factory);
        var programId = await clinician.NewProgramAsync("Neck", "chin-tucks");
        await _factory.WithDbAsync(async db =>
        {
            db.Invitations.AddRange(Enumerable.Range(0, ClinicWorkspace.MaxEmailsPerDay).Select(i => new Invitation
            {
                OwnerId = clinician.UserId,
                ProgramId = programId,
                PatientName = $"P{i}",
                Email = $"p{i}@example.org",
                TokenHash = $"t{i}",
                CodeHash = $"c{i}",
                Sealed = "x",
                CreatedAt = _factory.Clock.Now.AddHours(-1),
                ExpiresAt = _factory.Clock.Now.AddDays(1),
            }));
            return await db.SaveChangesAsync();
        });
        await clinician.Visitor.GetAsync($"/clinic/programs/{programId}/invite");

        var page = await clinician.Visitor.SubmitAsync(ClinicClient.MainForm, ("PatientName", "Jane"), ("Email", "jane@example.org"));

        Assert.Contains("the most allowed", page.QuerySelector("[data-valmsg-for=Email]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ClinicWorkspace.MaxEmailsPerDay, await _factory.WithDbAsync(db => db.Invitations.CountAsync()));

        // Without an email the invitation is made.
        await clinician.Visitor.SubmitAsync(ClinicClient.MainForm, ("PatientName", "Jane"), ("Email", ""));
        Assert.Equal(ClinicWorkspace.MaxEmailsPerDay + 1, await _factory.WithDbAsync(db => db.Invitations.CountAsync()));
    }

    [Fact]
    public async Task The_program_panel_lists_followers_and_invitations_and_is_never_served_stale()
    {
        // Arrange: the program's page seen once with no followers (a page the cache could keep).
        var clinician = await ClinicClient.StartAsync(_factory);
        var programId = await clinician.NewProgramAsync("Neck", "chin-tucks");
        var invitationId = await clinician.InviteAsync(programId, "Jane D.");
        var before = await clinician.Visitor.GetAsync($"/routines/{programId}");
        Assert.Contains("No one yet", before.QuerySelector("[data-program-panel]")!.TextContent, StringComparison.Ordinal);
        var patient = new RoutineClient(_factory.CreateClient());
        await patient.AddAsync("prone-w", newRoutine: "Own");
        var patientId = await _factory.WithDbAsync(db => db.Routines.Where(r => r.Name == "Own").Select(r => r.OwnerId).SingleAsync());

        // Act: the patient accepts (a write of the patient's, not the clinician's).
        var link = await ClinicClient.AcceptAsync(_factory, invitationId, patientId);
        var after = await clinician.Visitor.GetAsync($"/routines/{programId}");

        // Assert
        var panel = after.QuerySelector("[data-program-panel]")!;
        Assert.Equal("Jane D.", panel.QuerySelector($".program-followers a[href='/clinic/patients/{link!.Id}']")!.TextContent);
        Assert.Equal("accepted", panel.QuerySelector(".invitation-row")!.GetAttribute("data-state"));
        Assert.Equal("/clinic", after.QuerySelector(".breadcrumbs a")!.GetAttribute("href"));

        // The patient's own routine page has no panel.
        var patientPage = await patient.GetAsync($"/routines/{link.RoutineId}");
        Assert.Null(patientPage.QuerySelector("[data-program-panel]"));

        // The patient leaves (again only the patient's write): the clinician's next look shows it.
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StretchLibrary.Web.Platform.Data.AppDbContext>();
            await scope.ServiceProvider.GetRequiredService<Programs>().LeaveAsync(await db.Enrollments.SingleAsync(), CancellationToken.None);
        }

        var left = await clinician.Visitor.GetAsync($"/routines/{programId}");
        Assert.Contains("No one yet", left.QuerySelector("[data-program-panel]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_program_sheet_carries_the_clinician_and_patient_fields_the_invitation_qr_and_code_and_one_box_for_one_side()
    {
        // Arrange: a program with one stretch done on each side, prescribed for the right side only.
        var clinician = await ClinicClient.StartAsync(_factory);
        var programId = await clinician.NewProgramAsync("Rotation", "quadruped-rotation", "seated-trunk-rotation");
        var itemId = await clinician.ItemIdAsync(programId, "quadruped-rotation");
        await clinician.Visitor.GetAsync($"/routines/{programId}/items/{itemId}");
        await clinician.Visitor.SubmitAsync("main form.stack-form", ("Input.Side", "right"));
        var invitationId = await clinician.InviteAsync(programId, "Jane D.");
        var code = clinician.Page.QuerySelector("[data-code]")!.TextContent;

        // Act
        using var response = await clinician.Visitor.Http.GetAsync($"/clinic/invitations/{invitationId}/sheet");
        var sheet = await response.ReadDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Equal("Jane D.", sheet.QuerySelector("[data-field=patient]")!.TextContent);
        Assert.Equal("Dr Ana Lima, PT", sheet.QuerySelector("[data-field=clinician]")!.TextContent);
        Assert.Equal("Riverside Physio", sheet.QuerySelector("[data-field=clinic]")!.TextContent);
        Assert.Equal("020 7946 0000", sheet.QuerySelector("[data-field=contact]")!.TextContent);
        Assert.EndsWith($"scan the code, or type {code} at localhost/join", sheet.QuerySelector(".sheet-meta")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(sheet.QuerySelector(".sheet-program .sheet-qr svg"));
        var oneSide = sheet.QuerySelector(".tick-grid tr[data-slug=quadruped-rotation]")!;
        Assert.Equal(7, oneSide.QuerySelectorAll(".tick").Length);
        Assert.All(oneSide.QuerySelectorAll(".tick"), t => Assert.Equal("R", t.TextContent));
        Assert.Empty(oneSide.QuerySelectorAll(".tick-left"));
        var bothSides = sheet.QuerySelector(".tick-grid tr[data-slug=seated-trunk-rotation]")!;
        Assert.Equal(7, bothSides.QuerySelectorAll(".tick-left").Length);
        Assert.Equal(7, bothSides.QuerySelectorAll(".tick-right").Length);
    }

    private async Task<MimeMessage> WaitForMailAsync(string to)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(_factory.MailFolder))
            {
                foreach (var file in Directory.GetFiles(_factory.MailFolder, "*.eml"))
                {
                    var message = await MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(m => m.Address == to))
                    {
                        return message;
                    }
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No mail to {to} within 30 s.");
    }
}
