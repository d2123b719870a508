using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StretchLibrary.Web.Platform.Caching;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Routines;
using StretchLibrary.Web.Tests.Pages.Routines;

namespace StretchLibrary.Web.Tests.Caching;

/// <summary>
/// The one cache-invalidation rule (<see cref="UserDataChanges"/>): a change to a user's rows made anywhere (a request,
/// a background job, a bulk statement) is on the owner's next page view, with no code forgetting by hand.
/// </summary>
public sealed class UserDataChangesTests : IDisposable
{
    private readonly LibraryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<(RoutineClient Owner, string Url)> CachedRoutinePageAsync()
    {
        var owner = new RoutineClient(_factory.CreateClient());
        await owner.AddAsync("chin-tucks", newRoutine: "Desk");
        var url = $"/routines/{owner.RoutineId}";
        using var first = await owner.Http.GetAsync(url);
        using var second = await owner.Http.GetAsync(url);
        Assert.True(second.Headers.Contains("Age"), "the second view came from the page cache");
        return (owner, url);
    }

    private static async Task<string> ViewAsync(RoutineClient owner, string url)
    {
        using var response = await owner.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task A_tracked_change_outside_any_request_is_on_the_next_view()
    {
        var (owner, url) = await CachedRoutinePageAsync();

        await _factory.WithDbAsync(async db =>
        {
            var routine = await db.Routines.SingleAsync(r => r.Id == owner.RoutineId);
            routine.Name = "Renamed by a job";
            return await db.SaveChangesAsync();
        });

        Assert.Contains("Renamed by a job", await ViewAsync(owner, url));
    }

    [Fact]
    public async Task An_item_added_outside_any_request_forgets_its_routines_owner()
    {
        var (owner, url) = await CachedRoutinePageAsync();

        await _factory.WithDbAsync(db =>
        {
            db.RoutineItems.Add(new RoutineItem { RoutineId = owner.RoutineId, Position = 1, StretchSlug = "seated-cervical-rotation" });
            return db.SaveChangesAsync();
        });

        var page = await ViewAsync(owner, url);
        Assert.Contains("/stretches/seated-cervical-rotation", page);
    }

    [Fact]
    public async Task An_untagged_bulk_statement_forgets_everyone_and_a_tagged_one_its_owners()
    {
        var (owner, url) = await CachedRoutinePageAsync();
        var ownerId = await _factory.WithDbAsync(db => db.Routines.Where(r => r.Id == owner.RoutineId).Select(r => r.OwnerId).SingleAsync());

        await _factory.WithDbAsync(db => db.Routines.Where(r => r.Id == owner.RoutineId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Name, "Bulk one")));
        Assert.Contains("Bulk one", await ViewAsync(owner, url));
        await ViewAsync(owner, url);

        await _factory.WithDbAsync(db => db.Routines.TagWith(UserDataChanges.TagOwners(ownerId)).Where(r => r.Id == owner.RoutineId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Name, "Bulk two")));
        Assert.Contains("Bulk two", await ViewAsync(owner, url));
    }

    [Fact]
    public async Task A_bulk_statement_that_changes_no_rows_forgets_nothing()
    {
        var (owner, url) = await CachedRoutinePageAsync();

        // A background job's clean-up with nothing to clean: untagged, so it would forget everyone had it changed rows.
        var changed = await _factory.WithDbAsync(db => db.Routines.Where(r => r.Name == "no such routine").ExecuteDeleteAsync());

        Assert.Equal(0, changed);
        using var response = await owner.Http.GetAsync(url);
        Assert.True(response.Headers.Contains("Age"), "the cached page stays: nothing changed");
    }

    [Fact]
    public async Task A_change_inside_a_transaction_is_forgotten_when_it_commits_and_not_when_it_rolls_back()
    {
        var (owner, url) = await CachedRoutinePageAsync();

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            (await db.Routines.SingleAsync(r => r.Id == owner.RoutineId)).Name = "Rolled back";
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        using (var response = await owner.Http.GetAsync(url))
        {
            Assert.True(response.Headers.Contains("Age"), "a rollback changed nothing, so the cached page stays");
            Assert.DoesNotContain("Rolled back", await response.Content.ReadAsStringAsync());
        }

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            (await db.Routines.SingleAsync(r => r.Id == owner.RoutineId)).Name = "Committed";
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        Assert.Contains("Committed", await ViewAsync(owner, url));
    }

    [Fact]
    public void Forgetting_one_users_pages_again_and_again_does_not_flush_everyone_elses()
    {
        var cache = new PageCache(TimeProvider.System, maxBytes: 50_000);
        var body = new byte[1_000];
        CachedPage Page() => new([], body, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(1));
        var key = new PageKey("https", "localhost", null, "/routines/1", null, "af");
        var other = cache.Current;
        cache.Store(other, other.PagesOf("quiet"), key, Page());

        for (var i = 0; i < 500; i++)
        {
            var generation = cache.Current;
            cache.Store(generation, generation.PagesOf("busy"), key, Page());
            cache.Invalidate("busy");
        }

        Assert.True(cache.TryGet(cache.Current.PagesOf("quiet"), key, out _), "500 KB stored and forgotten through a 50 KB cache left the quiet user's page");
    }
}
