using System.Globalization;

namespace StretchLibrary.Bench;

/// <summary>
/// A signed-in user with 3 routines and (by default) 300 completions, made through the app's own forms. Prints
/// the routine id, the cookie header for wrk (every cookie: cached pages) and the sign-in cookie alone (pages
/// rendered each time: without an antiforgery cookie the page cache stores nothing).
/// </summary>
internal static class Seed
{
    private const string Password = "bench passphrase 2026";

    public static async Task<int> RunAsync(Uri baseUrl, string email = "bench@example.com", int completions = 300)
    {
        using var browser = new Browser(baseUrl);
        await browser.GetAsync("/account/register");
        await browser.PostAsync("/account/register", ("Input.Email", email), ("Input.Password", Password), ("Input.ConfirmPassword", Password));
        var routineIds = new List<int>();
        foreach (var starter in new[] { "desk-break", "neck-reset", "posture-set" })
        {
            await browser.GetAsync("/routines");
            await browser.PostAsync($"/routines?handler=CopyStarter&slug={starter}");
            routineIds.Add(int.Parse(browser.LastUrl.AbsolutePath.Split('/')[2], CultureInfo.InvariantCulture));
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await browser.GetAsync($"/routines/{routineIds[0]}");
        var stored = 0;
        for (var i = 0; i < completions; i++)
        {
            var routine = routineIds[i % 3];
            var date = today.AddDays(-(i / 3)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var status = await browser.PostAsync($"/routines/{routine}/done", ("Input.Date", date), ("Input.Stretches", "chin-tucks"), ("Input.Stretches", "backward-shoulder-rolls"), ("Input.Stretches", "prone-w"), ("Input.PainBefore", (i % 7 + 2).ToString(CultureInfo.InvariantCulture)), ("Input.PainAfter", (i % 4 + 1).ToString(CultureInfo.InvariantCulture)));
            stored += status is System.Net.HttpStatusCode.OK && !browser.LastUrl.AbsolutePath.EndsWith("/done", StringComparison.Ordinal) ? 1 : 0;
        }

        Console.WriteLine($"ROUTINE_ID={routineIds[0]}");
        Console.WriteLine($"ROUTINE_IDS='{string.Join(' ', routineIds)}'");
        PrintCookies(browser, baseUrl);
        Console.WriteLine($"COMPLETIONS={stored}");
        return stored == completions ? 0 : 1;
    }

    /// <summary>Signs in as a user <see cref="RunAsync"/> made (e.g. after the database was filled) and prints the cookies.</summary>
    public static async Task<int> SignInAsync(Uri baseUrl, string email)
    {
        using var browser = new Browser(baseUrl);
        await browser.GetAsync("/account/login");
        await browser.PostAsync("/account/login", ("Input.Email", email), ("Input.Password", Password));
        await browser.GetAsync("/routines");
        var signedIn = PrintCookies(browser, baseUrl);
        return signedIn ? 0 : 1;
    }

    private static bool PrintCookies(Browser browser, Uri baseUrl)
    {
        var cookies = browser.Cookies.GetCookies(baseUrl);
        var auth = cookies.Where(c => c.Name.EndsWith("stretchlibrary.auth", StringComparison.Ordinal)).ToList();
        Console.WriteLine($"COOKIE='{string.Join("; ", cookies.Select(c => $"{c.Name}={c.Value}"))}'");
        Console.WriteLine($"AUTH_COOKIE='{string.Join("; ", auth.Select(c => $"{c.Name}={c.Value}"))}'");
        return auth.Count == 1;
    }
}
