using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using QRCoder;

namespace StretchLibrary.Web.Tests.Pages.Routines;

public sealed class SheetTests : IDisposable
{
    private readonly LibraryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Sheet_shows_each_stretch_with_its_dosage_and_the_routines_overrides()
    {
        var visitor = await WithRoutineAsync("chin-tucks", "thoracic-extension");
        await OverrideAsync(visitor, "Thoracic extension", ("Input.HoldSeconds", 8), ("Input.Note", "Kitchen chair"));

        var sheet = await visitor.GetAsync($"/routines/{visitor.RoutineId}/sheet");

        Assert.Equal("Desk sheet", sheet.QuerySelector(".sheet h1")!.TextContent);
        Assert.Equal(["Chin tucks", "Thoracic extension (leaning back over a chair's backrest)"], Texts(sheet, ".sheet-item h2"));
        Assert.Equal(["Hold 2-3 s, 10 reps, 2-3 times a day", "Hold 8 s, 10 reps"], Texts(sheet, ".sheet-item .sheet-dosage"));
        var item = sheet.QuerySelector(".sheet-item[data-slug=thoracic-extension]")!;
        Assert.Equal("Set-up: Sit in a sturdy chair with a backrest and no wheels, hands behind your head.", item.QuerySelector(".sheet-setup")!.TextContent);
        Assert.Equal(["Lean back and arch your upper back over the top of the backrest.", "Hold where the backrest presses, then sit up again.", "Slide your hips forward on the seat to work a higher spot.", "Keep your lower back from arching and your ribs from flaring."], Texts(sheet, ".sheet-item[data-slug=thoracic-extension] .sheet-steps li"));
        // Neither stretch has stop signs of its own: the shared rule at the top covers both.
        Assert.Null(item.QuerySelector(".sheet-stop"));
        Assert.Equal("Note: Kitchen chair", item.QuerySelector(".sheet-note")!.TextContent);
        Assert.Equal(SafetyText, Squash(sheet.QuerySelector(".sheet-safety")!.TextContent));
    }

    private const string SafetyText = "What you should feel: a gentle stretch, or muscles gently at work. Stop and get medical advice straight away if you have: "
        + "pain, or discomfort beyond that gentle stretch; a significant change in your symptoms; above all, nerve-type symptoms: numbness, tingling, weakness, or pain that spreads into an arm or a leg.";

