using System.Net;
using Microsoft.EntityFrameworkCore;

namespace StretchLibrary.Web.Tests.Pages.Routines;

/// <summary>
/// "Mark done" with <c>Database:GroupCommit</c> on (the default) and off: the same acknowledgement, the same row,
/// the same answer for a routine deleted meanwhile. (The writer's own race, a routine deleted between the read and
/// the write, is covered for both in <c>CompletionWriterTests</c> and <c>CompletionWriterWithoutGroupCommitTests</c>.)
/// </summary>
public sealed class GroupCommitSettingTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 18);

    private readonly LibraryFactory _factory = new();

    public GroupCommitSettingTests() => _factory.Clock.Now = Now;

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Mark_done_stores_the_row_and_acknowledges_it(bool groupCommit)
    {
        _factory.Settings["Database:GroupCommit"] = groupCommit ? "true" : "false";
        var visitor = new RoutineClient(_factory.CreateClient());
        await visitor.AddAsync("chin-tucks", newRoutine: "Neck");

        var page = await visitor.MarkDoneAsync(Today, ("Input.PainBefore", 4));

        Assert.Contains("Marked done for today", page.QuerySelector(".flash")!.TextContent);
        Assert.Equal("1", visitor.Stat("total"));
        var stored = await _factory.WithDbAsync(db => db.Completions.AsNoTracking().SingleAsync());
        Assert.Equal(visitor.RoutineId, stored.RoutineId);
        Assert.Equal(Today, stored.LocalDate);
        Assert.Equal(4, stored.PainBefore);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Mark_done_on_a_routine_deleted_in_another_tab_answers_404_and_stores_nothing(bool groupCommit)
    {
        _factory.Settings["Database:GroupCommit"] = groupCommit ? "true" : "false";
        var visitor = new RoutineClient(_factory.CreateClient());
        await visitor.AddAsync("chin-tucks", newRoutine: "Neck");
        var id = visitor.RoutineId;
        await visitor.GetAsync($"/routines/{id}");
        await _factory.WithDbAsync(db => db.Routines.Where(r => r.Id == id).ExecuteDeleteAsync());

        using var response = await visitor.Http.SubmitAsync(visitor.Page!.Form("form.done-form"),
            ("Input.Date", Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Completions.CountAsync()));
    }
}
