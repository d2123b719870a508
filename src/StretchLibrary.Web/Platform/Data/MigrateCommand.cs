using Microsoft.EntityFrameworkCore;

namespace StretchLibrary.Web.Platform.Data;

/// <summary>
/// <c>migrate</c>: applies pending migrations to the configured database (same settings as the app) and exits; the
/// deploy step when instances run with <c>Database:MigrateOnStart=false</c>, so they never race on migrations.
/// </summary>
public static class MigrateCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.ClearProviders();
        // What the operator must know (waiting for another migration, a cleared lock) goes to stderr.
        builder.Logging.AddProvider(new WarningsTo(error));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddAppData(builder.Configuration, builder.Environment.ContentRootPath);
        await using var app = builder.Build();
        if (await app.Services.PrepareDatabaseAsync(migrate: true) is { } problem)
        {
            await error.WriteLineAsync(problem);
            return 1;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
        await output.WriteLineAsync($"Database ({DatabaseOptions.From(builder.Configuration).Provider}) is up to date: {applied.Count} migrations, latest {applied.LastOrDefault() ?? "none"}.");
        return 0;
    }

    private sealed class WarningsTo(TextWriter writer) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                writer.WriteLine(formatter(state, exception));
            }
        }

        public void Dispose()
        {
        }
    }
}
