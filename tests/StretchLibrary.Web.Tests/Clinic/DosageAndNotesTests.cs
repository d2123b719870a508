using AngleSharp.Dom;
using System.Net;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Tests.Pages.Routines;

namespace StretchLibrary.Web.Tests.Clinic;

/// <summary>The dosage editor's side, rest and tempo, and a routine's notes, on any routine (a program is one).</summary>
public sealed class DosageAndNotesTests : IDisposable
{
    private readonly LibraryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Side_rest_and_tempo_are_saved_and_shown_in_the_dosage()
    {
        // Arrange: a stretch done on each side, in reps without a hold.
        var visitor = new RoutineClient(_factory.CreateClient());
        await visitor.AddAsync("quadruped-rotation", newRoutine: "Rotation");
        var itemId = await _factory.WithDbAsync(db => db.RoutineItems.Select(i => i.Id).SingleAsync());
        var form = await visitor.GetAsync($"/routines/{visitor.RoutineId}/items/{itemId}");
        Assert.Equal(3, form.QuerySelectorAll("input[name='Input.Side']").Length);
        Assert.NotNull(form.QuerySelector("input[name='Input.TempoSeconds']"));

        // Act
        var page = await visitor.SubmitAsync("main form.stack-form", ("Input.Side", "right"), ("Input.Sets", 3), ("Input.RestSeconds", 20), ("Input.TempoSeconds", 2));

        // Assert
        var item = await _factory.WithDbAsync(db => db.RoutineItems.SingleAsync());
        Assert.Equal(("right", 20, 2), (item.Side, item.RestSeconds, item.TempoSeconds));
        Assert.Equal("10 reps, 3 sets, right side only, 2 s each way, rest 20 s between sets (your dosage)", page.QuerySelector(".item-dosage")!.TextContent);

        // The form shows what is saved, and "both sides" clears the side.
        var again = await visitor.GetAsync($"/routines/{visitor.RoutineId}/items/{itemId}");
        Assert.True(again.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='Input.Side'][value=right]")!.IsChecked);
        await visitor.SubmitAsync("main form.stack-form", ("Input.Side", ""));
        Assert.Null(await _factory.WithDbAsync(db => db.RoutineItems.Select(i => i.Side).SingleAsync()));
    }

    [Fact]
    public async Task A_stretch_for_both_sides_together_offers_no_side_and_a_held_stretch_no_tempo()
    {
        var visitor = new RoutineClient(_factory.CreateClient());
        await visitor.AddAsync("chin-tucks", newRoutine: "Neck");
        var itemId = await _factory.WithDbAsync(db => db.RoutineItems.Select(i => i.Id).SingleAsync());

        var form = await visitor.GetAsync($"/routines/{visitor.RoutineId}/items/{itemId}");

        Assert.Empty(form.QuerySelectorAll("input[name='Input.Side']"));
        Assert.Null(form.QuerySelector("input[name='Input.TempoSeconds']"));
        Assert.NotNull(form.QuerySelector("input[name='Input.RestSeconds']"));
    }