    [Theory]
    [InlineData("chin-tucks")]
    [InlineData("chin-tucks", "thoracic-rotation-stretch", "seated-cervical-rotation")]
    public async Task Sheet_states_the_safety_rule_once_at_full_strength_and_each_stretchs_own_signs_without_weakening_it(params string[] slugs)
    {
        var visitor = await WithRoutineAsync(slugs);

        var sheet = await visitor.GetAsync($"/routines/{visitor.RoutineId}/sheet");

        // The rule every stretch shares, once, whatever the sheet holds: expected, then stop and get medical advice straight away.
        Assert.Equal(SafetyText, Squash(Assert.Single(sheet.QuerySelectorAll(".sheet-safety")).TextContent));
        Assert.Equal(1, CountOf(sheet.Body!.TextContent, "straight away if you have"));
        // A stretch's own signs: under a label that never stands in for the rule ("stop and get advice" without "medical").
        Assert.All(sheet.QuerySelectorAll(".sheet-stop .sheet-label"), label => Assert.Equal("Also stop this stretch if:", label.TextContent));
        if (slugs.Contains("thoracic-rotation-stretch"))
        {
            Assert.Equal("Also stop this stretch if: Your hips start to roll, or the turn feels forced.", Squash(sheet.QuerySelector(".sheet-item[data-slug=thoracic-rotation-stretch] .sheet-stop")!.TextContent));
            Assert.Contains("let go and get medical advice straight away", sheet.QuerySelector(".sheet-item[data-slug=seated-cervical-rotation] .sheet-stop")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Null(sheet.QuerySelector(".sheet-item[data-slug=chin-tucks] .sheet-stop"));
    }

    [Fact]
    public async Task Routine_page_states_the_safety_rule_once_and_each_stretchs_own_signs_under_it()
    {
        var visitor = await WithRoutineAsync("chin-tucks", "thoracic-rotation-stretch", "prone-w", "seated-trunk-rotation");

        var page = await visitor.GetAsync($"/routines/{visitor.RoutineId}");

        // Once for the list (it was a box per stretch: a 4,600 px page on a phone), not once per item.
        Assert.Single(page.QuerySelectorAll(".stop-if-rule"));
        Assert.Equal(1, CountOf(page.Body!.TextContent, "Stop and get medical advice straight away if you have:"));
        Assert.Empty(page.QuerySelectorAll(".routine-item .stop-if-rule"));
        Assert.Equal(["Your hips start to roll, or the turn feels forced."], Texts(page, ".routine-item[data-slug=thoracic-rotation-stretch] .stop-if-own li"));
        Assert.Null(page.QuerySelector(".routine-item[data-slug=chin-tucks] .stop-if-list"));
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    [Fact]
    public async Task Tick_grid_has_left_and_right_boxes_only_for_stretches_done_per_side()
    {
        var visitor = await WithRoutineAsync("chin-tucks", "quadruped-rotation");

        var sheet = await visitor.GetAsync($"/routines/{visitor.RoutineId}/sheet");

        Assert.Equal(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], Texts(sheet, ".tick-grid thead th.tick-day"));
        var both = sheet.QuerySelector(".tick-grid tr[data-slug=chin-tucks]")!;
        // Chin tucks are done 2-3 times a day: a box for each of three sessions, every day.
        Assert.Equal((21, 0, 0), (both.QuerySelectorAll(".tick").Length, both.QuerySelectorAll(".tick-left").Length, both.QuerySelectorAll(".tick-right").Length));
        Assert.All(both.QuerySelectorAll("td.tick-day"), day => Assert.Equal(3, day.QuerySelectorAll(".tick-session").Length));
        var each = sheet.QuerySelector(".tick-grid tr[data-slug=quadruped-rotation]")!;
        Assert.Equal((14, 7, 7), (each.QuerySelectorAll(".tick").Length, each.QuerySelectorAll(".tick-left").Length, each.QuerySelectorAll(".tick-right").Length));
        Assert.Single(sheet.QuerySelectorAll(".tick-weeks th"), th => th.TextContent.StartsWith("Week of ___", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_week_option_gives_fourteen_day_columns()
    {
        var visitor = await WithRoutineAsync("chin-tucks", "quadruped-rotation");

        var sheet = await visitor.GetAsync($"/routines/{visitor.RoutineId}/sheet?weeks=2");

        Assert.Equal(14, sheet.QuerySelectorAll(".tick-grid thead th.tick-day").Length);
        Assert.Equal(2, sheet.QuerySelectorAll(".tick-weeks th").Count(th => th.TextContent.StartsWith("Week of", StringComparison.Ordinal)));
        Assert.Equal(14, sheet.QuerySelectorAll(".tick-grid tr[data-slug=chin-tucks] td.tick-day").Length);
        Assert.Equal(28, sheet.QuerySelectorAll(".tick-grid tr[data-slug=quadruped-rotation] .tick").Length);
        Assert.True(sheet.QuerySelector(".sheet-options input[name=weeks][value='2']")!.HasAttribute("checked"));
    }

    [Fact]
    public async Task Options_are_a_plain_get_form_and_large_print_marks_the_sheet()
    {
        var visitor = await WithRoutineAsync("chin-tucks");

        var normal = await visitor.GetAsync($"/routines/{visitor.RoutineId}/sheet");
        var large = await visitor.GetAsync($"/routines/{visitor.RoutineId}/sheet?size=large");

        var form = normal.Form(".sheet-options");
        Assert.Equal("get", form.Method);
        Assert.NotNull(form.QuerySelector("input[type=checkbox][name=size][value=large]"));
        Assert.False(normal.QuerySelector(".sheet")!.ClassList.Contains("sheet-large"));
        Assert.True(large.QuerySelector(".sheet")!.ClassList.Contains("sheet-large"));
        Assert.True(large.QuerySelector(".sheet-options input[name=size]")!.HasAttribute("checked"));
        // The Print button is for script to reveal: no inline handler, hidden until then, outside any form.
        var print = normal.QuerySelector("button.js-print")!;
        Assert.Equal(("button", true, null), (print.GetAttribute("type"), print.HasAttribute("hidden"), print.Closest("form")));
        Assert.Null(print.GetAttribute("onclick"));
    }

    [Fact]
    public async Task Sheet_has_an_svg_qr_code_that_opens_the_routine_online()
    {
        var visitor = await WithRoutineAsync("chin-tucks");

        var sheet = await visitor.GetAsync($"/routines/{visitor.RoutineId}/sheet");

        var svg = sheet.QuerySelector(".sheet-qr svg");
        Assert.NotNull(svg);
        Assert.Equal(ExpectedQrPath($"https://localhost/routines/{visitor.RoutineId}"), svg.QuerySelector("path")!.GetAttribute("d"));
        Assert.Null(svg.QuerySelector("[style]"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_signed_out_visitor_scanning_the_sheet_qr_learns_what_it_is_and_how_to_open_it(bool routineExists)
    {
        var owner = await WithRoutineAsync("chin-tucks");
        var id = routineExists ? owner.RoutineId : owner.RoutineId + 1000;
        var phone = new RoutineClient(_factory.CreateClient());

        var page = await phone.GetAsync($"/routines/{id}");

        Assert.Equal($"/routines/{id}/open", new Uri(page.Url).AbsolutePath);
        Assert.Equal("Open a saved routine", page.QuerySelector("h1")!.TextContent);
        Assert.Equal($"/account/login?ReturnUrl=%2Froutines%2F{id}", page.QuerySelector("main a.button")!.GetAttribute("href"));
        Assert.Contains("Add an email and password", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Desk sheet", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_signed_in_visitor_scanning_someone_elses_sheet_qr_gets_the_explanation_with_404(bool routineExists)
    {
        var owner = await WithRoutineAsync("chin-tucks");
        var id = routineExists ? owner.RoutineId : owner.RoutineId + 1000;
        // A patient with a guest account of their own, holding the therapist's printed sheet.
        var patient = new RoutineClient(_factory.CreateClient());
        await patient.AddAsync("prone-w", newRoutine: "Mine");

        using var response = await patient.Http.GetAsync($"/routines/{id}");
        var page = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        // Answered at the routine's own address, no redirect: someone else's id is a 404 like any other.
        Assert.Equal($"/routines/{id}", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("Open a saved routine", page.QuerySelector("h1")!.TextContent);
        var main = page.QuerySelector("main")!.TextContent;
        Assert.Contains("the account you are using here did not save this one", main, StringComparison.Ordinal);
        Assert.Contains("Ask them for a share link instead", main, StringComparison.Ordinal);
        Assert.DoesNotContain("couldn’t find that page", main, StringComparison.Ordinal);
        Assert.DoesNotContain("Desk sheet", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_owner_opening_the_explanation_is_sent_to_the_routine()
    {
        var owner = await WithRoutineAsync("chin-tucks");

        var page = await owner.GetAsync($"/routines/{owner.RoutineId}/open");

        Assert.Equal($"/routines/{owner.RoutineId}", new Uri(page.Url).AbsolutePath);
        Assert.Equal("Desk sheet", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Signing_in_from_the_explanation_opens_the_routine()
    {
        var owner = await WithRoutineAsync("chin-tucks");
        var id = owner.RoutineId;
        await owner.RegisterAsync("sheet-owner@example.com", "a sturdy passphrase");
        var phone = new RoutineClient(_factory.CreateClient());
        var page = await phone.GetAsync($"/routines/{id}");

        await phone.GetAsync(page.QuerySelector("main a.button")!.GetAttribute("href")!);
        page = await phone.SubmitAsync("form[method=post]", ("Input.Email", "sheet-owner@example.com"), ("Input.Password", "a sturdy passphrase"));

        Assert.Equal($"/routines/{id}", new Uri(page.Url).AbsolutePath);
        Assert.Equal("Desk sheet", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task The_owners_sheet_offers_first_to_print_with_a_share_link_qr()
    {
        var owner = await WithRoutineAsync("chin-tucks");

        var sheet = await owner.GetAsync($"/routines/{owner.RoutineId}/sheet");

        // The first thing above the sheet: one button, no box to tick first.
        var controls = sheet.QuerySelector(".sheet-controls")!;
        var form = controls.QuerySelector("form")!;
        Assert.True(form.ClassList.Contains("sheet-share-link"));
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("Print with a share-link QR", form.QuerySelector("button[type=submit]")!.TextContent.Trim());
        Assert.Empty(form.QuerySelectorAll("input[type=checkbox]"));
        Assert.Contains("only for you, signed in", form.TextContent, StringComparison.Ordinal);
        // Opening the sheet makes nothing: a link is made only when asked for.
        Assert.Equal(0, await _factory.WithDbAsync(db => db.ShareLinks.CountAsync()));
    }

    [Fact]
    public async Task Print_with_a_share_link_qr_makes_a_read_only_link_and_puts_it_in_the_qr_code()
    {
        var owner = await WithRoutineAsync("chin-tucks");
        await owner.GetAsync($"/routines/{owner.RoutineId}/sheet?size=large&weeks=2");

        var sheet = await owner.SubmitAsync("form.sheet-share-link");

        var link = sheet.QuerySelector("#sheet-share-url")!.GetAttribute("href")!;
        Assert.StartsWith("https://localhost/s/", link, StringComparison.Ordinal);
        Assert.Equal(ExpectedQrPath(link), sheet.QuerySelector(".sheet-qr svg path")!.GetAttribute("d"));
        Assert.Equal("?size=large&weeks=2", new Uri(sheet.Url).Query);
        Assert.NotNull(sheet.QuerySelector(".sheet.sheet-large"));
        var stored = await _factory.WithDbAsync(db => db.ShareLinks.SingleAsync());
        Assert.Null(stored.ExpiresAt);
        var phone = new RoutineClient(_factory.CreateClient());
        var shared = await phone.GetAsync(new Uri(link).AbsolutePath);
        Assert.Contains("Desk sheet", shared.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(shared.QuerySelectorAll($"form[action^='/routines/{owner.RoutineId}']"));
        // Shown once (only its hash is kept): the next rendering offers a new link again.
        var again = await owner.GetAsync($"/routines/{owner.RoutineId}/sheet");
        Assert.Null(again.QuerySelector("#sheet-share-url"));
        Assert.NotNull(again.QuerySelector("form.sheet-share-link"));
        Assert.Equal(ExpectedQrPath($"https://localhost/routines/{owner.RoutineId}"), again.QuerySelector(".sheet-qr svg path")!.GetAttribute("d"));
    }

    [Fact]
    public async Task Sheet_is_dated_by_the_users_local_calendar()
    {
        _factory.Clock.Now = new DateTimeOffset(2026, 3, 10, 23, 30, 0, TimeSpan.Zero);
        var visitor = new RoutineClient(_factory.CreateClient());
        await visitor.GetAsync("/routines/add/chin-tucks");
        await visitor.SubmitAsync("form[method=post]:not([data-dismiss-banner])", ("RoutineId", 0), ("NewName", "Evening"), ("Tz", "Europe/Berlin"));

        var sheet = await visitor.GetAsync($"/routines/{visitor.RoutineId}/sheet");

        Assert.Contains("printed 11 March 2026", sheet.QuerySelector(".sheet-meta")!.TextContent);
    }

    [Fact]
    public async Task Notes_and_names_are_rendered_as_text()
    {
        var visitor = await WithRoutineAsync("chin-tucks");
        await visitor.SubmitAsync("form[action*='handler=Rename']", ("Name", "<b>Mine</b>"));
        await OverrideAsync(visitor, "Chin tucks", ("Input.Note", "<script>alert(1)</script> & <img src=x onerror=alert(2)>"));

        var sheet = await visitor.GetAsync($"/routines/{visitor.RoutineId}/sheet");

        Assert.Equal("<b>Mine</b>", sheet.QuerySelector(".sheet h1")!.TextContent);
        Assert.Equal("Note: <script>alert(1)</script> & <img src=x onerror=alert(2)>", sheet.QuerySelector(".sheet-note")!.TextContent);
        Assert.Empty(sheet.QuerySelectorAll(".sheet script, .sheet img, .sheet h1 b"));
    }

    [Fact]
    public async Task A_stretch_that_left_the_library_is_left_off_with_a_note()
    {
        var visitor = await WithRoutineAsync("chin-tucks", "prone-w");
        await _factory.WithDbAsync(db => db.RoutineItems.Where(i => i.StretchSlug == "prone-w").ExecuteUpdateAsync(s => s.SetProperty(i => i.StretchSlug, "retired-stretch")));

        var sheet = await visitor.GetAsync($"/routines/{visitor.RoutineId}/sheet");

        Assert.Equal(["Chin tucks"], Texts(sheet, ".sheet-item h2"));
        Assert.Single(sheet.QuerySelectorAll(".tick-grid tbody tr"));
        Assert.Equal("1 stretch in this routine is no longer in the library and left off this sheet.", sheet.QuerySelector(".sheet-skipped")!.TextContent);
    }

    [Fact]
    public async Task Routine_page_links_to_its_sheet_and_an_unknown_sheet_is_404()
    {
        var visitor = await WithRoutineAsync("chin-tucks");

        var page = await visitor.GetAsync($"/routines/{visitor.RoutineId}");
        using var missing = await visitor.Http.GetAsync($"/routines/{visitor.RoutineId + 100}/sheet");

        Assert.Equal($"/routines/{visitor.RoutineId}/sheet", page.QuerySelectorAll("a").Single(a => a.TextContent == "Print sheet").GetAttribute("href"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    /// <summary>The path QRCoder draws for <paramref name="url"/>, the way the sheet draws it.</summary>
    internal static string ExpectedQrPath(string url)
    {
        using var data = QRCodeGenerator.GenerateQrCode(new PayloadGenerator.Url(url), QRCodeGenerator.ECCLevel.M);
        using var svg = new SvgQRCode(data);
        var markup = svg.GetGraphic(new System.Drawing.Size(100, 100), "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
        return System.Text.RegularExpressions.Regex.Match(markup, "<path[^>]* d=\"([^\"]+)\"").Groups[1].Value;
    }

    private static string[] Texts(IDocument page, string selector) => [.. page.QuerySelectorAll(selector).Select(e => e.TextContent.Trim())];

    private async Task<RoutineClient> WithRoutineAsync(params string[] slugs)
    {
        var visitor = new RoutineClient(_factory.CreateClient());
        await visitor.AddAsync(slugs[0], newRoutine: "Desk sheet");
        foreach (var slug in slugs.Skip(1))
        {
            await visitor.AddAsync(slug, routineId: visitor.RoutineId);
        }

        return visitor;
    }

    private static async Task OverrideAsync(RoutineClient visitor, string title, params (string Name, object? Value)[] values)
    {
        await visitor.GetAsync($"/routines/{visitor.RoutineId}");
        await visitor.GetAsync(visitor.Page!.QuerySelector($"a[aria-label='Edit: {title}']")!.GetAttribute("href")!);
        await visitor.SubmitAsync("form[method=post]:not([data-dismiss-banner])", values);
    }

    private static string Squash(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();
}
