using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Routines;
using StretchLibrary.Web.Routines.Sessions;

namespace StretchLibrary.Web.Tests.Pages.Routines;

/// <summary>What one account may hold (Routines/AccountLimits.cs: 200 routines, 100 stretches each, 20,000 sessions), enforced where they are made.</summary>
public sealed class AccountLimitsTests : IDisposable
{
    private static readonly string[] ChinTucks = ["chin-tucks"];

    private readonly LibraryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    /// <summary>A visitor with one routine (chin tucks) made through the form, and its owner's id.</summary>
    private async Task<(RoutineClient Visitor, string OwnerId)> OwnerAsync()
    {
        var visitor = new RoutineClient(_factory.CreateClient());
        await visitor.AddAsync("chin-tucks", newRoutine: "Made by hand");
        var routineId = visitor.RoutineId;
        return (visitor, await _factory.WithDbAsync(db => db.Routines.Where(r => r.Id == routineId).Select(r => r.OwnerId).SingleAsync()));
    }

    [Fact]
    public async Task A_new_routine_past_the_account_limit_is_refused_with_a_message()
    {
        var (visitor, ownerId) = await OwnerAsync();
        await _factory.WithDbAsync(db =>
        {
            db.Routines.AddRange(Enumerable.Range(1, 199).Select(i => new Routine { OwnerId = ownerId, Name = $"Routine {i}" }));
            return db.SaveChangesAsync();
        });
        await visitor.GetAsync("/routines/add/prone-w");

        var page = await visitor.SubmitAsync("form[method=post]:not([data-dismiss-banner])", ("RoutineId", 0), ("NewName", "One too many"));

        Assert.Equal("An account holds up to 200 routines: delete one to make another.", page.QuerySelector("[data-valmsg-for=NewName]")?.TextContent);
        Assert.Equal(200, await _factory.WithDbAsync(db => db.Routines.CountAsync(r => r.OwnerId == ownerId)));
    }

    [Fact]
    public async Task A_stretch_past_the_routine_limit_is_refused_with_a_message()
    {
        var (visitor, _) = await OwnerAsync();
        var routineId = visitor.RoutineId;
        await _factory.WithDbAsync(db =>
        {
            db.RoutineItems.AddRange(Enumerable.Range(1, 99).Select(i => new RoutineItem { RoutineId = routineId, Position = i, StretchSlug = $"retired-{i}" }));
            return db.SaveChangesAsync();
        });

        var page = await visitor.AddAsync("prone-w", routineId: routineId);

        Assert.Contains("A routine holds up to 100 stretches. Prone W was not added", page.QuerySelector(".flash")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(100, await _factory.WithDbAsync(db => db.RoutineItems.CountAsync(i => i.RoutineId == routineId)));
    }

    [Fact]
    public async Task A_session_past_the_account_limit_is_refused_by_the_form_and_the_offline_replay()
    {
        var (visitor, ownerId) = await OwnerAsync();
        var routineId = visitor.RoutineId;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await _factory.WithDbAsync(db =>
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Completions.AddRange(Enumerable.Range(0, 20_000).Select(i => new Completion
            {
                RoutineId = routineId,
                OwnerId = ownerId,
                LocalDate = today.AddDays(-(i / 10)),
                CompletedAtUtc = DateTimeOffset.UtcNow,
                StretchSlugs = ["chin-tucks"],
            }));
            return db.SaveChangesAsync();
        });

        var page = await visitor.MarkDoneAsync(today);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/routines/{routineId}/sessions")
        {
            Content = JsonContent.Create(new { clientId = Guid.NewGuid(), date = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), stretches = ChinTucks }),
        };
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        using var replay = await visitor.Http.SendAsync(request);

        Assert.Contains("An account holds up to 20,000 sessions, so this one was not saved.", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, replay.StatusCode);
        Assert.Equal(20_000, await _factory.WithDbAsync(db => db.Completions.CountAsync(c => c.OwnerId == ownerId)));
    }
}