    [Theory]
    [InlineData("chin-tucks", "Input.Side", "left", "This stretch works both sides together, so there is no side to choose.")]
    [InlineData("quadruped-rotation", "Input.Side", "middle", "Choose both sides, left side only or right side only.")]
    [InlineData("chin-tucks", "Input.TempoSeconds", "2", "Tempo is for reps without a hold.")]
    [InlineData("quadruped-rotation", "Input.TempoSeconds", "11", "Tempo must be between 1 and 10 seconds each way.")]
    [InlineData("quadruped-rotation", "Input.RestSeconds", "0", "Rest between sets must be between 1 and 120 seconds.")]
    [InlineData("quadruped-rotation", "Input.RestSeconds", "121", "Rest between sets must be between 1 and 120 seconds.")]
    public async Task Bad_dosage_values_get_a_clear_error_and_change_nothing(string slug, string field, string value, string message)
    {
        var visitor = new RoutineClient(_factory.CreateClient());
        await visitor.AddAsync(slug, newRoutine: "Mine");
        var itemId = await _factory.WithDbAsync(db => db.RoutineItems.Select(i => i.Id).SingleAsync());
        await visitor.GetAsync($"/routines/{visitor.RoutineId}/items/{itemId}");

        using var response = await visitor.Http.SubmitAsync(visitor.Page!.Form("main form.stack-form"), (field, value), ("Input.Reps", "7"));
        var page = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, page.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent, StringComparison.Ordinal);
        var item = await _factory.WithDbAsync(db => db.RoutineItems.SingleAsync());
        Assert.Equal((null, null, null, null), (item.Reps, item.Side, item.RestSeconds, item.TempoSeconds));
    }

    [Fact]
    public async Task Notes_are_saved_from_the_routine_page_and_shown_on_it()
    {
        var visitor = new RoutineClient(_factory.CreateClient());
        await visitor.AddAsync("chin-tucks", newRoutine: "Neck");
        Assert.Null(visitor.Page!.QuerySelector(".routine-notes"));

        var page = await visitor.SubmitAsync("form.notes-form", ("Notes", "  Stop if it tingles.\nOnce in the morning.  "));

        Assert.Equal($"/routines/{visitor.RoutineId}", new Uri(page.Url).AbsolutePath);
        Assert.Equal("Stop if it tingles.\nOnce in the morning.", page.QuerySelector(".routine-notes")!.TextContent);
        Assert.Equal("Stop if it tingles.\nOnce in the morning.", await _factory.WithDbAsync(db => db.Routines.Select(r => r.Notes).SingleAsync()));

        // Emptied, the notes go.
        await visitor.SubmitAsync("form.notes-form", ("Notes", " "));
        Assert.Null(await _factory.WithDbAsync(db => db.Routines.Select(r => r.Notes).SingleAsync()));
    }

    [Fact]
    public async Task Notes_print_on_the_sheet_show_on_the_share_page_and_go_with_a_duplicate_and_a_share_copy()
    {
        // Arrange: a routine with notes, and a share link to it.
        const string notes = "Warm up first.\nSlowly, within comfort.";
        var owner = new RoutineClient(_factory.CreateClient());
        await owner.AddAsync("chin-tucks", newRoutine: "Neck");
        await owner.SubmitAsync("form.notes-form", ("Notes", notes));
        var original = owner.RoutineId;
        await owner.GetAsync($"/routines/{original}/share");
        var shared = await owner.SubmitAsync("form.create-link");
        var token = new Uri(shared.QuerySelector("#share-url")!.GetAttribute("value")!).AbsolutePath.Split('/')[2];
        var recipient = new RoutineClient(_factory.CreateClient());

        // Act
        var sheet = await owner.GetAsync($"/routines/{original}/sheet");
        await owner.GetAsync($"/routines/{original}");
        var duplicate = await owner.SubmitAsync("form[action*='handler=Duplicate']");
        var shareSheet = await recipient.GetAsync($"/s/{token}/sheet");
        var sharePage = await recipient.GetAsync($"/s/{token}");
        var copy = await recipient.SubmitAsync("main form[method=post]:not([data-dismiss-banner])");

        // Assert: on paper, on the share page and its sheet, and on both copies.
        Assert.Equal("Notes: " + notes, sheet.QuerySelector(".sheet-notes")!.TextContent);
        Assert.Equal("Notes: " + notes, shareSheet.QuerySelector(".sheet-notes")!.TextContent);
        Assert.Equal(notes, sharePage.QuerySelector(".routine-notes")!.TextContent);
        Assert.Equal(notes, duplicate.QuerySelector(".routine-notes")!.TextContent);
        Assert.Equal(notes, copy.QuerySelector(".routine-notes")!.TextContent);
        Assert.Equal([notes, notes, notes], await _factory.WithDbAsync(db => db.Routines.OrderBy(r => r.Id).Select(r => r.Notes).ToListAsync()));
    }

    [Theory]
    [InlineData("long", "Keep the notes under 1000 characters.")]
    [InlineData("\u0007bell", "")]
    public async Task Bad_notes_get_a_clear_error_and_save_nothing(string value, string message)
    {
        var visitor = new RoutineClient(_factory.CreateClient());
        await visitor.AddAsync("chin-tucks", newRoutine: "Neck");

        using var response = await visitor.Http.SubmitAsync(visitor.Page!.Form("form.notes-form"), ("Notes", value == "long" ? new string('n', 1001) : value));
        var page = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"/routines/{visitor.RoutineId}/notes", new Uri(page.Url).AbsolutePath);
        var error = page.QuerySelector("[data-valmsg-for=Notes]")!.TextContent;
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Null(await _factory.WithDbAsync(db => db.Routines.Select(r => r.Notes).SingleAsync()));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task Another_accounts_routine_notes_answer_404_and_change_nothing(string method)
    {
        var owner = new RoutineClient(_factory.CreateClient());
        await owner.AddAsync("chin-tucks", newRoutine: "Owner's");
        var ownerRoutine = owner.RoutineId;
        var other = new RoutineClient(_factory.CreateClient());
        await other.AddAsync("prone-w", newRoutine: "Mine");
        var token = other.Page!.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Notes"] = "Taken over" });
        using var response = method == "GET" ? await other.Http.GetAsync($"/routines/{ownerRoutine}/notes") : await other.Http.PostAsync($"/routines/{ownerRoutine}/notes", content);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(await _factory.WithDbAsync(db => db.Routines.Where(r => r.Id == ownerRoutine).Select(r => r.Notes).SingleAsync()));
    }

    [Fact]
    public async Task A_routine_that_follows_a_program_has_no_notes_form_and_refuses_a_notes_post()
    {
        // Arrange: a patient following a program with notes.
        var clinician = await ClinicClient.StartAsync(_factory);
        var programId = await clinician.NewProgramAsync("Neck", "chin-tucks");
        var invitationId = await clinician.InviteAsync(programId);
        var patient = new RoutineClient(_factory.CreateClient());
        await patient.AddAsync("prone-w", newRoutine: "Own");
        var patientId = await _factory.WithDbAsync(db => db.Routines.Where(r => r.Name == "Own").Select(r => r.OwnerId).SingleAsync());
        var link = await ClinicClient.AcceptAsync(_factory, invitationId, patientId);
        var token = patient.Page!.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        // Act
        var page = await patient.GetAsync($"/routines/{link!.RoutineId}");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Notes"] = "My own" });
        using var response = await patient.Http.PostAsync($"/routines/{link.RoutineId}/notes", content);

        // Assert: the clinician's notes show once, in the program panel, with no form to change them; the post changes
        // nothing and says why.
        Assert.Equal("Slowly, within comfort.", page.QuerySelector(".program-notes p")!.TextContent);
        Assert.Null(page.QuerySelector(".routine-notes"));
        Assert.Null(page.QuerySelector("form.notes-form"));
        var after = await response.ReadDocumentAsync();
        Assert.Contains("its notes come from them", after.QuerySelector(".flash")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Slowly, within comfort.", await _factory.WithDbAsync(db => db.Routines.Where(r => r.Id == link.RoutineId).Select(r => r.Notes).SingleAsync()));
    }
}
