using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Tests.Pages.Routines;

namespace StretchLibrary.Web.Tests.Pages.Account;

public sealed class ExportImportTests : IDisposable
{
    // A Wednesday, 10:00 UTC.
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 18);
    private static readonly string[] ProneWOnly = ["prone-w"];

    private readonly LibraryFactory _factory = new();

    public ExportImportTests() => _factory.Clock.Now = Now;

    public void Dispose() => _factory.Dispose();

    private RoutineClient Visitor() => new(_factory.CreateClient());

    /// <summary>
    /// Two routines with a target, dosage overrides, notes and a stretch no longer in the library, and three
    /// sessions with pain and notes (one a spreadsheet formula).
    /// </summary>
    private async Task<RoutineClient> WithHistoryAsync()
    {
        var visitor = Visitor();
        await visitor.AddAsync("chin-tucks", newRoutine: "Desk break");
        var desk = visitor.RoutineId;
        await visitor.AddAsync("prone-w", routineId: desk);
        await visitor.SubmitAsync("form[action*='handler=Target']", ("WeeklyTarget", 4));
        await visitor.GetAsync(visitor.Page!.QuerySelector("a[aria-label='Edit: Chin tucks']")!.GetAttribute("href")!);
        await visitor.SubmitAsync("form[method=post]:not([data-dismiss-banner])", ("Input.Reps", 12), ("Input.HoldSeconds", 5), ("Input.Note", "Slowly, eyes level"));

        await visitor.AddAsync("thoracic-extension", newRoutine: "Evening");
        var evening = visitor.RoutineId;
        await _factory.WithDbAsync(db =>
        {
            db.RoutineItems.Add(new StretchLibrary.Web.Routines.RoutineItem { RoutineId = evening, Position = 1, StretchSlug = "retired-stretch", Sets = 3, PerDay = 2, Note = "An old favourite" });
            return db.SaveChangesAsync();
        });

        await visitor.GetAsync($"/routines/{desk}");
        await visitor.MarkDoneAsync(Today.AddDays(-2), ("Input.PainBefore", 5), ("Input.PainAfter", 3), ("Input.Note", "Stiff, then \"much\" better"));
        _factory.Clock.Now = Now.AddMinutes(5);
        await visitor.MarkDoneAsync(Today, ("Input.Note", "=cmd()"), ("Input.Stretches", ProneWOnly));
        await visitor.GetAsync($"/routines/{evening}");
        _factory.Clock.Now = Now.AddMinutes(10);
        await visitor.MarkDoneAsync(Today.AddDays(-1), ("Input.PainAfter", 2));
        return visitor;
    }

    private static async Task<IHtmlDocument> UploadAsync(RoutineClient visitor, byte[] file, string fileName = "export.json")
    {
        var page = await visitor.GetAsync("/account/import");
        var form = page.Form("form.import-form");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value), "__RequestVerificationToken" },
            { new StringContent(""), "Tz" },
        };
        var upload = new ByteArrayContent(file);
        upload.Headers.ContentType = new("application/json");
        content.Add(upload, "Upload", fileName);

        using var response = await visitor.Http.PostAsync(new Uri(new Uri(page.Url), form.GetAttribute("action") ?? ""), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadDocumentAsync();
    }

    /// <summary>A user's routines, items and sessions without ids or owner: what must survive export and import.</summary>
    private Task<string> ProjectionAsync(string userId) => _factory.WithDbAsync(async db => JsonSerializer.Serialize(
        await db.Routines.AsNoTracking().Where(r => r.OwnerId == userId).OrderBy(r => r.Id).Select(r => new
        {
            r.Name,
            r.WeeklyTarget,
            Items = r.Items.OrderBy(i => i.Position).Select(i => new { i.Position, i.StretchSlug, i.Reps, i.HoldSeconds, i.Sets, i.PerDay, i.Note }).ToList(),
            Completions = r.Completions.OrderBy(c => c.LocalDate).Select(c => new { SameOwner = c.OwnerId == userId, c.LocalDate, c.CompletedAtUtc, c.StretchSlugs, c.PainBefore, c.PainAfter, c.Note }).ToList(),
        }).AsSplitQuery().ToListAsync()));

    private Task<string> OwnerOfAsync(string routineName) =>
        _factory.WithDbAsync(db => db.Routines.Where(r => r.Name == routineName).Select(r => r.OwnerId).SingleAsync());

    private Task<(int Users, int Routines, int Items, int Completions)> CountsAsync() => _factory.WithDbAsync(async db =>
        (await db.Users.CountAsync(), await db.Routines.CountAsync(), await db.RoutineItems.CountAsync(), await db.Completions.CountAsync()));

    [Fact]
    public async Task Json_exported_and_imported_into_a_new_account_gives_the_same_routines_items_and_history()
    {
        var owner = await WithHistoryAsync();
        var ownerId = await OwnerOfAsync("Desk break");
        using var download = await owner.Http.GetAsync("/account/export/json");
        var file = await download.Content.ReadAsByteArrayAsync();
        var newcomer = Visitor();

        var page = await UploadAsync(newcomer, file);

        Assert.Equal("application/json", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        var json = JsonNode.Parse(file)!;
        Assert.Equal("stretchlibrary-export", (string?)json["format"]);
        Assert.Equal(1, (int?)json["version"]);
        Assert.Equal("Imported 2 routines with 3 sessions.", page.QuerySelector(".flash")!.TextContent);
        Assert.Equal(["Desk break", "Evening"], page.QuerySelectorAll(".routine-list .card-title").Select(e => e.TextContent.Trim()));
        var newcomerId = await _factory.WithDbAsync(db => db.Users.Where(u => u.Id != ownerId).Select(u => u.Id).SingleAsync());
        var original = await ProjectionAsync(ownerId);
        Assert.Contains("retired-stretch", original, StringComparison.Ordinal);
        Assert.Contains("Slowly, eyes level", original, StringComparison.Ordinal);
        Assert.Equal(original, await ProjectionAsync(newcomerId));
        Assert.True(await _factory.WithDbAsync(db => db.Users.Where(u => u.Id == newcomerId).Select(u => u.IsGuest).SingleAsync()));
    }

    [Fact]
    public async Task Csv_has_a_header_and_one_row_per_session_with_formulas_neutralised()
    {
        var owner = await WithHistoryAsync();

        using var download = await owner.Http.GetAsync("/account/export/csv");
        var rows = ParseCsv(await download.Content.ReadAsStringAsync());

        Assert.Equal("text/csv", download.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith(".csv", download.Content.Headers.ContentDisposition!.FileName, StringComparison.Ordinal);
        Assert.Equal(["routine", "date", "completed_at_utc", "stretches", "pain_before", "pain_after", "note"], rows[0]);
        Assert.Equal(4, rows.Count);
        Assert.Equal(["Desk break", "2026-11-16", "2026-11-18T10:00:00Z", "chin-tucks;prone-w", "5", "3", "Stiff, then \"much\" better"], rows[1]);
        Assert.Equal(["Evening", "2026-11-17", "2026-11-18T10:10:00Z", "thoracic-extension", "", "2", ""], rows[2]);
        Assert.Equal(["Desk break", "2026-11-18", "2026-11-18T10:05:00Z", "prone-w", "", "", "'=cmd()"], rows[3]);
    }

    public static TheoryData<string> CorruptFiles => ["not JSON", "one bad value deep inside", "another version"];

    [Theory]
    [MemberData(nameof(CorruptFiles))]
    public async Task A_corrupt_file_changes_nothing_and_lists_each_problem_with_its_path(string corruption)
    {
        var owner = await WithHistoryAsync();
        var export = JsonNode.Parse(await owner.Http.GetByteArrayAsync("/account/export/json"))!;
        var (file, expected) = Corrupt(export, corruption);
        var before = await CountsAsync();

        var page = await UploadAsync(owner, file);

        Assert.Equal(before, await CountsAsync());
        Assert.Equal("Nothing was imported", page.QuerySelector(".import-errors h2")!.TextContent);
        var listed = page.QuerySelectorAll(".import-errors li").Select(e => e.TextContent.Trim()).ToArray();
        Assert.Equal(expected.Length, listed.Length);
        Assert.All(expected.Zip(listed), pair => Assert.StartsWith(pair.First, pair.Second, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_visitor_with_a_corrupt_file_gets_no_guest_account()
    {
        var before = await CountsAsync();

        var page = await UploadAsync(Visitor(), "{\"format\":\"stretchlibrary-export\",\"version\":1}"u8.ToArray());

        Assert.Equal(["routines: is required"], page.QuerySelectorAll(".import-errors li").Select(e => e.TextContent.Trim()));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Exports_never_contain_another_users_data()
    {
        var owner = await WithHistoryAsync();
        var other = Visitor();
        await other.AddAsync("seated-cervical-rotation", newRoutine: "Someone else's secret routine");
        await other.MarkDoneAsync(Today, ("Input.Note", "private note of the other user"));
        var otherId = await OwnerOfAsync("Someone else's secret routine");

        var json = await owner.Http.GetStringAsync("/account/export/json");
        var csv = await owner.Http.GetStringAsync("/account/export/csv");
        var othersJson = await other.Http.GetStringAsync("/account/export/json");

        foreach (var text in new[] { json, csv })
        {
            Assert.Contains("Desk break", text, StringComparison.Ordinal);
            Assert.DoesNotContain("secret routine", text, StringComparison.Ordinal);
            Assert.DoesNotContain("private note", text, StringComparison.Ordinal);
            Assert.DoesNotContain("seated-cervical-rotation", text, StringComparison.Ordinal);
            Assert.DoesNotContain(otherId, text, StringComparison.Ordinal);
        }

        Assert.Contains("secret routine", othersJson, StringComparison.Ordinal);
        Assert.DoesNotContain("Desk break", othersJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_visitor_gets_no_export()
    {
        await WithHistoryAsync();

        using var response = await Visitor().Http.GetAsync("/account/export/json");

        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("/account/login", response.RequestMessage!.RequestUri!.AbsolutePath);
    }

    /// <summary>The file to upload and the start of each problem the page must list, in order.</summary>
    private static (byte[] File, string[] Expected) Corrupt(JsonNode export, string corruption)
    {
        switch (corruption)
        {
            case "not JSON":
                var text = export.ToJsonString();
                return (Encoding.UTF8.GetBytes(text[..(text.Length / 2)]), ["$: not valid JSON"]);
            case "one bad value deep inside":
                export["routines"]![0]!["completions"]![1]!["painAfter"] = 11;
                export["routines"]![1]!["items"]![0]!["reps"] = 500;
                export["routines"]![1]!["completions"]![0]!["date"] = Today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                return (Encoding.UTF8.GetBytes(export.ToJsonString()), [
                    "routines[0].completions[1].painAfter: must be 0-10",
                    "routines[1].items[0].reps: must be 1-100",
                    "routines[1].completions[0].date: is after today",
                ]);
            default:
                export["version"] = 2;
                return (Encoding.UTF8.GetBytes(export.ToJsonString()), ["version: must be 1; this file has version 2"]);
        }
    }

    /// <summary>RFC 4180: fields separated by commas, records by CRLF, quoted fields with doubled quotes.</summary>
    private static List<string[]> ParseCsv(string text)
    {
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        return rows;
    }
    [Fact]
    public async Task An_export_of_20000_sessions_fits_the_import_limit_and_imports_back_whole()
    {
        var owner = Visitor();
        await owner.AddAsync("chin-tucks", newRoutine: "Every day for years");
        var routineId = owner.RoutineId;
        var ownerId = await OwnerOfAsync("Every day for years");
        string[] stretches = ["chin-tucks", "prone-w", "thoracic-extension", "seated-cervical-rotation", "doorway-pec-stretch", "upper-trapezius-stretch"];
        await _factory.WithDbAsync(async db =>
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Completions.AddRange(Enumerable.Range(0, 20_000).Select(i => new StretchLibrary.Web.Routines.Sessions.Completion
            {
                RoutineId = routineId,
                OwnerId = ownerId,
                LocalDate = Today.AddDays(-(i / 4)),
                CompletedAtUtc = Now.AddDays(-(i / 4)).AddMinutes(-i % 4),
                StretchSlugs = [.. stretches],
                PainBefore = i % 11,
                PainAfter = i % 7,
                Note = $"Session {i}: a little stiff in the morning, better after the second set; remember the desk height.",
            }));
            return await db.SaveChangesAsync();
        });

        var file = await owner.Http.GetByteArrayAsync("/account/export/json");
        var page = await UploadAsync(Visitor(), file);

        Assert.InRange(file.Length, 1, StretchLibrary.Web.Routines.Export.RoutineImport.MaxFileBytes);
        Assert.Equal("Imported 1 routine with 20000 sessions.", page.QuerySelector(".flash")?.TextContent);
        Assert.Equal(40_000, await _factory.WithDbAsync(db => db.Completions.CountAsync()));
    }

    [Fact]
    public async Task A_file_of_two_million_problems_lists_the_first_100_and_counts_the_rest()
    {
        var before = await CountsAsync();

        var page = await UploadAsync(Visitor(), Encoding.UTF8.GetBytes(Export.ImportReaderTests.TwoMillionEmptySlugs()));

        Assert.Equal(100, page.QuerySelectorAll(".import-errors li").Length);
        Assert.Contains("The file has 2,000,000 problems.", page.QuerySelector(".import-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("…and 1,999,900 more.", page.QuerySelector(".import-more-errors")?.TextContent);
        Assert.Equal(before, await CountsAsync());
    }

    /// <summary>An export of <paramref name="routines"/> routines, the first with <paramref name="sessions"/> sessions.</summary>
    private static byte[] ExportOf(int routines, int sessions)
    {
        var session = new JsonObject { ["date"] = "2026-11-17", ["completedAtUtc"] = "2026-11-17T09:00:00Z", ["stretches"] = new JsonArray("chin-tucks") }.ToJsonString();
        var list = new StringBuilder();
        for (var i = 0; i < routines; i++)
        {
            list.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $$"""{"name":"R{{i}}","items":[{"slug":"chin-tucks"}]""");
            list.Append(i == 0 ? $",\"completions\":[{string.Join(',', Enumerable.Repeat(session, sessions))}]}}" : "}");
        }

        return Encoding.UTF8.GetBytes($$"""{"format":"stretchlibrary-export","version":1,"routines":[{{list}}]}""");
    }

    [Fact]
    public async Task Account_limits_count_what_the_account_already_holds()
    {
        var visitor = Visitor();
        var file = ExportOf(routines: 150, sessions: 15_000);
        var first = await UploadAsync(visitor, file);
        Assert.Equal("Imported 150 routines with 15000 sessions.", first.QuerySelector(".flash")?.TextContent);
        var before = await CountsAsync();

        var page = await UploadAsync(visitor, file);

        Assert.Equal("Nothing was imported", page.QuerySelector(".import-errors h2")?.TextContent);
        Assert.Equal(
        [
            "routines: your account has 150 routines and this file 150; an account holds up to 200",
            "completions: your account has 15000 sessions and this file 15000; an account holds up to 20000",
        ], page.QuerySelectorAll(".import-errors li").Select(e => e.TextContent.Trim()));
        Assert.Equal(before, await CountsAsync());
        Assert.Contains("An account holds up to 200 routines of up to 100 stretches each, and up to 20,000 sessions", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(16 * 1024 * 1024 + 1)]
    [InlineData(20 * 1024 * 1024)]
    public async Task A_file_over_the_limit_gets_the_size_message_on_the_import_page(int size)
    {
        var visitor = Visitor();
        var before = await CountsAsync();
        var file = new byte[size];
        Array.Fill(file, (byte)' ');

        var page = await UploadAsync(visitor, file);

        Assert.Equal("Import routines", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("The file is larger than 16 MB.", page.QuerySelector("[data-error-for=Upload]")!.TextContent.Trim());
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task An_import_lands_on_the_routines_page_at_its_lowercase_address()
    {
        var page = await UploadAsync(Visitor(), """{"format":"stretchlibrary-export","version":1,"routines":[{"name":"Imported","items":[{"slug":"chin-tucks"}]}]}"""u8.ToArray());

        Assert.Equal("/routines", new Uri(page.Url).AbsolutePath);
        Assert.Equal("Imported 1 routine with 0 sessions.", page.QuerySelector(".flash")!.TextContent);
    }

    [Theory]
    [InlineData("\\ud800", "routines[0].name: has a broken character")]
    [InlineData("a\\u0000b", "routines[0].name: Remove the invisible control characters")]
    [InlineData("\\u202Eexe.txt", "routines[0].name: Remove the invisible control characters")]
    [InlineData("\\u200B\\uFEFF", "routines[0].name: Use at least one visible letter")]
    public async Task A_name_with_a_lone_surrogate_control_or_invisible_characters_is_listed_and_nothing_is_imported(string escapedName, string problem)
    {
        var before = await CountsAsync();
        var file = Encoding.UTF8.GetBytes("{\"format\":\"stretchlibrary-export\",\"version\":1,\"routines\":[{\"name\":\"" + escapedName + "\",\"items\":[{\"slug\":\"chin-tucks\"}]}]}");

        var page = await UploadAsync(Visitor(), file);

        var listed = Assert.Single(page.QuerySelectorAll(".import-errors li"));
        Assert.StartsWith(problem, listed.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }
}
