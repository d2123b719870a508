using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace StretchLibrary.Web.Tests.Pages.Routines;

public sealed class ShareLinkTests : IDisposable
{
    private readonly LibraryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private RoutineClient Visitor() => new(_factory.CreateClient());

    [Fact]
    public async Task An_anonymous_visitor_sees_the_routine_name_items_dosages_and_notes()
    {
        var (_, token) = await SharedRoutineAsync();
        var anonymous = Visitor();

        var page = await anonymous.GetAsync($"/s/{token}");

        Assert.Equal("Shared stretch break", page.QuerySelector("main h1")!.TextContent);
        Assert.Equal(["Chin tucks", "Thoracic extension"], anonymous.ItemTitles());
        Assert.Equal(["Hold 2-3 s, 10 reps, 2-3 times a day", "Hold 8 s, 10 reps"], page.QuerySelectorAll(".item-dosage").Select(e => e.TextContent));
        Assert.Equal("Lean back <gently>", page.QuerySelector(".item-note")!.TextContent);
        Assert.Equal($"/s/{token}/sheet", page.QuerySelectorAll("a").Single(a => a.TextContent == "Printable sheet").GetAttribute("href"));
    }

    [Fact]
    public async Task The_shared_page_shows_nothing_of_the_owner_or_their_history()
    {
        var (owner, token) = await SharedRoutineAsync();
        await owner.MarkDoneAsync(DateOnly.FromDateTime(_factory.Clock.Now.UtcDateTime), ("Input.Note", "Sore shoulder today"));
        var ownerUser = await _factory.WithDbAsync(db => db.Users.SingleAsync());

        using var response = await Visitor().Http.GetAsync($"/s/{token}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(ownerUser.Id, html, StringComparison.Ordinal);
        Assert.DoesNotContain(ownerUser.UserName!, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Sore shoulder", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-stat", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/routines/{owner.RoutineId}", html, StringComparison.Ordinal);
        Assert.Equal("noindex", response.Headers.GetValues("X-Robots-Tag").Single());
    }

    [Fact]
    public async Task The_token_is_long_random_base64url_and_only_its_hash_is_stored()
    {
        var (_, token) = await SharedRoutineAsync();
        var (_, second) = await SharedRoutineAsync();

        var stored = await _factory.WithDbAsync(db => db.ShareLinks.Select(l => l.TokenHash).ToListAsync());

        Assert.Matches("^[A-Za-z0-9_-]{22,}$", token);
        Assert.NotEqual(token, second);
        Assert.Contains(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))), stored);
        Assert.DoesNotContain(stored, h => h.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_full_link_is_shown_once_and_the_list_keeps_only_its_dates()
    {
        var (owner, token) = await SharedRoutineAsync();

        var again = await owner.GetAsync($"/routines/{owner.RoutineId}/share");

        Assert.Null(again.QuerySelector("#share-url"));
        Assert.DoesNotContain(token, again.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Single(again.QuerySelectorAll(".share-link"));
        Assert.Contains("works until", again.QuerySelector(".share-link")!.TextContent);
    }

    [Fact]
    public async Task The_links_dates_are_on_the_owners_clock()
    {
        _factory.Clock.Now = new DateTimeOffset(2026, 11, 18, 20, 30, 0, TimeSpan.Zero); // 09:30 on the 19th in Auckland
        var owner = Visitor();
        await owner.GetAsync("/routines/add/chin-tucks");
        await owner.SubmitAsync("form[method=post]:not([data-dismiss-banner])", ("NewName", "Kiwi"), ("Tz", "Pacific/Auckland"));
        await owner.GetAsync($"/routines/{owner.RoutineId}/share");
        await owner.SubmitAsync("form.create-link", ("ExpiresInDays", 30));

        var page = await owner.GetAsync($"/routines/{owner.RoutineId}/share");

        Assert.Contains("Made 19 Nov 2026 · works until 19 Dec 2026", page.QuerySelector(".share-link")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_link_answers_404()
    {
        var (owner, token) = await SharedRoutineAsync();
        var anonymous = Visitor();
        await anonymous.GetAsync($"/s/{token}");
        await owner.GetAsync($"/routines/{owner.RoutineId}/share");

        var page = await owner.SubmitAsync(".share-link form");

        Assert.Empty(page.QuerySelectorAll(".share-link"));
        await AssertNotFoundAsync(anonymous, $"/s/{token}");
        await AssertNotFoundAsync(anonymous, $"/s/{token}/sheet");
    }

    [Fact]
    public async Task A_wrong_token_answers_the_friendly_404()
    {
        await SharedRoutineAsync();

        var page = await AssertNotFoundAsync(Visitor(), $"/s/{ShareLinksToken()}");

        Assert.Equal("We couldn’t find that page", page.QuerySelector("main h1")!.TextContent);
    }

    [Fact]
    public async Task An_expired_link_answers_404_and_a_never_expiring_one_keeps_working()
    {
        var (_, weekLink) = await SharedRoutineAsync(expiresInDays: 7);
        var (_, forever) = await SharedRoutineAsync(expiresInDays: 0);
        var anonymous = Visitor();
        _factory.Clock.Now = _factory.Clock.Now.AddDays(7).AddMinutes(-1);
        await anonymous.GetAsync($"/s/{weekLink}");

        _factory.Clock.Now = _factory.Clock.Now.AddMinutes(2);

        await AssertNotFoundAsync(anonymous, $"/s/{weekLink}");
        await AssertNotFoundAsync(anonymous, $"/s/{weekLink}/sheet");
        _factory.Clock.Now = _factory.Clock.Now.AddYears(5);
        await anonymous.GetAsync($"/s/{forever}");
    }

    [Fact]
    public async Task The_shared_sheet_prints_the_routine_with_a_qr_code_of_the_share_link()
    {
        var (_, token) = await SharedRoutineAsync();
        var anonymous = Visitor();

        var sheet = await anonymous.GetAsync($"/s/{token}/sheet?weeks=2");

        Assert.Equal(["Chin tucks", "Thoracic extension (leaning back over a chair's backrest)"], sheet.QuerySelectorAll(".sheet-item h2").Select(e => e.TextContent));
        Assert.Equal("Hold 8 s, 10 reps", sheet.QuerySelector(".sheet-item[data-slug=thoracic-extension] .sheet-dosage")!.TextContent);
        Assert.Equal(14, sheet.QuerySelectorAll(".tick-grid thead th.tick-day").Length);
        Assert.Equal(SheetTests.ExpectedQrPath($"https://localhost/s/{token}"), sheet.QuerySelector(".sheet-qr svg path")!.GetAttribute("d"));
        Assert.Equal($"/s/{token}", sheet.QuerySelectorAll("a").Single(a => a.TextContent == "Back to the routine").GetAttribute("href"));
    }

    [Fact]
    public async Task Copy_to_my_routines_gives_the_visitor_an_independent_routine()
    {
        var (owner, token) = await SharedRoutineAsync();
        var visitor = Visitor();
        await visitor.GetAsync($"/s/{token}");

        var page = await visitor.SubmitAsync("form[action*='handler=Copy']");

        Assert.Equal("Shared stretch break", page.QuerySelector("main h1")!.TextContent);
        Assert.Equal(["Chin tucks", "Thoracic extension"], visitor.ItemTitles());
        Assert.Equal("Hold 8 s, 10 reps (your dosage)", page.QuerySelector(".routine-item:nth-child(2) .item-dosage")!.TextContent);
        Assert.NotEqual(owner.RoutineId, visitor.RoutineId);
        var owners = await _factory.WithDbAsync(db => db.Routines.OrderBy(r => r.Id).Select(r => r.OwnerId).ToListAsync());
        Assert.Equal(2, owners.Distinct().Count());

        // Changes on either side stay on that side.
        await owner.GetAsync($"/routines/{owner.RoutineId}");
        await owner.SubmitAsync(".routine-item:nth-child(1) form[action$='/remove']");
        Assert.Equal(["Chin tucks", "Thoracic extension"], (await visitor.GetAsync($"/routines/{visitor.RoutineId}")).QuerySelectorAll(".routine-item .item-title").Select(e => e.TextContent.Trim()));
        await AssertNotFoundAsync(visitor, $"/routines/{owner.RoutineId}");
    }

    [Fact]
    public async Task Links_made_as_a_guest_stay_manageable_after_signing_in_to_an_account()
    {
        var account = Visitor();
        await account.RegisterAsync($"owner-{Guid.NewGuid():n}@example.com", "stretch every single day");
        var email = (await _factory.WithDbAsync(db => db.Users.SingleAsync())).Email!;
        var (guest, token) = await SharedRoutineAsync();
        var routineId = guest.RoutineId;

        await guest.LoginAsync(email, "stretch every single day");
        var page = await guest.GetAsync($"/routines/{routineId}/share");

        Assert.Single(page.QuerySelectorAll(".share-link"));
        await guest.SubmitAsync(".share-link form");
        await AssertNotFoundAsync(Visitor(), $"/s/{token}");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("99999999999")]
    [InlineData("365")]
    [InlineData("100000")]
    [InlineData("-7")]
    public async Task An_expiry_that_is_not_one_of_the_choices_is_refused_with_a_message_and_no_link_is_made(string value)
    {
        var owner = Visitor();
        await owner.AddAsync("chin-tucks", newRoutine: "Not shared");
        await owner.GetAsync($"/routines/{owner.RoutineId}/share");

        var page = await owner.SubmitAsync("form.create-link", ("ExpiresInDays", value));

        Assert.Equal("Choose when the link stops working: after 7, 30 or 90 days, or never.", page.QuerySelector("[data-valmsg-for='ExpiresInDays']")!.TextContent);
        Assert.Null(page.QuerySelector("#share-url"));
        Assert.Equal(0, await _factory.WithDbAsync(db => db.ShareLinks.CountAsync()));
    }

    /// <summary>A guest's routine of two stretches (one with an override and a note) and a new share link to it.</summary>
    private async Task<(RoutineClient Owner, string Token)> SharedRoutineAsync(int expiresInDays = 30)
    {
        var owner = Visitor();
        await owner.AddAsync("chin-tucks", newRoutine: "Shared stretch break");
        await owner.AddAsync("thoracic-extension", routineId: owner.RoutineId);
        await owner.GetAsync(owner.Page!.QuerySelector("a[aria-label='Edit: Thoracic extension']")!.GetAttribute("href")!);
        await owner.SubmitAsync("form[method=post]:not([data-dismiss-banner])", ("Input.HoldSeconds", 8), ("Input.Note", "Lean back <gently>"));
        Assert.Equal($"/routines/{owner.RoutineId}/share", owner.Page!.QuerySelectorAll("a").Single(a => a.TextContent == "Share…").GetAttribute("href"));

        await owner.GetAsync($"/routines/{owner.RoutineId}/share");
        var page = await owner.SubmitAsync("form.create-link", ("ExpiresInDays", expiresInDays));

        var url = new Uri(page.QuerySelector("#share-url")!.GetAttribute("value")!);
        Assert.Equal("localhost", url.Host);
        return (owner, url.AbsolutePath.Split('/')[2]);
    }

    private static string ShareLinksToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> AssertNotFoundAsync(RoutineClient visitor, string url)
    {
        using var response = await visitor.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        return await response.ReadDocumentAsync();
    }
}
