using Deque.AxeCore.Playwright;
using StretchLibrary.BrowserTests.Accessibility;
using static Microsoft.Playwright.Assertions;

namespace StretchLibrary.BrowserTests.Accounts;

/// <summary>Registering, signing in and signing out from the menu on a 390 px phone.</summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class SignOutPhoneTests(BrowserFixture browser)
{
    private static readonly BrowserNewContextOptions Phone = new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true };

    [Fact]
    public async Task The_menu_signs_out_on_a_phone_and_the_signed_in_pages_pass_axe()
    {
        await using var context = await browser.NewContextAsync(Phone);
        var page = await context.NewPageAsync();
        var email = $"phone-{Guid.NewGuid():n}@example.com";
        const string password = "stretch every single day";

        await page.GotoAsync("/account/register");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Password again").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your email");
        var problems = new List<string>();
        await ScanAsync(page, "/account/register?sent=true", problems);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("My routines");
        await ScanAsync(page, "/routines (signed in)", problems);
        await page.GotoAsync("/account");
        await ScanAsync(page, "/account (signed in)", problems);

        var signOut = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Button, new() { Name = "Sign out" });
        await Expect(signOut).ToBeInViewportAsync();
        await signOut.TapAsync();

        await Expect(page).ToHaveURLAsync(new Uri(browser.BaseAddress, "/").ToString());
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);
        await page.GotoAsync("/account");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static async Task ScanAsync(IPage page, string name, List<string> problems)
    {
        var result = await page.RunAxe();
        if (result.Violations.Length > 0)
        {
            problems.Add(AxeTests.Describe(name, "light", result.Violations));
        }
    }
}
