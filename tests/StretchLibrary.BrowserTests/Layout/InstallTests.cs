using Deque.AxeCore.Playwright;
using StretchLibrary.BrowserTests.Accessibility;
using static Microsoft.Playwright.Assertions;

namespace StretchLibrary.BrowserTests.Layout;

/// <summary>
/// Installing the app: a button only where the browser fires <c>beforeinstallprompt</c> (dispatched here by hand,
/// as headless Chromium never offers it), and the "Share, then Add to Home Screen" hint on iPhone Safari.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class InstallTests(BrowserFixture browser)
{
    private const string IPhoneSafari =
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

    [Fact]
    public async Task The_install_button_shows_only_once_the_browser_offers_its_prompt_and_opens_it()
    {
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/routines");
        var install = page.GetByRole(AriaRole.Button, new() { Name = "Install the app" });
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Expect(install).ToBeHiddenAsync();
        await Expect(page.Locator("[data-install-hint]")).ToBeHiddenAsync();

        var defaultPrevented = await page.EvaluateAsync<bool>("""
            () => {
              const offer = new Event("beforeinstallprompt", { cancelable: true });
              offer.prompt = () => { window.installPrompted = true; return Promise.resolve(); };
              offer.userChoice = Promise.resolve({ outcome: "accepted" });
              window.dispatchEvent(offer);
              return offer.defaultPrevented;
            }
            """);

        // The page keeps the prompt for its own button rather than the browser's mini bar.
        Assert.True(defaultPrevented);
        await Expect(install).ToBeVisibleAsync();
        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0, AxeTests.Describe("/routines (install button)", "light", axe.Violations));
        await install.ClickAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.installPrompted === true"));
        await Expect(install).ToBeHiddenAsync();
    }

    [Fact]
    public async Task On_iPhone_Safari_the_add_to_home_screen_hint_shows_until_dismissed_and_stays_dismissed()
    {
        await using var context = await browser.NewContextAsync(new()
        {
            UserAgent = IPhoneSafari,
            ViewportSize = new() { Width = 320, Height = 568 },
            IsMobile = true,
            HasTouch = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/routines");
        var hint = page.Locator("[data-install-hint]");

        await Expect(hint).ToBeVisibleAsync();
        await Expect(hint).ToContainTextAsync("To install: tap Share, then Add to Home Screen.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Install the app" })).ToBeHiddenAsync();
        var widths = await page.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"/routines with the hint is {widths[0]}px wide in a {widths[1]}px viewport.");
        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0, AxeTests.Describe("/routines (install hint)", "light", axe.Violations));

        await hint.GetByRole(AriaRole.Button, new() { Name = "Dismiss the install hint" }).ClickAsync();
        await Expect(hint).ToBeHiddenAsync();
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Expect(hint).ToBeHiddenAsync();
        await page.GotoAsync("/stretches/chin-tucks");
        await Expect(hint).ToBeHiddenAsync();
    }
}
