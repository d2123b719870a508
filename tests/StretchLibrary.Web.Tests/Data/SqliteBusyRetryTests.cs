using System.Data.Common;
using System.Diagnostics;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using StretchLibrary.Web.Platform.Data;
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

    [Fact]
    public async Task A_write_against_a_database_another_connection_keeps_locked_gives_up_within_the_stated_bound_with_503()
    {
        var visitor = new RoutineClient(_factory.CreateClient());
        await visitor.AddAsync("chin-tucks", newRoutine: "Desk");
        var routineId = visitor.RoutineId;
        await visitor.GetAsync("/routines/add/prone-w");
        var add = visitor.Page!.Form("form[method=post]:not([data-dismiss-banner])");
        await using var holder = new SqliteConnection(_factory.ConnectionString);
        await holder.OpenAsync();
        await using (var begin = holder.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE;";
            await begin.ExecuteNonQueryAsync();
        }

        var clock = Stopwatch.StartNew();
        var save = visitor.Http.SubmitAsync(add, ("RoutineId", routineId));
        var first = await Task.WhenAny(save, Task.Delay(Bound * 3));

        Assert.True(first == save, $"the write was still waiting after {clock.Elapsed.TotalSeconds:0} s");
        using var response = await save;
        var waited = clock.Elapsed;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("<h1>We’ll be back in a moment</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The stated bound, with room for a loaded test machine.
        Assert.True(waited < Bound + TimeSpan.FromSeconds(5), $"the write gave up after {waited.TotalSeconds:0.0} s (bound {Bound.TotalSeconds} s)");
        await using (var rollback = holder.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK;";
            await rollback.ExecuteNonQueryAsync();
        }

        Assert.Equal(1, await _factory.WithDbAsync(db => db.RoutineItems.CountAsync(i => i.RoutineId == routineId)));
    }

    [Fact]
    public async Task An_import_that_meets_a_busy_database_is_retried_as_one_unit()
    {
        var busy = new BusyOnce("INSERT INTO \"Routines\"");
        var app = _factory.WithWebHostBuilder(host => host.ConfigureServices(services =>
            services.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(busy))));
        var visitor = new RoutineClient(app.CreateClient());
        var page = await visitor.GetAsync("/account/import");
        var form = page.Form("form.import-form");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value), "__RequestVerificationToken" },
            { new StringContent(""), "Tz" },
        };
        var upload = new ByteArrayContent("""{"format":"stretchlibrary-export","version":1,"routines":[{"name":"Imported","items":[{"slug":"chin-tucks"}],"completions":[{"date":"2026-11-02","completedAtUtc":"2026-11-02T08:00:00Z","stretches":["chin-tucks"]}]}]}"""u8.ToArray());
        upload.Headers.ContentType = new("application/json");
        content.Add(upload, "Upload", "export.json");

        using var response = await visitor.Http.PostAsync(new Uri(new Uri(page.Url), form.GetAttribute("action") ?? ""), content);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
        Assert.True(busy.Thrown == 1, body);
        Assert.Contains("Imported 1 routine with 1 session.", body, StringComparison.Ordinal);
        // The first try's guest account went with its routines: one account, one routine, one session.
        Assert.Equal((1, 1, 1), await _factory.WithDbAsync(async db => (await db.Users.CountAsync(), await db.Routines.CountAsync(), await db.Completions.CountAsync())));
        Assert.Equal(await _factory.WithDbAsync(db => db.Users.Select(u => u.Id).SingleAsync()), await _factory.WithDbAsync(db => db.Routines.Select(r => r.OwnerId).SingleAsync()));
        var routines = await visitor.GetAsync("/routines");
        Assert.Contains("Imported", routines.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>The most a write waits on a locked database before answering 503 (README, "Data").</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    /// <summary>Fails the first command that contains <paramref name="sql"/> as a busy database would.</summary>
    private sealed class BusyOnce(string sql) : DbCommandInterceptor
    {
        private int _thrown;

        public int Thrown => _thrown;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            command.CommandText.Contains(sql, StringComparison.Ordinal) && Interlocked.Exchange(ref _thrown, 1) == 0
                ? throw new SqliteException("database is locked", 5)
                : ValueTask.FromResult(result);
    }

    private async Task<AsyncServiceScope> StartedAsync()
    {
        using var response = await _factory.CreateClient().GetAsync("/healthz");
        return _factory.Services.CreateAsyncScope();
    }
}
