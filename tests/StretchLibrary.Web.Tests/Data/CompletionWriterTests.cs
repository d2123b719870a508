using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Routines;
using StretchLibrary.Web.Routines.Sessions;

namespace StretchLibrary.Web.Tests.Data;

/// <summary>The group-commit writer behind "Mark done": acknowledgements, errors and shutdown.</summary>
[Trait("Provider", "Sqlite")]
public sealed class CompletionWriterTests : IAsyncLifetime, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stretchlibrary-writer-").FullName;
    private ServiceProvider _services = default!;
    private CompletionWriter _writer = default!;
    private int _routineId;

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([
            new("ConnectionStrings:Default", $"Data Source={Path.Join(_folder, "app.db")}"),
        ]).Build();
        _services = new ServiceCollection().AddLogging().AddAppData(configuration, _folder).BuildServiceProvider();
        Assert.Null(await _services.PrepareDatabaseAsync());
        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var user = new AppUser { UserName = "writer", TimeZoneId = "UTC" };
            db.Users.Add(user);
            var routine = new Routine { OwnerId = user.Id, Name = "R" };
            db.Routines.Add(routine);
            await db.SaveChangesAsync();
            _routineId = routine.Id;
        }

        _writer = _services.GetRequiredService<CompletionWriter>();
        await _writer.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _writer.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }

    public void Dispose()
    {
        GC.SuppressFinalize(this);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Concurrent_completions_are_all_stored_before_they_are_acknowledged()
    {
        var acknowledged = 0;

        await Task.WhenAll(Enumerable.Range(0, 300).Select(async i =>
        {
            await _writer.AddAsync(Completion(_routineId, i), CancellationToken.None);
            Interlocked.Increment(ref acknowledged);
        }));

        Assert.Equal(300, acknowledged);
        Assert.Equal(300, await CountAsync());
    }

    [Fact]
    public async Task A_row_that_cannot_be_stored_fails_alone_and_its_batch_neighbours_are_kept()
    {
        var good = Enumerable.Range(0, 50).Select(i => _writer.AddAsync(Completion(_routineId, i), CancellationToken.None)).ToList();
        var bad = _writer.AddAsync(Completion(routineId: 999_999, 0), CancellationToken.None);
        good.AddRange(Enumerable.Range(50, 50).Select(i => _writer.AddAsync(Completion(_routineId, i), CancellationToken.None)));

        await Task.WhenAll(good);
        await Assert.ThrowsAsync<RoutineGoneException>(() => bad);

        Assert.Equal(100, await CountAsync());
    }

    [Fact]
    public async Task A_session_for_a_routine_deleted_meanwhile_fails_as_routine_gone_not_as_a_database_error()
    {
        await using (var scope = _services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Routines.Where(r => r.Id == _routineId).ExecuteDeleteAsync();
        }

        var error = await Assert.ThrowsAsync<RoutineGoneException>(() => _writer.AddAsync(Completion(_routineId, 0), CancellationToken.None));

        Assert.IsType<DbUpdateException>(error.InnerException);
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task Stopping_ends_every_queued_write_stored_or_refused_and_the_writer_finishes()
    {
        // More than the queue holds, so some writers are still waiting for room when the host stops.
        var writes = Enumerable.Range(0, 10_500).Select(i => _writer.AddAsync(Completion(_routineId, i), CancellationToken.None)).ToList();

        await _writer.StopAsync(CancellationToken.None);
        var late = _writer.AddAsync(Completion(_routineId, 0), CancellationToken.None);

        writes.Add(late);
        try
        {
            // A write that neither stored nor refused its row would hang here (and time out).
            await Task.WhenAll(writes).WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (Exception ex) when (ex is not TimeoutException)
        {
            // Refused writes (queued after the stop began) throw; they are counted below.
        }

        Assert.Equal(writes.Count(w => w.IsCompletedSuccessfully), await CountAsync());
        Assert.True(_writer.ExecuteTask?.IsCompleted ?? true);
    }

    private static Completion Completion(int routineId, int i) => new()
    {
        RoutineId = routineId,
        OwnerId = "owner",
        LocalDate = new DateOnly(2026, 1, 1).AddDays(i % 300),
        CompletedAtUtc = DateTimeOffset.UnixEpoch,
        StretchSlugs = ["chin-tucks"],
    };

    private async Task<int> CountAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Completions.CountAsync();
    }
}
