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

    /// <summary>Saves a PDF that failed, so whoever fixes the print stylesheet can open it.</summary>
    private static string KeepForInspection(string slug, byte[] pdf)
    {
        var path = Path.Join(Path.GetTempPath(), "stretchlibrary-print", $"{slug}.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, pdf);
        return path;
    }
}
