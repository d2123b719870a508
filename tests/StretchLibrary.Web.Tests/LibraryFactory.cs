using AngleSharp;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace StretchLibrary.Web.Tests;

/// <summary>
/// The real app over a chosen content folder (the shipped one by default) and its own database, deleted on
/// dispose: a SQLite file in a temporary folder or, when <c>STRETCHLIBRARY_TEST_PROVIDER=Postgres</c> (tests/run's
/// second pass), a new database on the throwaway PostgreSQL server in <c>STRETCHLIBRARY_TEST_POSTGRES</c>.
/// </summary>
public class LibraryFactory : WebApplicationFactory<Program>
{
    private readonly string _dataFolder = Path.Join(Path.GetTempPath(), "stretchlibrary-tests", "db-" + Guid.NewGuid().ToString("n"));
    private readonly string _postgresDatabase = "test_" + Guid.NewGuid().ToString("n");

    /// <summary>True in the pass over PostgreSQL.</summary>
    public static bool OnPostgres => Environment.GetEnvironmentVariable("STRETCHLIBRARY_TEST_PROVIDER") == "Postgres";

    /// <summary>The throwaway server tests/run started (no database named).</summary>
    public static string PostgresServer => Environment.GetEnvironmentVariable("STRETCHLIBRARY_TEST_POSTGRES")
        ?? throw new InvalidOperationException("STRETCHLIBRARY_TEST_POSTGRES is not set: run the PostgreSQL pass through tests/run.");

    public string ContentRoot { get; set; } = TempContent.ShippedRoot;

    public string DatabasePath => Path.Join(_dataFolder, "app.db");

    public string ConnectionString => OnPostgres ? $"{PostgresServer};Database={_postgresDatabase}" : $"Data Source={DatabasePath}";

    /// <summary>Where account mail is written as .eml files when no SMTP server is set.</summary>
    public string MailFolder => Path.Join(_dataFolder, "mail");

    /// <summary>The clock the app sees; the real one unless a test sets it before the first request.</summary>
    public MutableClock Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>Every event the app logs, when set before it starts.</summary>
    public LogCapture? Log { get; init; }

    /// <summary>Settings for this app only (e.g. lower rate limits), applied before it starts.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    public LibraryFactory()
    {
        // As served in production: over HTTPS, so cookies are Secure and __Host- prefixed.
        ClientOptions.BaseAddress = new Uri("https://localhost");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Content:RootPath", ContentRoot);
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("Database:Provider", OnPostgres ? "Postgres" : "Sqlite");
        // The test server has no URL of its own to infer HTTPS from; say so, as a TLS deployment would.
        builder.UseSetting("Security:HttpsOnly", "true");
        // No SMTP server unless a test sets one: account mail goes to .eml files in this app's own folder.
        builder.UseSetting("Email:PickupFolder", MailFolder);
        // The address the test client uses, as an operator sets theirs (required outside Development).
        builder.UseSetting("App:PublicOrigin", "https://localhost");
        // Keys shared through Redis must be encrypted: every test app with Redis uses the tests' certificate.
        if (Settings.ContainsKey("Redis:Configuration"))
        {
            builder.UseSetting("DataProtection:CertificatePath", Caching.TestKeyCertificate.Path);
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            if (Log is not null)
            {
                // Serilog's ReadFrom.Services adds every registered sink.
                services.AddSingleton<Serilog.Core.ILogEventSink>(Log);
            }
        });
    }

    /// <summary>A scope's DbContext, for arranging data and checking what handlers stored.</summary>
    public async Task<T> WithDbAsync<T>(Func<StretchLibrary.Web.Platform.Data.AppDbContext, Task<T>> use)
    {
        await using var scope = Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<StretchLibrary.Web.Platform.Data.AppDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (OnPostgres)
        {
            DropPostgresDatabase();
        }

        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private void DropPostgresDatabase()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        using var connection = new Npgsql.NpgsqlConnection($"{PostgresServer};Database=postgres");
        connection.Open();
        using var drop = connection.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)";
        drop.ExecuteNonQuery();
    }
}

public static class HtmlHelpers
{
    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return await response.ReadDocumentAsync();
    }

    public static async Task<IHtmlDocument> ReadDocumentAsync(this HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return (IHtmlDocument)await context.OpenAsync(request => request.Content(html).Address(response.RequestMessage!.RequestUri!));
    }
}

/// <summary>A clock tests can set; time does not move on its own.</summary>
public sealed class MutableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
