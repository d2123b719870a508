using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Tests.Pages.Routines;

namespace StretchLibrary.Web.Tests.Data;

[Trait("Provider", "Sqlite")]
public sealed class SqlitePragmasTests : IDisposable
{
    private readonly LibraryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Every_connection_the_app_opens_waits_for_locks_commits_durably_checks_foreign_keys_and_overwrites_deletions()
    {
        _ = _factory.Services;

        // Many contexts, each opening and closing as EF does per query: the pool hands the same native connections out again.
        for (var i = 0; i < 20; i++)
        {
            await using var scope = _factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

            Assert.Equal(5000L, await PragmaAsync(db, "busy_timeout"));
            Assert.Equal(2L, await PragmaAsync(db, "synchronous"));
            Assert.Equal(1L, await PragmaAsync(db, "foreign_keys"));
            Assert.Equal(1L, await PragmaAsync(db, "secure_delete"));
        }
    }

    [Fact]
    public async Task A_deleted_account_leaves_no_trace_of_its_email_or_routines_in_the_database_file()
    {
        const string Email = "quokka.zanzibar.4711@example.com", RoutineName = "Marmalade-Periwinkle-Routine", Password = "correct horse battery";
        var visitor = new RoutineClient(_factory.CreateClient());
        await visitor.AddAsync("chin-tucks", newRoutine: RoutineName);
        await visitor.MarkDoneAsync(DateOnly.FromDateTime(DateTime.UtcNow));
        await visitor.RegisterAsync(Email, Password);
        await Checkpoint();
        Assert.True(Contains(Email), "the email is in the file before the deletion (so the search can find it)");

        await visitor.GetAsync("/account/delete");
        await visitor.SubmitAsync("main form[method=post]:not([data-dismiss-banner])", ("Password", Password));
        await Checkpoint();

        Assert.False(Contains(Email), "the email is still in the database file");
        Assert.False(Contains(Email.ToUpperInvariant()), "the normalised email is still in the database file");
        Assert.False(Contains(RoutineName), "the routine's name is still in the database file");

        // Move every page from the write-ahead log into the file, as happens on its own once the log grows.
        Task Checkpoint() => _factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)"));

        bool Contains(string text)
        {
            using var file = new FileStream(_factory.DatabasePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var bytes = new MemoryStream();
            file.CopyTo(bytes);
            return bytes.ToArray().AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
        }
    }

    private static async Task<long> PragmaAsync(AppDbContext db, string name)
    {
        // Opened through EF, as queries are, so the connection interceptor runs.
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA " + name;
            return (long)(await command.ExecuteScalarAsync())!;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
