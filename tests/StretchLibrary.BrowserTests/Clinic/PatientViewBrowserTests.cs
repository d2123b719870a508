using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StretchLibrary.BrowserTests.Accessibility;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Clinic;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Routines;
using StretchLibrary.Web.Routines.Sessions;
using static Microsoft.Playwright.Assertions;

namespace StretchLibrary.BrowserTests.Clinic;

/// <summary>The clinician's patient list and patient page on a 320 px phone, in both color schemes: axe and reflow.</summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class PatientViewBrowserTests(BrowserFixture browser)
{
    private const string Password = "stretch every single day";

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task Patient_list_and_patient_page_have_no_axe_violations_and_no_sideways_scroll_at_320_px(string scheme)
    {
        await using var context = await browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 320, Height = 640 },
            ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
        });
        var page = await context.NewPageAsync();
        var email = $"pt-{Guid.NewGuid():n}@example.com";
        await RegisterAsync(page, email);
        var patientId = await ArrangePatientAsync(email);

        var problems = new List<string>();
        foreach (var (path, heading) in new[] { ("/clinic/patients", "Your patients"), ($"/clinic/patients/{patientId}", "Maria Lopez-Fernandez") })
        {
            await page.GotoAsync(path);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
            var axe = await page.RunAxe();
            if (axe.Violations.Length > 0)
            {
                problems.Add(AxeTests.Describe(path, scheme, axe.Violations));
            }

            var widths = await page.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            if (widths[0] > widths[1])
            {
                var wide = await page.EvaluateAsync<string[]>(
                    "[...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(0, 4).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))");
                problems.Add($"{path}: {widths[0]}px in {widths[1]}px ({string.Join(", ", wide)})");
            }
        }

        await Expect(page.Locator("figure.heatmap")).ToBeVisibleAsync();
        await Expect(page.Locator("figure.pain-trend")).ToBeVisibleAsync();
        await Expect(page.Locator("table.patient-sessions tbody tr")).ToHaveCountAsync(3);
        Assert.Empty(problems);
    }

    private static async Task RegisterAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/register");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Password again").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your email");
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("My routines");
    }

    /// <summary>
    /// The clinician's profile and program, a patient who accepted it (through <see cref="Programs"/>) and three
    /// sessions with pain, one a week ago; the link's id.
    /// </summary>
    private async Task<int> ArrangePatientAsync(string clinicianEmail)
    {
        await using var scope = browser.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var now = DateTimeOffset.UtcNow;
        var clinicianId = await db.Users.Where(u => u.Email == clinicianEmail).Select(u => u.Id).SingleAsync();
        var patient = new AppUser { UserName = $"patient-{Guid.NewGuid():n}@example.com", Email = $"patient-{Guid.NewGuid():n}@example.com", CreatedAt = now, LastSeenAt = now };
        Assert.True((await services.GetRequiredService<UserManager<AppUser>>().CreateAsync(patient)).Succeeded);
        db.ClinicianProfiles.Add(new ClinicianProfile { UserId = clinicianId, DisplayName = "Dr Ana Lima, PT", ClinicName = "Riverside Physio", CreatedAt = now });
        var program = Routine.New(clinicianId, "Neck and upper back, phase 2", 3, now, [new RoutineItem { StretchSlug = "chin-tucks" }]);
        program.IsProgram = true;
        db.Routines.Add(program);
        await db.SaveChangesAsync();
        var programs = services.GetRequiredService<Programs>();
        var invitation = await programs.InviteAsync(program, "Maria Lopez-Fernandez", 14, null, CancellationToken.None);
        var link = await programs.AcceptAsync(invitation.Invitation.Id, patient.Id, true, true, true, CancellationToken.None) ?? throw new InvalidOperationException("Not accepted.");
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        foreach (var (daysAgo, before, after) in new[] { (7, 3, 2), (1, 5, 3), (0, 6, 4) })
        {
            db.Completions.Add(new Completion
            {
                OwnerId = patient.Id,
                RoutineId = link.RoutineId,
                LocalDate = today.AddDays(-daysAgo),
                CompletedAtUtc = now.AddDays(-daysAgo),
                StretchSlugs = ["chin-tucks"],
                PainBefore = before,
                PainAfter = after,
                Note = "A longer note about how it felt, to see that notes wrap on a narrow phone screen without scrolling",
                ProgramVersion = 1,
            });
        }

        await db.SaveChangesAsync();
        return link.Id;
    }
}
