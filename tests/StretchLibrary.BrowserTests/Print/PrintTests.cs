using static Microsoft.Playwright.Assertions;

namespace StretchLibrary.BrowserTests.Print;

[Collection(BrowserCollectionDefinition.Name)]
public sealed class PrintTests(BrowserFixture browser)
{
    /// <summary>Every stretch in the shipped content, by slug (the file name).</summary>
    public static TheoryData<string> StretchSlugs() =>
        [.. Directory.EnumerateFiles(Path.Join(StretchLibraryApp.RepositoryRoot, "content", "stretches"), "*.md", SearchOption.AllDirectories)
            .Select(file => Path.GetFileNameWithoutExtension(file)!)
            .Order()];

    [Theory]
    [MemberData(nameof(StretchSlugs))]
    public async Task Print_of_a_stretch_page_is_one_A4_page(string slug)
    {
        // Arrange
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/stretches/{slug}");

        // Act
        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = true });

        // Assert
        var pages = PdfDocument.CountPages(pdf);
        if (pages != 1)
        {
            Assert.Fail($"/stretches/{slug} prints on {pages} pages; the PDF is at {KeepForInspection(slug, pdf)}");
        }
    }

    [Fact]
    public async Task Print_of_a_stretch_page_shows_the_article_without_navigation()
    {
        // Arrange: on screen, everything is there (so the locators below do find something).
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/stretches/thoracic-extension");
        var navigation = new[]
        {
            page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }),
            page.GetByRole(AriaRole.Navigation, new() { Name = "Breadcrumb" }),
            page.GetByRole(AriaRole.Search),
            page.GetByRole(AriaRole.Contentinfo),
        };
        foreach (var part in navigation)
        {
            await Expect(part).ToBeVisibleAsync();
        }

        // Act
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        // Assert
        foreach (var part in navigation)
        {
            Assert.False(await part.IsVisibleAsync(), $"{part} is still visible in print.");
        }

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thoracic extension");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "How much" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "How much" })).ToContainTextAsync("Hold 5-10 s, 10 reps");
    }

    [Theory]
    [MemberData(nameof(StretchSlugs))]
    public async Task Print_of_a_stretch_page_shows_every_figure_at_least_2_5_cm_tall_inside_the_page(string slug)
    {
        // Arrange: laid out at A4's width inside the page margins (210 mm less 2 x 10 mm).
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = (int)Math.Floor(190 / 25.4 * 96), Height = 1100 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/stretches/{slug}");
        var frames = await page.Locator(".stretch .figure-strip svg[role=img]").CountAsync();

        // Act
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        var boxes = await page.EvaluateAsync<double[][]>("""
            [...document.querySelectorAll('.stretch .figure-strip svg[role=img]')].map(e => { const r = e.getBoundingClientRect(); return [r.width, r.height, r.right]; })
            """);

        // Assert
        Assert.True(frames > 0, $"/stretches/{slug} has no figures");
        Assert.Equal(frames, boxes.Length);
        foreach (var box in boxes)
        {
            Assert.True(box[1] >= RoutineSheetTests.MinFigureHeight && box[0] > 0, $"/stretches/{slug} prints a figure {box[0]:F1} x {box[1]:F1} px");
            Assert.True(box[2] <= page.ViewportSize!.Width, $"/stretches/{slug} prints a figure past the page's edge ({box[2]:F1} px)");
        }
    }

    /// <summary>Saves a PDF that failed, so whoever fixes the print stylesheet can open it.</summary>
    private static string KeepForInspection(string slug, byte[] pdf)
    {
        var path = Path.Join(Path.GetTempPath(), "stretchlibrary-print", $"{slug}.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, pdf);
        return path;
    }
}
