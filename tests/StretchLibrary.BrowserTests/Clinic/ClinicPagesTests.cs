using Deque.AxeCore.Playwright;
using StretchLibrary.BrowserTests.Accessibility;
using static Microsoft.Playwright.Assertions;

namespace StretchLibrary.BrowserTests.Clinic;

/// <summary>
/// The clinician's pages as a clinician uses them: axe in both colour schemes, nothing sideways at 320 px, and the
/// printed program sheet (one page on A4 and Letter with the program's notes, its invitation QR code at least 2 cm and readable).
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class ClinicPagesTests(BrowserFixture browser)
{
    /// <summary>Eight stretches, the most a sheet promises to fit on one page (as the routine sheet's test), one of them for the right side only.</summary>
    private static readonly string[] EightStretches =
    [
        "chin-tucks", "seated-cervical-rotation", "neck-flexion-extension", "lying-arm-extensions",
        "foam-roller-i-y-t", "thoracic-extension", "quadruped-rotation", "thoracic-rotation-stretch",
    ];

    /// <summary>2 cm in CSS px (96 px to the inch).</summary>
    private const double TwoCentimetres = 2 / 2.54 * 96;

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task Clinic_pages_have_no_axe_violations(string scheme)
    {
        // Arrange
        await using var context = await browser.NewContextAsync(new() { ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        await RegisterAsync(page);
        await page.GotoAsync("/clinic/profile");
        await ScanAsync(page, "/clinic/profile (new)", scheme, problems);
        var program = await BuildProgramAsync(page, ["chin-tucks", "quadruped-rotation"]);
        await ScanAsync(page, "/clinic/invitations/{id}", scheme, problems);

        // Bad values: the errors are part of the page too.
        await page.GotoAsync("/clinic/programs/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create program" }).ClickAsync();
        await Expect(page.GetByText("Give the program a name.")).ToBeVisibleAsync();
        await ScanAsync(page, "/clinic/programs/new (error)", scheme, problems);
        await page.GotoAsync($"/clinic/programs/{program.Id}/invite");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make the invitation" }).ClickAsync();
        await Expect(page.GetByText("Give the patient’s name or a label you will recognise.")).ToBeVisibleAsync();
        await ScanAsync(page, "/clinic/programs/{id}/invite (error)", scheme, problems);

        // Act and assert, page by page.
        foreach (var path in ClinicianPaths(program))
        {
            await page.GotoAsync(path);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await ScanAsync(page, path, scheme, problems);
        }

        // A revoked invitation's page.
        await page.GotoAsync($"/clinic/invitations/{program.InvitationId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke this invitation" }).ClickAsync();
        await Expect(page.GetByText("no longer open anything")).ToBeVisibleAsync();
        await ScanAsync(page, "/clinic/invitations/{id} (revoked)", scheme, problems);

        // A guest's profile page says why there is no form.
        await using var guestContext = await browser.NewContextAsync(new() { ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light });
        var guest = await guestContext.NewPageAsync();
        await guest.GotoAsync("/routines");
        await guest.GetByLabel("Name", new() { Exact = true }).FillAsync("Mine");
        await guest.GetByRole(AriaRole.Button, new() { Name = "Create routine" }).ClickAsync();
        await guest.GotoAsync("/clinic/profile");
        await Expect(guest.GetByText("needs an account with an email and password")).ToBeVisibleAsync();
        await ScanAsync(guest, "/clinic/profile (guest)", scheme, problems);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task No_clinic_page_scrolls_sideways_at_320_px()
    {
        // Arrange
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 320, Height = 640 } });
        var page = await context.NewPageAsync();
        await RegisterAsync(page);
        var program = await BuildProgramAsync(page, ["chin-tucks", "quadruped-rotation"], "A program with a rather long name for a narrow phone screen");

        // Act and assert
        var wide = new List<string>();
        foreach (var path in ClinicianPaths(program))
        {
            await page.GotoAsync(path);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            var widths = await page.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            if (widths[0] > widths[1])
            {
                wide.Add($"{path}: {widths[0]}px in {widths[1]}px");
            }
        }

        Assert.Empty(wide);
    }

    [Theory]
    [InlineData("A4")]
    [InlineData("Letter")]
    public async Task Program_sheet_prints_on_one_page_with_the_clinician_fields_and_a_readable_invitation_qr_of_2_cm(string format)
    {
        // Arrange: eight stretches, thoracic rotation for the right side only.
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await RegisterAsync(page);
        var program = await BuildProgramAsync(page, EightStretches);
        var link = await page.GetByLabel("Link", new() { Exact = true }).InputValueAsync();
        var code = (await page.Locator("[data-code]").TextContentAsync())!;
        await page.GetByRole(AriaRole.Link, new() { Name = "Print the program sheet" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Weeks 1-2");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await page.SetViewportSizeAsync(PrintableWidth(format), 1000);
        var qr = (await page.Locator(".sheet-qr svg").BoundingBoxAsync())!;
        // The code itself, without its quiet zone (4 modules a side): QRCoder's viewBox is one unit per module.
        var modules = await page.Locator(".sheet-qr svg").EvaluateAsync<double>("svg => svg.viewBox.baseVal.width");
        var symbol = qr.Width * (Math.Round(modules) - 8) / Math.Round(modules);
        var oneSide = page.Locator(".tick-grid tr[data-slug=thoracic-rotation-stretch] .tick");

        // Act
        var pdf = await page.PdfAsync(new() { Format = format, PrintBackground = true });

        // Assert: on paper the QR code is 2 cm or more, and it reads as the invitation link.
        Assert.True(symbol >= TwoCentimetres, $"the QR code is {symbol:F1} px across on paper ({modules:F1} modules with the quiet zone in {qr.Width:F1} px)");
        var png = Path.Join(Path.GetTempPath(), "stretchlibrary-print", $"program-sheet-{format}.png");
        Directory.CreateDirectory(Path.GetDirectoryName(png)!);
        await PdfDocument.RenderFirstPageAsync(pdf, png, dpi: 100);
        var pages = PdfDocument.CountPages(pdf);
        Assert.True(pages == 1, $"The program sheet prints on {pages} pages of {format}; its first page is at {png}");
        Assert.Equal([link], await PdfDocument.ReadQrCodesAsync(pdf));
        var text = Squeeze(await PdfDocument.ExtractTextAsync(pdf));
        foreach (var field in new[] { "Patient:Jane D.", "Clinician:Dr Ana Lima, PT", "Clinic:Riverside Physio", "Contact:020 7946 0000", code, "right side only", "Notes: Slowly, within comfort." })
        {
            Assert.Contains(Squeeze(field), text, StringComparison.Ordinal);
        }

        // One box a day, marked R, for the one-side item.
        Assert.Equal(7, await oneSide.CountAsync());
        Assert.Equal(Enumerable.Repeat("R", 7), await oneSide.AllTextContentsAsync());
    }

    private static string[] ClinicianPaths((int Id, int ItemId, int InvitationId) program) =>
    [
        "/clinic", "/clinic/profile", "/clinic/programs/new", $"/routines/{program.Id}", $"/routines/{program.Id}/items/{program.ItemId}",
        $"/routines/{program.Id}/notes", $"/clinic/programs/{program.Id}/invite", $"/clinic/invitations/{program.InvitationId}",
        $"/clinic/invitations/{program.InvitationId}/sheet", "/account",
    ];

    internal static async Task RegisterAsync(IPage page)
    {
        var email = $"clinician-{Guid.NewGuid():n}@example.com";
        const string password = "stretch every single day";
        await page.GotoAsync("/account/register");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Password again").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your email");
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("My routines");
    }

    /// <summary>
    /// Turns on the profile, makes a program of <paramref name="slugs"/> through the stretch pages (the last one
    /// that is done on each side set to the right side only), and invites Jane D. Ends on the invitation page.
    /// </summary>
    internal static async Task<(int Id, int ItemId, int InvitationId)> BuildProgramAsync(IPage page, string[] slugs, string name = "Weeks 1-2")
    {
        await page.GotoAsync("/clinic/profile");
        await page.GetByLabel("Your name, as patients will see it").FillAsync("Dr Ana Lima, PT");
        await page.GetByLabel("Clinic or practice").FillAsync("Riverside Physio");
        await page.GetByLabel("Contact line (optional)").FillAsync("020 7946 0000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on clinician profile" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Clinic" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New program" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Times a week").FillAsync("5");
        await page.GetByLabel("Notes for the patient (optional)").FillAsync("Slowly, within comfort. Stop and call us if pain spreads down an arm.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create program" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/routines/\d+$"));
        var id = int.Parse(new Uri(page.Url).AbsolutePath.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
        foreach (var slug in slugs)
        {
            await page.GotoAsync($"/stretches/{slug}");
            await page.GetByRole(AriaRole.Link, new() { Name = "Add to routine" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Add to routine" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($@"/routines/{id}$"));
        }

        var oneSide = slugs.Last(s => s is "quadruped-rotation" or "thoracic-rotation-stretch" or "seated-cervical-rotation");
        await page.Locator($".routine-item[data-slug={oneSide}]").GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        var itemId = int.Parse(new Uri(page.Url).AbsolutePath.Split('/')[4], System.Globalization.CultureInfo.InvariantCulture);
        await page.GetByLabel("Right side only").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator($".routine-item[data-slug={oneSide}] .item-dosage")).ToContainTextAsync("right side only");

        await page.GetByRole(AriaRole.Link, new() { Name = "Invite a patient" }).ClickAsync();
        await page.GetByLabel("Patient’s name or label").FillAsync("Jane D.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make the invitation" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Invitation for Jane D.");
        var invitationId = int.Parse(new Uri(page.Url).AbsolutePath.Split('/')[3], System.Globalization.CultureInfo.InvariantCulture);
        return (id, itemId, invitationId);
    }

    private static async Task ScanAsync(IPage page, string name, string scheme, List<string> problems)
    {
        var result = await page.RunAxe();
        if (result.Violations.Length > 0)
        {
            problems.Add(AxeTests.Describe(name, scheme, result.Violations));
        }
    }

    /// <summary>The paper's width inside the sheet's side margins (7 mm each), in CSS px.</summary>
    private static int PrintableWidth(string format) => (int)Math.Floor(((format == "A4" ? 210 : 215.9) - 14) / 25.4 * 96);

    /// <summary>Text without whitespace, so a line break in the PDF does not split a match.</summary>
    private static string Squeeze(string text) => Regex.Replace(text, @"\s+", "");
}
