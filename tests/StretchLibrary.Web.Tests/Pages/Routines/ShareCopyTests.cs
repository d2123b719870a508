using Microsoft.EntityFrameworkCore;

namespace StretchLibrary.Web.Tests.Pages.Routines;

/// <summary>Copying a shared routine twice: the second time the visitor is offered the copy they have.</summary>
public sealed class ShareCopyTests : IDisposable
{
    private readonly LibraryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private RoutineClient Visitor() => new(_factory.CreateClient());

    [Fact]
    public async Task Reopening_a_copied_link_offers_the_copy_and_copying_again_opens_it_instead_of_a_duplicate()
    {
        var token = await ShareAsync();
        var visitor = Visitor();
        await visitor.GetAsync($"/s/{token}");
        await visitor.SubmitAsync("main form[method=post]:not([data-dismiss-banner])");
        var copyId = visitor.RoutineId;

        var again = await visitor.GetAsync($"/s/{token}");
        Assert.Equal($"/routines/{copyId}", again.QuerySelectorAll("a").Single(a => a.TextContent == "Open my copy").GetAttribute("href"));
        var page = await visitor.SubmitAsync("main form[method=post]:not([data-dismiss-banner])", ("Again", null));

        Assert.Equal($"/routines/{copyId}", new Uri(page.Url).AbsolutePath);
        Assert.Equal("You already have a copy of “Shared break”: here it is.", page.QuerySelector(".flash")!.TextContent);
        Assert.Equal(2, await _factory.WithDbAsync(db => db.Routines.CountAsync()));
    }

    [Fact]
    public async Task Make_another_copy_makes_one_and_another_visitor_is_not_offered_anyone_elses_copy()
    {
        var token = await ShareAsync();
        var first = Visitor();
        await first.GetAsync($"/s/{token}");
        await first.SubmitAsync("main form[method=post]:not([data-dismiss-banner])");
        await first.GetAsync($"/s/{token}");

        await first.SubmitAsync("main form[method=post]:not([data-dismiss-banner])");
        var stranger = await Visitor().GetAsync($"/s/{token}");

        Assert.Equal(3, await _factory.WithDbAsync(db => db.Routines.CountAsync()));
        Assert.DoesNotContain("Open my copy", stranger.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Copy to my routines", stranger.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_share_pages_canonical_links_keep_the_case_sensitive_token_and_answer_200()
    {
        var token = await ShareAsync();
        // A token with no capital letter would not show the bug; base64url tokens of 22 characters nearly always have one.
        Assert.NotEqual(token, token.ToLowerInvariant());
        var visitor = Visitor();

        var page = await visitor.GetAsync($"/s/{token}");
        var sheet = await visitor.GetAsync($"/s/{token}/sheet");
        var canonical = page.QuerySelector("link[rel=canonical]")!.GetAttribute("href")!;
        var sheetCanonical = sheet.QuerySelector("link[rel=canonical]")!.GetAttribute("href")!;
        using var answer = await visitor.Http.GetAsync(canonical);
        using var sheetAnswer = await visitor.Http.GetAsync(sheetCanonical);

        Assert.Equal($"https://localhost/s/{token}", canonical);
        Assert.Equal($"https://localhost/s/{token}/sheet", sheetCanonical);
        Assert.Equal(System.Net.HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, sheetAnswer.StatusCode);
    }

    private async Task<string> ShareAsync()
    {
        var owner = Visitor();
        await owner.AddAsync("chin-tucks", "Shared break");
        await owner.GetAsync($"/routines/{owner.RoutineId}/share");
        var page = await owner.SubmitAsync("form.create-link");
        return new Uri(page.QuerySelector("#share-url")!.GetAttribute("value")!).AbsolutePath.Split('/')[2];
    }
}
