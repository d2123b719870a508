using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Platform.Health;

namespace StretchLibrary.Web.Platform;

public static class Startup
{
    /// <summary>
    /// Loads the content (so a broken folder is reported at start, not on the first request) while the database is
    /// prepared (migrated when <c>Database:MigrateOnStart</c>); one line saying why the app cannot start, or null.
    /// </summary>
    public static async Task<string?> PrepareAsync(this WebApplication app)
    {
        var contentLoad = Task.Run(app.Services.GetRequiredService<ContentStore>);
        var databaseProblem = await app.Services.PrepareDatabaseAsync();
        var content = await contentLoad;
        return !Directory.Exists(content.RootPath)
            ? $"Content folder not found: {content.RootPath}. Set Content__RootPath to the folder holding stretches/ and guides/."
            : databaseProblem;
    }

    /// <summary>Outside Development, failures get the friendly page: 503 ("try again") when the database is down or busy, else 500.</summary>
    public static void UseAppErrors(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/Error", StatusCodeSelector = DatabaseFailures.StatusCode });
        }
    }

    /// <summary><c>/healthz</c>: the database and Redis (when configured), as JSON.</summary>
    public static IEndpointConventionBuilder MapAppHealth(this WebApplication app) =>
        app.MapHealthChecks("/healthz", new() { ResponseWriter = HealthReportWriter.WriteAsync });
}
