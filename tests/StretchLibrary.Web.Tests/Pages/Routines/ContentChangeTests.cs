using Microsoft.Extensions.DependencyInjection;
using StretchLibrary.Web.Library.Content;

namespace StretchLibrary.Web.Tests.Pages.Routines;

public sealed class ContentChangeTests : IDisposable
{
    private readonly TempContent _content = new TempContent().WithShippedContent();
    private readonly LibraryFactory _factory;

    public ContentChangeTests() => _factory = new LibraryFactory { ContentRoot = _content.Root };

    public void Dispose()
    {
        _factory.Dispose();
        _content.Dispose();
    }

    [Fact]
    public async Task An_item_whose_stretch_left_the_library_says_so_and_can_be_removed()
    {
        var visitor = new RoutineClient(_factory.CreateClient());
        await visitor.AddAsync("prone-w", newRoutine: "Posture");
        await visitor.AddAsync("chin-tucks", routineId: visitor.RoutineId);

        File.Delete(Path.Join(_content.Root, "stretches/posture/prone-w.md"));
        _factory.Services.GetRequiredService<ContentStore>().Reload();
        var page = await visitor.GetAsync($"/routines/{visitor.RoutineId}");

        Assert.Equal("No longer in the library. You can remove it.", page.QuerySelector(".routine-item:nth-child(1) .item-missing")!.TextContent);
        Assert.Equal(["chin-tucks"], page.QuerySelectorAll(".done-form input[type=checkbox]").Select(c => c.GetAttribute("value")));
        await visitor.SubmitAsync(".routine-item:nth-child(1) form[action$='/remove']");
        Assert.Equal(["Chin tucks"], visitor.ItemTitles());
    }
}
