using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Platform.Caching;
using StretchLibrary.Web.Platform.Data;

namespace StretchLibrary.Web.Platform;

/// <summary>
/// The verbs <c>dotnet StretchLibrary.Web.dll VERB ...</c> runs instead of the app, each with the same settings the app
/// reads (appsettings, environment). Each prints what it did or one line saying why not, and exits with its code.
/// </summary>
public static class Commands
{
    private static readonly Dictionary<string, Func<string[], Task<int>>> Verbs = new(StringComparer.Ordinal)
    {
        ["validate-content"] = args => Task.FromResult(ValidateContentCommand.Run(args, Console.Out)),
        ["render-figures"] = args => Task.FromResult(RenderFiguresCommand.Run(args, Console.Out, Console.Error)),
        ["migrate"] = args => MigrateCommand.RunAsync(args, Console.Out, Console.Error),
        ["copy-to-postgres"] = args => CopyToPostgresCommand.RunAsync(args, Console.Out, Console.Error),
        ["backup"] = BackupAsync,
        ["new-key-certificate"] = args => Task.FromResult(KeyCertificate.CreateCommand(args, Console.Out, Console.Error)),
    };

    /// <summary>The verb <paramref name="args"/> name, ready to run; null when they name none (run the app).</summary>
    public static Func<Task<int>>? Find(string[] args) =>
        args is [var verb, .. var rest] && Verbs.TryGetValue(verb, out var run) ? () => run(rest) : null;

    private static async Task<int> BackupAsync(string[] args)
    {
        var settings = WebApplication.CreateBuilder();
        if (!DatabaseOptions.From(settings.Configuration).IsSqlite)
        {
            await Console.Error.WriteLineAsync("backup copies a SQLite database; for PostgreSQL use pg_dump.");
            return 1;
        }

        var connectionString = DataServiceCollectionExtensions.ConnectionString(settings.Configuration, settings.Environment.ContentRootPath);
        return await BackupCommand.RunAsync(connectionString, args, Console.Out, Console.Error);
    }
}
