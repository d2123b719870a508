using static Microsoft.Playwright.Assertions;

namespace StretchLibrary.BrowserTests.Print;

[Collection(BrowserCollectionDefinition.Name)]
public sealed class RoutineSheetTests(BrowserFixture browser)
{
    /// <summary>
    /// Eight stretches, the most a sheet promises to fit on one page, chosen for the longest print: the most cue
    /// lines and stop-if signs, notes and alternatives, three done per side, two done 2-3 times a day.
    /// </summary>
    private static readonly string[] EightStretches =
    [
        "chin-tucks", "seated-cervical-rotation", "neck-flexion-extension", "lying-arm-extensions",
        "foam-roller-i-y-t", "thoracic-extension", "quadruped-rotation", "thoracic-rotation-stretch",
    ];

    [Theory]
    [InlineData("A4")]
    [InlineData("Letter")]
    public async Task Sheet_of_eight_stretches_prints_on_one_page_with_every_name_and_dosage(string format)
    {
        // Arrange
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var routine = await BuildRoutineAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Print sheet" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Print", Exact = true })).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        // Laid out at the width the paper leaves inside the sheet's margins, as the printed page is.
        await page.SetViewportSizeAsync(PrintableWidth(format), 1000);
        foreach (var item in await page.Locator(".sheet-item").AllAsync())
        {
            // Every stretch on the sheet carries its key frame, at least 2.5 cm (94.5 CSS px) tall: big enough to follow.
            var figures = item.Locator(".sheet-figures svg[role=img]");
            var figure = figures.Last;
            await Expect(figure).ToBeVisibleAsync();
            Assert.Equal(1, await figures.Locator("visible=true").CountAsync());
            var box = (await figure.BoundingBoxAsync())!;
            Assert.True(box.Height >= MinFigureHeight, $"{await item.GetAttributeAsync("data-slug")}'s figure is {box.Height:F1} px tall on paper");

            // A card is one piece: split across two columns it would lay out as two boxes.
            Assert.Equal(1, await item.EvaluateAsync<int>("e => e.getClientRects().length"));
        }

        // Act
        var pdf = await page.PdfAsync(new() { Format = format, PrintBackground = true });

        // Assert
        var pages = PdfDocument.CountPages(pdf);
        if (pages != 1)
        {
            Assert.Fail($"The sheet prints on {pages} pages of {format}; the PDF is at {KeepForInspection($"sheet-{format}", pdf)}");
        }

        var text = Squeeze(await PdfDocument.ExtractTextAsync(pdf));
        foreach (var (title, dosage) in routine)
        {
            Assert.Contains(Squeeze(title), text, StringComparison.Ordinal);
            Assert.Contains(Squeeze(dosage), text, StringComparison.Ordinal);
        }

        Assert.Contains(Squeeze("Hold 8 s, 10 reps"), text, StringComparison.Ordinal);
        Assert.DoesNotContain("...", text, StringComparison.Ordinal);
        Assert.DoesNotContain("…", text, StringComparison.Ordinal);
        foreach (var slug in EightStretches)
        {
            foreach (var sign in await StopIfSignsAsync(page, slug))
            {
                Assert.Contains(Squeeze(sign), text, StringComparison.Ordinal);
            }
        }

        // The arm movement of lying arm extensions, and each of the I, Y and T shapes.
        Assert.Contains(Squeeze("take your arms back past your head"), text, StringComparison.Ordinal);
        foreach (var shape in new[] { "T: arms out to the sides, down to the floor", "Y: arms up on a diagonal toward the floor", "I: arms straight back overhead" })
        {
            Assert.Contains(Squeeze(shape), text, StringComparison.Ordinal);
        }

        // Dosage notes and alternatives, the weekly target, and a box for each of chin tucks' 2-3 daily sessions.
        Assert.Contains(Squeeze("Or: hold 30-60 s"), text, StringComparison.Ordinal);
        Assert.Contains(Squeeze("Move slowly, working through the T, Y and I shapes in turn."), text, StringComparison.Ordinal);
        Assert.Contains(Squeeze("Aim for 5 days this week"), text, StringComparison.Ordinal);
        Assert.Contains(Squeeze("Chin tucks (3 a day)"), text, StringComparison.Ordinal);

        // For the README: only when asked, so a normal run never rewrites a tracked file.
        if (format == "A4" && Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1")
        {
            await PdfDocument.RenderFirstPageAsync(pdf, Path.Join(StretchLibraryApp.RepositoryRoot, "docs", "screenshots", "routine-sheet.png"), dpi: 60);
        }
    }

    [Theory]
    [InlineData("A4")]
    [InlineData("Letter")]
    public async Task Two_week_grid_of_three_a_day_stretches_stays_inside_the_page_with_no_box_overlapping(string format)
    {
        // Arrange: two stretches done 2-3 times a day (three boxes a day) beside two done on each side.
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        foreach (var (slug, first) in new[] { ("chin-tucks", true), ("lying-arm-extensions", false), ("quadruped-rotation", false), ("thoracic-rotation-stretch", false) })
        {
            await AddAsync(page, slug, first ? "Three a day" : null);
        }

        await page.GotoAsync(page.Url + "/sheet?weeks=2");
        await Expect(page.Locator(".tick-grid.weeks-2")).ToBeVisibleAsync();

        // Act: print media at the width inside the sheet's margins on this paper.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await page.SetViewportSizeAsync(PrintableWidth(format), 1000);
        var boxes = await page.EvaluateAsync<double[][]>("""
            [...document.querySelectorAll('.tick-grid .tick')].map(e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })
            """);
        var right = await page.EvaluateAsync<double>("Math.max(document.querySelector('.tick-grid').getBoundingClientRect().right, document.documentElement.scrollWidth)");
        var pdf = await page.PdfAsync(new() { Format = format, PrintBackground = true });

        // Assert: 4 stretches x 14 days, chin tucks and lying arm extensions with 3 boxes, the others with L and R.
        Assert.Equal(14 * (3 + 3 + 2 + 2), boxes.Length);
        Assert.True(right <= PrintableWidth(format), $"the grid reaches {right:F1} px on a {PrintableWidth(format)} px wide page");
        for (var i = 0; i < boxes.Length; i++)
        {
            Assert.True(boxes[i][0] >= 0 && boxes[i][2] <= PrintableWidth(format), $"box {i} runs off the page: {string.Join(", ", boxes[i])}");
            for (var j = i + 1; j < boxes.Length; j++)
            {
                var overlap = Math.Min(boxes[i][2], boxes[j][2]) - Math.Max(boxes[i][0], boxes[j][0]) > 0.5
                    && Math.Min(boxes[i][3], boxes[j][3]) - Math.Max(boxes[i][1], boxes[j][1]) > 0.5;
                Assert.False(overlap, $"boxes {i} and {j} overlap: {string.Join(", ", boxes[i])} and {string.Join(", ", boxes[j])}");
            }
        }

        var pages = PdfDocument.CountPages(pdf);
        if (pages != 1)
        {
            Assert.Fail($"A four-stretch two-week sheet prints on {pages} pages of {format}; the PDF is at {KeepForInspection($"sheet-weeks-2-{format}", pdf)}");
        }
    }

    [Fact]
    public async Task Print_with_a_share_link_qr_prints_a_code_that_opens_the_read_only_routine()
    {
        // Arrange
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await AddAsync(page, "chin-tucks", "For my patient");
        await page.GotoAsync(page.Url + "/sheet");

        // Act
        await page.GetByRole(AriaRole.Button, new() { Name = "Print with a share-link QR" }).ClickAsync();
        var link = await page.Locator("#sheet-share-url").GetAttributeAsync("href");
        var codes = await PdfDocument.ReadQrCodesAsync(await page.PdfAsync(new() { Format = "A4", PrintBackground = true }));

        // Assert: the printed code is the share link, and it opens the routine for someone without this account.
        Assert.Matches(@"/s/[A-Za-z0-9_-]{22}$", link);
        Assert.Equal([link!], codes);
        await using var phone = await browser.NewContextAsync();
        var scanned = await phone.NewPageAsync();
        await scanned.GotoAsync(codes[0]);
        await Expect(scanned.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("For my patient");
    }

    [Fact]
    public async Task Printed_sheet_leaves_out_navigation_and_the_options_form()
    {
        // Arrange: on screen, the options and the site's navigation are there.
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await BuildRoutineAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Print sheet" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Large print")).ToBeVisibleAsync();

        // Act
        var text = await PdfDocument.ExtractTextAsync(await page.PdfAsync(new() { Format = "A4", PrintBackground = true }));

        // Assert
        Assert.Contains("Week of", text, StringComparison.Ordinal);
        foreach (var chrome in new[] { "My routines", "Sign in", "Search", "Large print", "Two weeks", "Update sheet", "Back to the routine", "guest", "read-only share link" })
        {
            Assert.DoesNotContain(chrome, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Large_print_sheet_has_bigger_type_every_name_and_at_most_two_pages()
    {
        // Arrange
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var routine = await BuildRoutineAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Print sheet" }).ClickAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        var normalSize = await BodyFontSizeAsync(page);
        await page.EmulateMediaAsync(new() { Media = Media.Null });

        // Act: the options form works without script, as a plain GET.
        await page.GetByLabel("Large print").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Update sheet" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"size=large"));
        var pdf = await page.PdfAsync(new() { Format = "Letter", PrintBackground = true });

        // Assert
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        var largeSize = await BodyFontSizeAsync(page);
        Assert.True(largeSize > normalSize * 1.2, $"Large print is {largeSize}px against {normalSize}px.");
        var pages = PdfDocument.CountPages(pdf);
        if (pages is < 1 or > 2)
        {
            Assert.Fail($"Large print takes {pages} pages; the PDF is at {KeepForInspection("sheet-large", pdf)}");
        }

        // A first page that stops half-way (the rest pushed whole onto page two) wastes paper and reads badly.
        var reach = await PdfDocument.FirstPageTextReachAsync(pdf);
        if (pages == 2 && reach < 0.8)
        {
            Assert.Fail($"Large print's first page ends {reach:P0} of the way down; the PDF is at {KeepForInspection("sheet-large-blank", pdf)}");
        }

        var text = Squeeze(await PdfDocument.ExtractTextAsync(pdf));
        foreach (var (title, _) in routine)
        {
            Assert.Contains(Squeeze(title), text, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Adds the eight stretches to a new routine through the stretch pages, overrides one dosage, and returns each
    /// item's title and dosage as the routine page shows them. Ends on the routine page.
    /// </summary>
    private static async Task<List<(string Title, string Dosage)>> BuildRoutineAsync(IPage page)
    {
        foreach (var slug in EightStretches)
        {
            await page.GotoAsync($"/stretches/{slug}");
            await page.GetByRole(AriaRole.Link, new() { Name = "Add to routine" }).ClickAsync();
            if (slug == EightStretches[0])
            {
                await page.GetByLabel("A new routine").CheckAsync();
                await page.GetByLabel("Name of the new routine").FillAsync("Morning posture reset");
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Add to routine" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/routines/\d+"));
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "Edit: Thoracic extension" }).ClickAsync();
        await page.GetByLabel("Hold (seconds)").FillAsync("8");
        await page.GetByLabel("Note").FillAsync("Use the kitchen chair, not the office one.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator(".routine-item")).ToHaveCountAsync(EightStretches.Length);
        await page.GetByLabel("Times a week you aim for").FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set target" }).ClickAsync();
        await Expect(page.Locator(".routine-item")).ToHaveCountAsync(EightStretches.Length);

        var items = new List<(string, string)>();
        foreach (var item in await page.Locator(".routine-item").AllAsync())
        {
            var title = (await item.Locator(".item-title").TextContentAsync())!.Trim();
            var dosage = (await item.Locator(".item-dosage").TextContentAsync())!.Replace("(your dosage)", "", StringComparison.Ordinal).Trim();
            items.Add((title, dosage));
        }

        return items;
    }

    /// <summary>2.5 cm in CSS px (96 px to the inch): the least height of a printed figure.</summary>
    internal const double MinFigureHeight = 2.5 / 2.54 * 96;

    /// <summary>The paper's width inside the sheet's side margins (7 mm each), in CSS px.</summary>
    private static int PrintableWidth(string format) => (int)Math.Floor(((format == "A4" ? 210 : 215.9) - 14) / 25.4 * 96);

    /// <summary>Adds a stretch to a new routine (when <paramref name="newRoutine"/> names one) or to the last one; ends on the routine page.</summary>
    private static async Task AddAsync(IPage page, string slug, string? newRoutine)
    {
        await page.GotoAsync($"/stretches/{slug}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add to routine" }).ClickAsync();
        if (newRoutine is not null)
        {
            await page.GetByLabel("A new routine").CheckAsync();
            await page.GetByLabel("Name of the new routine").FillAsync(newRoutine);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Add to routine" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/routines/\d+$"));
    }

    /// <summary>The stretch page's stop-if signs, read in a second tab so the sheet stays open.</summary>
    private static async Task<IReadOnlyList<string>> StopIfSignsAsync(IPage page, string slug)
    {
        var other = await page.Context.NewPageAsync();
        try
        {
            await other.GotoAsync($"/stretches/{slug}");
            var signs = await other.Locator(".stop-if .stop-if-list li").AllTextContentsAsync();
            Assert.NotEmpty(signs);
            return signs;
        }
        finally
        {
            await other.CloseAsync();
        }
    }

    private static Task<double> BodyFontSizeAsync(IPage page) =>
        page.EvaluateAsync<double>("parseFloat(getComputedStyle(document.body).fontSize)");

    /// <summary>Text without whitespace, so a line break in the PDF does not split a match.</summary>
    private static string Squeeze(string text) => Regex.Replace(text, @"\s+", "");

    private static string KeepForInspection(string name, byte[] pdf)
    {
        var path = Path.Join(Path.GetTempPath(), "stretchlibrary-print", $"{name}.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, pdf);
        return path;
    }
}
