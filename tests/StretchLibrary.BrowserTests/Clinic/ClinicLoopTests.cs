using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace StretchLibrary.BrowserTests.Clinic;

/// <summary>
/// The whole clinic loop in two browsers: a clinician at a desk prescribes, a patient on a phone accepts as a guest,
/// plays, logs online and offline; the clinician sees it, changes the program and the patient sees the change;
/// the patient withdraws consent and reads who looked.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class ClinicLoopTests(BrowserFixture browser)
{
    private const string OneSide = "seated-cervical-rotation";

    private static readonly string[] Program = ["chin-tucks", "prone-w", "thoracic-extension", OneSide];

    [Fact]
    public async Task A_clinician_prescribes_a_patient_follows_on_a_phone_and_consent_decides_what_the_clinician_sees()
    {
        // The clinician, on a desktop: a four-stretch program with one item on the right side only, and an invitation.
        await using var desk = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 } });
        var clinic = await desk.NewPageAsync();
        await ClinicPagesTests.RegisterAsync(clinic);
        var program = await ClinicPagesTests.BuildProgramAsync(clinic, Program, "Back and neck, weeks 1-2");
        var link = new Uri(await clinic.GetByLabel("Link", new() { Exact = true }).InputValueAsync());

        // The patient, on a phone in another browser: accepts as a guest with the default consent.
        await using var phone = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        var patient = await phone.NewPageAsync();
        await patient.GotoAsync(link.PathAndQuery);
        await Expect(patient.GetByRole(AriaRole.Checkbox, new() { Name = "The days you do it" })).ToBeCheckedAsync();
        await Expect(patient.GetByRole(AriaRole.Checkbox, new() { Name = "Your notes" })).Not.ToBeCheckedAsync();
        await patient.GetByRole(AriaRole.Button, new() { Name = "Accept the program" }).ClickAsync();
        await Expect(patient.Locator(".program-from")).ToHaveTextAsync("From Dr Ana Lima, PT, Riverside Physio");
        var routine = new Uri(patient.Url).AbsolutePath;

        // The guided session does the right-side-only stretch on the right side only, then logs it (online).
        await patient.GetByRole(AriaRole.Link, new() { Name = "Start guided session" }).ClickAsync();
        await patient.EvaluateAsync("""
            () => {
              window.sides = [];
              document.querySelector("[data-session-player]").addEventListener("session:phase", (e) => window.sides.push(e.detail.side ?? ""));
            }
            """);
        await patient.GetByRole(AriaRole.Button, new() { Name = "Start", Exact = true }).ClickAsync();
        await Expect(patient.GetByRole(AriaRole.Heading, new() { Name = "Session complete" })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var sides = await patient.EvaluateAsync<string[]>("() => window.sides");
        Assert.Contains("right", sides);
        Assert.DoesNotContain("left", sides);
        await patient.GetByRole(AriaRole.Button, new() { Name = "Mark done" }).ClickAsync();
        await Expect(patient.Locator("[data-stat=total]")).ToHaveTextAsync("1");

        // A second session, logged offline with pain before and after, syncs when the phone is back online.
        await patient.GotoAsync(routine);
        await patient.EvaluateAsync("async () => { await navigator.serviceWorker.ready; }");
        await phone.SetOfflineAsync(true);
        await patient.ReloadAsync();
        await Expect(patient.Locator(".offline-note")).ToBeVisibleAsync();
        await patient.GetByLabel("Pain before (0-10, optional)").FillAsync("6");
        await patient.GetByLabel("Pain after (0-10, optional)").FillAsync("3");
        await patient.GetByRole(AriaRole.Button, new() { Name = "Mark done" }).ClickAsync();
        await Expect(patient.Locator(".offline-saved")).ToContainTextAsync("Saved on this device");
        await phone.SetOfflineAsync(false);
        await Expect(patient.Locator("[data-sync-status]")).ToContainTextAsync("Synced", new() { Timeout = 20_000 });

        // The clinician sees both sessions and the pain.
        await clinic.GotoAsync("/clinic/patients");
        await clinic.GetByRole(AriaRole.Link, new() { Name = "Jane D." }).ClickAsync();
        var sessions = clinic.Locator("table.patient-sessions tbody tr");
        await Expect(sessions).ToHaveCountAsync(2);
        await Expect(clinic.Locator("table.patient-sessions")).ToContainTextAsync("6");
        await Expect(clinic.Locator("figure.pain-trend")).ToBeVisibleAsync();
        var patientPage = clinic.Url;

        // The patient subscribes to the calendar feed, then the clinician changes a dosage.
        await patient.GotoAsync(routine);
        await patient.Locator("form.subscribe-form").EvaluateAsync("form => form.requestSubmit()");
        var feed = new Uri(await patient.Locator("#feed-url").InputValueAsync());
        await clinic.GotoAsync($"/routines/{program.Id}");
        await clinic.Locator(".routine-item[data-slug=chin-tucks]").GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await clinic.GetByLabel("Reps").FillAsync("12");
        await clinic.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(clinic.Locator(".routine-item[data-slug=chin-tucks] .item-dosage")).ToContainTextAsync("12 reps");

        // The patient's page, sheet and feed show the new dosage, marked as updated.
        await patient.GotoAsync(routine);
        await Expect(patient.Locator(".routine-item[data-slug=chin-tucks] .item-dosage")).ToContainTextAsync("12 reps");
        await Expect(patient.GetByText(new Regex(@"^Updated on \d{1,2} \w+ \d{4}: Chin tucks: .*12 reps"))).ToBeVisibleAsync();
        await patient.GotoAsync($"{routine}/sheet");
        await Expect(patient.Locator(".sheet-from")).ToContainTextAsync("Updated on");
        await Expect(patient.Locator(".sheet-from")).ToContainTextAsync("12 reps");
        var calendar = await (await phone.APIRequest.GetAsync(feed.PathAndQuery)).TextAsync();
        Assert.Contains("Updated on", calendar, StringComparison.Ordinal);
        Assert.Contains("12 reps", calendar, StringComparison.Ordinal);

        // The patient withdraws consent; the clinician's next request shows nothing, and a new session stays private.
        await patient.GotoAsync(routine);
        await patient.Locator("details.program-consent summary").ClickAsync();
        await patient.GetByRole(AriaRole.Button, new() { Name = "Stop sharing anything" }).ClickAsync();
        await patient.GetByRole(AriaRole.Button, new() { Name = "Mark done" }).ClickAsync();
        await Expect(patient.Locator("[data-stat=total]")).ToHaveTextAsync("3");
        await clinic.GotoAsync(patientPage);
        await Expect(clinic.Locator("[data-consent]")).ToContainTextAsync("Withdrew consent");
        await Expect(sessions).ToHaveCountAsync(0);
        await Expect(clinic.Locator("figure.pain-trend")).ToHaveCountAsync(0);

        // The patient's access log lists each time the clinician looked while they shared.
        await patient.GotoAsync("/account/access-log");
        var entries = patient.Locator("table.access-log tbody tr");
        await Expect(entries).ToHaveCountAsync(2);
        await Expect(entries.First).ToContainTextAsync("Dr Ana Lima, PT, Riverside Physio");
    }
}
