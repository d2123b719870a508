using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Routines;
using StretchLibrary.Web.Routines.Export;
using StretchLibrary.Web.Tests.Clinic;
using StretchLibrary.Web.Tests.Pages.Routines;

namespace StretchLibrary.Web.Tests.Export;

/// <summary>Export and import carry an item's side, rest and tempo and a routine's notes, held to the forms' limits.</summary>
public sealed class PrescriptionExportTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 18);

    private static JsonObject File(JsonObject item, string? notes = null)
    {
        var routine = new JsonObject { ["name"] = "Rehab", ["items"] = new JsonArray(item) };
        if (notes is not null)
        {
            routine["notes"] = notes;
        }

        return new JsonObject { ["format"] = "stretchlibrary-export", ["version"] = 1, ["routines"] = new JsonArray(routine) };
    }

    [Fact]
    public void Side_rest_tempo_and_notes_are_read()
    {
        var result = ImportReader.Read(File(new JsonObject { ["slug"] = "prone-w", ["side"] = "right", ["restSeconds"] = 30, ["tempoSeconds"] = 2 }, "Twice a day,\nstop if it tingles").ToJsonString(), Today, Now);

        Assert.Empty(result.Errors);
        var routine = Assert.Single(result.Routines);
        Assert.Equal("Twice a day,\nstop if it tingles", routine.Notes);
        Assert.Equal(new ExportedItem("prone-w", null, null, null, null, null, "right", 30, 2), Assert.Single(routine.Items));
    }

    [Theory]
    [InlineData("side", "up", "routines[0].items[0].side: must be \"left\" or \"right\" (leave it out for both sides)")]
    [InlineData("side", "Left", "routines[0].items[0].side: must be \"left\" or \"right\" (leave it out for both sides)")]
    [InlineData("restSeconds", 0, "routines[0].items[0].restSeconds: must be 1-120")]
    [InlineData("restSeconds", 121, "routines[0].items[0].restSeconds: must be 1-120")]
    [InlineData("tempoSeconds", 0, "routines[0].items[0].tempoSeconds: must be 1-10")]
    [InlineData("tempoSeconds", 11, "routines[0].items[0].tempoSeconds: must be 1-10")]
    [InlineData("tempoSeconds", "3", "routines[0].items[0].tempoSeconds: must be 1-10")]
    public void Out_of_range_side_rest_and_tempo_are_refused_with_their_path(string field, object value, string error)
    {
        var item = new JsonObject { ["slug"] = "prone-w", [field] = JsonValue.Create(value) };

        var result = ImportReader.Read(File(item).ToJsonString(), Today, Now);

        Assert.Equal([error], result.Errors);
        Assert.Empty(result.Routines);
    }

    [Fact]
    public void Notes_are_held_to_the_routine_forms_length_and_text_rules()
    {
        var tooLong = ImportReader.Read(File(new JsonObject { ["slug"] = "prone-w" }, new string('a', Routine.NotesMaxLength + 1)).ToJsonString(), Today, Now);
        var control = ImportReader.Read(File(new JsonObject { ["slug"] = "prone-w" }, "bad\u0007bell").ToJsonString(), Today, Now);

        Assert.Equal([$"routines[0].notes: must be at most {Routine.NotesMaxLength} characters"], tooLong.Errors);
        Assert.Single(control.Errors);
        Assert.StartsWith("routines[0].notes: ", control.Errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_routine_with_notes_and_one_side_rest_and_tempo_survives_export_and_import()
    {
        using var app = new LibraryFactory();
        app.Clock.Now = Now;
        var setup = new ClinicSetup(app);
        var (owner, ownerId) = await setup.UserAsync("owner@example.com");
        await app.WithDbAsync(db =>
        {
            var routine = Routine.New(ownerId, "Shoulder rehab", 3, Now,
            [
                new RoutineItem { StretchSlug = "prone-w", Side = ItemSides.Right, Reps = 8, RestSeconds = 45, TempoSeconds = 4, Note = "Right only" },
                new RoutineItem { StretchSlug = "chin-tucks", Side = ItemSides.Left, RestSeconds = 20 },
                new RoutineItem { StretchSlug = "thoracic-extension" },
            ]);
            routine.Notes = "Do these after a warm shower.\nStop if pain passes 5.";
            db.Routines.Add(routine);
            return db.SaveChangesAsync();
        });

        using var download = await owner.Http.GetAsync("/account/export/json");
        var file = await download.Content.ReadAsByteArrayAsync();
        var json = JsonNode.Parse(file)!;
        var (newcomer, newcomerId) = await setup.UserAsync("newcomer@example.com");
        var page = await newcomer.GetAsync("/account/import");
        var form = page.Form("form.import-form");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value), "__RequestVerificationToken" },
            { new StringContent(""), "Tz" },
        };
        var upload = new ByteArrayContent(file);
        upload.Headers.ContentType = new("application/json");
        content.Add(upload, "Upload", "export.json");
        using var imported = await newcomer.Http.PostAsync(new Uri(new Uri(page.Url), form.GetAttribute("action") ?? ""), content);

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal("right", (string?)json["routines"]![0]!["items"]![0]!["side"]);
        Assert.Equal(45, (int?)json["routines"]![0]!["items"]![0]!["restSeconds"]);
        Assert.Equal(4, (int?)json["routines"]![0]!["items"]![0]!["tempoSeconds"]);
        Assert.Null(json["routines"]![0]!["items"]![2]!["side"]);
        var copy = await app.WithDbAsync(db => db.Routines.AsNoTracking().Include(r => r.Items).SingleAsync(r => r.OwnerId == newcomerId));
        Assert.Equal("Do these after a warm shower.\nStop if pain passes 5.", copy.Notes);
        Assert.Equal(
            [("prone-w", "right", 45, 4, 8, "Right only"), ("chin-tucks", "left", 20, null, null, null), ("thoracic-extension", null, null, null, null, null)],
            copy.Items.OrderBy(i => i.Position).Select(i => (i.StretchSlug, i.Side, i.RestSeconds, i.TempoSeconds, i.Reps, i.Note)).ToArray());
    }
}
