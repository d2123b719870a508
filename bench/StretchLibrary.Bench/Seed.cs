using System.Globalization;

namespace StretchLibrary.Bench;

/// <summary>
/// A signed-in user with 3 routines and a few hundred completions, made through the app's own forms. Prints
/// the routine id and the auth cookie header for wrk.
/// </summary>
internal static class Seed
{
    public static async Task<int> RunAsync(Uri baseUrl)
    {
        using var browser = new Browser(baseUrl);
        await browser.GetAsync("/account/register");
        await browser.PostAsync("/account/register", ("Input.Email", "bench@example.com"), ("Input.Password", "bench passphrase 2026"), ("Input.ConfirmPassword", "bench passphrase 2026"));
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
        for (var i = 0; i < 300; i++)
        {
            var routine = routineIds[i % 3];
            var date = today.AddDays(-(i / 3)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var status = await browser.PostAsync($"/routines/{routine}/done", ("Input.Date", date), ("Input.Stretches", "chin-tucks"), ("Input.Stretches", "backward-shoulder-rolls"), ("Input.Stretches", "prone-w"), ("Input.PainBefore", (i % 7 + 2).ToString(CultureInfo.InvariantCulture)), ("Input.PainAfter", (i % 4 + 1).ToString(CultureInfo.InvariantCulture)));
            stored += status is System.Net.HttpStatusCode.OK && !browser.LastUrl.AbsolutePath.EndsWith("/done", StringComparison.Ordinal) ? 1 : 0;
        }

        var cookies = browser.Cookies.GetCookies(baseUrl);
        Console.WriteLine($"ROUTINE_ID={routineIds[0]}");
        Console.WriteLine($"COOKIE='{string.Join("; ", cookies.Select(c => $"{c.Name}={c.Value}"))}'");
        Console.WriteLine($"COMPLETIONS={stored}");
        return stored == 300 ? 0 : 1;
    }
}
