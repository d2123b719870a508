using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace StretchLibrary.BrowserTests;

/// <summary>
/// The real app on Kestrel, listening on a free loopback port, serving the repository's own <c>content/</c>.
/// </summary>
public sealed class StretchLibraryApp : WebApplicationFactory<Program>
{
    // A port the OS says is free, so parallel runs on one machine don't collide; taken up front (not port 0)
    // because the app's public origin, which its links are built on, names it.
    private readonly int _port = FreePort();

    public StretchLibraryApp()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, _port));
    }

    private readonly string _dataFolder = Path.Join(Path.GetTempPath(), "stretchlibrary-browser-tests", Guid.NewGuid().ToString("n"));

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The address the server listens on, e.g. <c>http://127.0.0.1:41234</c>; starts the server.</summary>
    public Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        return new Uri(addresses.Single());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // Outside Development the app expects published assets; a build output keeps some (the .gz variants
        // that MapStaticAssets prefers) under obj/, which only the build's static web assets manifest finds.
        builder.UseStaticWebAssets();
        // UseSetting (not ConfigureAppConfiguration) so Program.cs sees these while it registers services.
        builder.UseSetting("Content:RootPath", Path.Join(RepositoryRoot, "content"));
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // Guided-session holds at 1/100 of real time, so a whole session takes a second or two.
        builder.UseSetting("Session:HoldScale", "0.01");
        // Served over plain HTTP on loopback: cookies without the Secure flag and __Host- prefix.
        builder.UseSetting("Security:HttpsOnly", "false");
        builder.UseSetting("App:PublicOrigin", $"http://127.0.0.1:{_port}");
        // A database of its own, so tests never touch the developer's App_Data.
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={Path.Join(_dataFolder, "app.db")}");
        // Every test class's visitors come from 127.0.0.1: the per-address limits (guest accounts, sign-ups,
        // sign-ins, imports by visitors) would otherwise refuse a later class's "Add to routine" after the first twenty.
        builder.UseSetting("RateLimits:Guest:PermitLimit", "100000");
        builder.UseSetting("RateLimits:Register:PermitLimit", "100000");
        builder.UseSetting("RateLimits:Login:PermitLimit", "100000");
        builder.UseSetting("RateLimits:Import:PermitLimit", "100000");
        // Account mail (no SMTP server here) goes to that folder too, not to the repository's App_Data.
        builder.UseSetting("Email:PickupFolder", Path.Join(_dataFolder, "mail"));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Join(dir.FullName, "StretchLibrary.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No StretchLibrary.sln above {AppContext.BaseDirectory}.");
    }
}
