using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StretchLibrary.Web.Data;

namespace StretchLibrary.Web.Tests.Data;

[Trait("Provider", "Sqlite")]
public sealed class SqlitePragmasTests : IDisposable
{
    private readonly LibraryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Every_connection_the_app_opens_waits_for_locks_commits_durably_and_checks_foreign_keys()
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
