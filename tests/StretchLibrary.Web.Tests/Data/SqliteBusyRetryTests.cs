using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Accounts.Tokens;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Routines;
using StretchLibrary.Web.Routines.Reminders;
using StretchLibrary.Web.Routines.Sessions;
using StretchLibrary.Web.Routines.Sharing;
using StretchLibrary.Web.Tests.Pages.Routines;

namespace StretchLibrary.Web.Tests.Data;

[Trait("Provider", "Sqlite")]
public sealed class SqliteBusyRetryTests : IDisposable
{
    private readonly LibraryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData(5, true)] // SQLITE_BUSY
    [InlineData(6, true)] // SQLITE_LOCKED
    [InlineData(261, true)] // SQLITE_BUSY_RECOVERY
    [InlineData(517, true)] // SQLITE_BUSY_SNAPSHOT
    [InlineData(19, false)] // SQLITE_CONSTRAINT
    [InlineData(11, false)] // SQLITE_CORRUPT
    [InlineData(1, false)] // SQLITE_ERROR
    public void Only_busy_and_locked_errors_count_as_busy(int code, bool busy) =>
        Assert.Equal(busy, SqliteBusyRetry.IsBusy(new SqliteException("test", code)));

    [Fact]
    public async Task A_unit_of_work_that_meets_a_busy_database_twice_succeeds_on_the_third_try()
    {
        await using var scope = await StartedAsync();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var strategy = db.Database.CreateExecutionStrategy();
        var tries = 0;

        var count = await strategy.ExecuteAsync(async () =>
        {
            if (++tries < 3)
            {
                throw new SqliteException("database is locked", 5);
            }

            return await db.Routines.CountAsync();
        });

        Assert.IsType<SqliteBusyRetry>(strategy);
        Assert.Equal((3, 0), (tries, count));
    }

    [Fact]
    public async Task Retries_stop_after_five_tries()
    {
        await using var scope = await StartedAsync();
        var strategy = scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.CreateExecutionStrategy();
        var tries = 0;

        var failure = await Assert.ThrowsAsync<RetryLimitExceededException>(() => strategy.ExecuteAsync(() =>
        {
            tries++;
            return Task.FromException<int>(new SqliteException("database is locked", 5));
        }));

        Assert.Equal(SqliteBusyRetry.MaxTries, tries);
        Assert.IsType<SqliteException>(failure.InnerException);
    }

    [Fact]
    public async Task Other_errors_are_not_retried()
    {
        await using var scope = await StartedAsync();
        var strategy = scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.CreateExecutionStrategy();
        var tries = 0;

        await Assert.ThrowsAsync<SqliteException>(() => strategy.ExecuteAsync(() =>
        {
            tries++;
            return Task.FromException<int>(new SqliteException("UNIQUE constraint failed", 19));
        }));

        Assert.Equal(1, tries);
    }

    [Fact]
    public async Task A_save_waits_while_another_connection_holds_the_write_lock_and_then_succeeds()
    {
        var visitor = new RoutineClient(_factory.CreateClient());
        await visitor.AddAsync("chin-tucks", newRoutine: "Desk");
        await visitor.GetAsync($"/routines/{visitor.RoutineId}");
        await using var holder = new SqliteConnection(_factory.ConnectionString);
        await holder.OpenAsync();
        await using (var begin = holder.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE;";
            await begin.ExecuteNonQueryAsync();
        }

        var save = visitor.SubmitAsync("form.done-form");
        await Task.Delay(1500);
        var waited = !save.IsCompleted;
        await using (var commit = holder.CreateCommand())
        {
            commit.CommandText = "COMMIT;";
            await commit.ExecuteNonQueryAsync();
        }

        await save;
        Assert.True(waited, "the save did not wait for the lock");
        Assert.Equal("1", visitor.Stat("total"));
    }

    private async Task<AsyncServiceScope> StartedAsync()
    {
        using var response = await _factory.CreateClient().GetAsync("/healthz");
        return _factory.Services.CreateAsyncScope();
    }
}
