using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace StretchLibrary.Web.Tests.Pages.Routines;

/// <summary>Adding and removing stretches from the list pages: /routines/{id}/pick.</summary>
public sealed class PickTests : IDisposable
{
    private static readonly string[] ThreeWithADuplicate = ["prone-w", "chin-tucks", "thoracic-extension"];
    private static readonly string[] OneUnknown = ["prone-w", "no-such-stretch"];

    private readonly LibraryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private RoutineClient Visitor() => new(_factory.CreateClient());

    [Fact]
    public async Task The_first_add_suggests_the_name_My_routine()
    {
        var visitor = Visitor();

        var page = await visitor.GetAsync("/routines/add/chin-tucks");

        Assert.Equal("My routine", page.QuerySelector("input[name=NewName]")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("input#routine-new[checked]"));
    }

    [Fact]
    public async Task Adding_from_the_list_redirects_back_to_the_same_list_and_marks_the_card()
    {
        var visitor = Visitor();
        await visitor.AddAsync("chin-tucks", "My routine");
        await visitor.GetAsync("/stretches?category=posture");

        var page = await visitor.SubmitAsync("article[data-slug=prone-w] form[data-pick=add]");

        Assert.Equal("/stretches?category=posture", new Uri(page.Url).PathAndQuery);
        Assert.Equal("Added Prone W to “My routine”.", page.QuerySelector(".flash")!.TextContent);
        Assert.False(page.QuerySelector("article[data-slug=prone-w] [data-in-routine]")!.HasAttribute("hidden"));
        Assert.True(page.QuerySelector("article[data-slug=prone-w] form[data-pick=add]")!.HasAttribute("hidden"));
        Assert.True(page.QuerySelector("article[data-slug=foam-roller-i-y-t] [data-in-routine]")!.HasAttribute("hidden"));
    }

    [Fact]
    public async Task Several_stretches_are_added_in_one_post_in_the_order_given_and_none_twice()
    {
        var visitor = Visitor();
        await visitor.AddAsync("chin-tucks", "My routine");
        var id = visitor.RoutineId;
        await visitor.GetAsync("/stretches");

        await visitor.SubmitAsync("article[data-slug=prone-w] form[data-pick=add]", ("slugs", ThreeWithADuplicate));

        await visitor.GetAsync($"/routines/{id}");
        Assert.Equal(["Chin tucks", "Prone W", "Thoracic extension"], visitor.ItemTitles());
    }

    [Fact]
    public async Task With_fetch_the_answer_is_json_listing_the_routine_and_removing_keeps_the_order_of_the_rest()
    {
        var visitor = Visitor();
        await visitor.AddAsync("chin-tucks", "My routine");
        await visitor.AddAsync("prone-w", routineId: visitor.RoutineId);
        await visitor.AddAsync("thoracic-extension", routineId: visitor.RoutineId);
        var id = visitor.RoutineId;
        await visitor.GetAsync($"/stretches?routine={id}");
        var form = visitor.Page!.Form("article[data-slug=prone-w] form[data-pick=remove]");

        visitor.Http.DefaultRequestHeaders.Add("X-Requested-With", "fetch");
        using var response = await visitor.Http.SubmitAsync(form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<Pick>();
        Assert.Equal(("Removed Prone W from “My routine”.", "My routine"), (result!.Message, result.RoutineName));
        Assert.Equal(["chin-tucks", "thoracic-extension"], result.InRoutine);
        var positions = await _factory.WithDbAsync(db => db.RoutineItems.Where(i => i.RoutineId == id).OrderBy(i => i.Position).Select(i => i.Position).ToListAsync());
        Assert.Equal([0, 1], positions);
    }

    [Fact]
    public async Task Someone_elses_routine_answers_404_and_is_left_alone()
    {
        var owner = Visitor();
        await owner.AddAsync("chin-tucks", "Mine");
        var intruder = Visitor();
        await intruder.AddAsync("prone-w", "Theirs");
        await intruder.GetAsync("/stretches");
        var form = intruder.Page!.Form("article[data-slug=thoracic-extension] form[data-pick=add]");
        form.Action = $"/routines/{owner.RoutineId}/pick?handler=add";

        using var response = await intruder.Http.SubmitAsync(form);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(1, await _factory.WithDbAsync(db => db.RoutineItems.CountAsync(i => i.RoutineId == owner.RoutineId)));
    }

    [Fact]
    public async Task An_unknown_stretch_adds_nothing_and_says_so()
    {
        var visitor = Visitor();
        await visitor.AddAsync("chin-tucks", "My routine");
        var id = visitor.RoutineId;
        await visitor.GetAsync("/stretches");

        var page = await visitor.SubmitAsync("article[data-slug=prone-w] form[data-pick=add]", ("slugs", OneUnknown));

        Assert.Equal("Pick at least one stretch from the list.", page.QuerySelector(".flash")!.TextContent);
        Assert.Equal(1, await _factory.WithDbAsync(db => db.RoutineItems.CountAsync(i => i.RoutineId == id)));
    }

    [Fact]
    public async Task Anonymous_list_pages_carry_no_forms_and_link_to_the_add_page_with_a_way_back()
    {
        var page = await Visitor().GetAsync("/stretches?category=neck");

        Assert.Empty(page.QuerySelectorAll("form[method=post]"));
        Assert.Equal("/routines/add/chin-tucks?returnUrl=%2Fstretches%3Fcategory%3Dneck", page.QuerySelector("article[data-slug=chin-tucks] .card-actions a")!.GetAttribute("href"));
        Assert.Contains("Five-minute desk break", page.QuerySelector("#starters-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    private sealed record Pick(string Message, string RoutineName, string[] InRoutine);
}
