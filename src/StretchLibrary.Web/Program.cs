using Serilog;
using StretchLibrary.Web.Api;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Caching;
using StretchLibrary.Web.Content;
using StretchLibrary.Web.Data;
using StretchLibrary.Web.Health;
using StretchLibrary.Web.Pages;
using StretchLibrary.Web.Pages.Routines;
using StretchLibrary.Web.Security;

if (args is ["validate-content", .. var rest])
{
    return ValidateContentCommand.Run(rest, Console.Out);
}

if (args is ["migrate", .. var migrateArgs])
{
    return await MigrateCommand.RunAsync(migrateArgs, Console.Out, Console.Error);
}

if (args is ["copy-to-postgres", .. var copyArgs])
{
    return await CopyToPostgresCommand.RunAsync(copyArgs, Console.Out, Console.Error);
}

if (args is ["render-figures", .. var figureArgs])
{
    return RenderFiguresCommand.Run(figureArgs, Console.Out, Console.Error);
}

if (args is ["new-key-certificate", .. var certificateArgs])
{
    return KeyCertificate.CreateCommand(certificateArgs, Console.Out, Console.Error);
}

if (args is ["backup", .. var backupArgs])
{
    // The same settings the app reads (appsettings, environment), for the same database.
    var settings = WebApplication.CreateBuilder();
    if (!DatabaseOptions.From(settings.Configuration).IsSqlite)
    {
        Console.Error.WriteLine("backup copies a SQLite database; for PostgreSQL use pg_dump.");
        return 1;
    }

    return await BackupCommand.RunAsync(DataServiceCollectionExtensions.ConnectionString(settings.Configuration, settings.Environment.ContentRootPath), backupArgs, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);

// Serilog from configuration; registered through DI (not a static bootstrap logger) so test hosts can
// build the app many times in one process.
// preserveStaticLogger: each host keeps its own logger, and request logging below is handed that one, so hosts
// sharing a process never write through another host's logger (the static Log.Logger).
// Control characters in logged values are escaped last, after every other enricher: no value forges a line.
builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services)
    .Enrich.With<ControlCharacterEscaper>(), preserveStaticLogger: true);

builder.Services.AddContentLibrary();
builder.Services.AddAppData(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddScoped<CurrentUser>();
builder.Services.AddScoped<GuestAccounts>();
builder.Services.AddScoped<PasswordSignIn>();
builder.Services.AddHostedService<GuestCleanup>();
builder.Services.AddAccountMail(builder.Configuration);
builder.Services.AddOptions<StretchLibrary.Web.Pages.Routines.SessionOptions>().BindConfiguration("Session");
builder.Services.AddPageCache(builder.Configuration, out var cachingProblem);
builder.Services.AddSharedState(builder.Configuration, out var sharedStateProblem);
builder.Services.AddPublicLinks(builder.Configuration, builder.Environment, out var originProblem);
if ((cachingProblem ?? sharedStateProblem ?? originProblem) is { } settingsProblem)
{
    Console.Error.WriteLine(settingsProblem);
    return 1;
}

builder.Services.AddRazorPages();
builder.Services.AddStretchLibraryApi();
builder.AddAppSecurity();

var app = builder.Build();

// Load content now, so a broken folder is reported at start rather than on the first request. It loads (drawing
// every figure) while the database is prepared: the two are most of start-up.
var contentLoad = Task.Run(app.Services.GetRequiredService<ContentStore>);
var databaseProblem = await app.Services.PrepareDatabaseAsync();
var content = await contentLoad;
if (!Directory.Exists(content.RootPath))
{
    Console.Error.WriteLine($"Content folder not found: {content.RootPath}. Set Content__RootPath to the folder holding stretches/ and guides/.");
    return 1;
}

if (databaseProblem is not null)
{
    Console.Error.WriteLine(databaseProblem);
    return 1;
}

// Outermost, so every text answer is compressed for a browser that takes it, error pages too; pages the page cache
// sends it compresses itself (Caching/Compression.cs says when compression is left off).
app.UseResponseCompression();
if (!app.Environment.IsDevelopment())
{
    // A database that is down or restarting answers 503 ("try again"), anything else 500; both get the friendly page.
    app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/Error", StatusCodeSelector = DatabaseFailures.StatusCode });
}

app.UseAppTransport();
// Cached pages (library pages for anonymous visitors, a user's own routine pages) are answered here, from
// memory, before request logging, routing and authorization, which is what makes them as cheap as static files.
app.UsePageCache();
// Friendly 404s: re-run the pipeline for the error page, keeping the status code.
app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
// ...except under /api/v1, where every error is a problem details document.
app.UseApiProblems();
// Paths that carry a secret (share links, calendar feeds) are logged with the secret redacted.
app.UseSerilogRequestLogging(options =>
{
    options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
    options.GetMessageTemplateProperties = LoggedPaths.RequestProperties;
});
app.UseRouting();
// Cache-Control: no-store on every answer of a [NoStore] endpoint (tokens, new links, exports, /api/v1/me).
app.UseNoStore();
app.UseCors();
// Security headers, the cross-site check on unsafe requests, authentication, then rate limits (after status-code
// pages, so a 403 or 429 gets the friendly page).
app.UseAppSecurity();
// Whose page this is, for the service worker's offline copies (Caching/OfflineCopies.cs).
app.UseOfflineCopies();
// Caching:AnonymousPages=OutputCache only: the built-in output cache, after authentication (Caching/AnonymousOutputCache.cs).
app.UseAnonymousOutputCache();
app.UseAuthorization();
app.MapStaticAssets();
app.MapHealthChecks("/healthz", new() { ResponseWriter = HealthReportWriter.WriteAsync });
app.MapSiteIndex();
app.MapRazorPages().WithStaticAssets();
app.MapOfflineSessions();
app.MapStretchLibraryApi();

await app.RunAsync();
return 0;

public partial class Program;
