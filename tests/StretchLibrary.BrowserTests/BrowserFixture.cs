using System.Diagnostics.CodeAnalysis;

namespace StretchLibrary.BrowserTests;

/// <summary>
/// One app and one Chromium for the whole run; each test opens its own browser context (fresh cookies, viewport
/// and color scheme).
/// </summary>
[SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes the fixture through IAsyncLifetime.DisposeAsync.")]
public sealed class BrowserFixture : IAsyncLifetime
{
    private const string DefaultChromium = "/usr/bin/chromium";

    private readonly StretchLibraryApp _app = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>The app's services, for arranging data in a test (a clinician's program, invitation and patients).</summary>
    public IServiceProvider Services => _app.Services;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture is not initialised.");

    public async Task InitializeAsync()
    {
        BaseAddress = _app.Start();
        // Expectations wait for their condition; on a loaded machine (a CI runner, or the other test passes beside
        // this one) a page can take longer than Playwright's 5 s default to get there.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            // Playwright cannot download its own browser here; use the system Chromium.
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : DefaultChromium,
            Headless = true,
            // Running as root needs --no-sandbox; the rest keep Chromium from waiting on a network it cannot reach.
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
    }

    /// <summary>A fresh context whose relative addresses resolve against the app.</summary>
    public Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        options ??= new();
        options.BaseURL = BaseAddress.ToString();
        return Browser.NewContextAsync(options);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _app.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollectionDefinition : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
