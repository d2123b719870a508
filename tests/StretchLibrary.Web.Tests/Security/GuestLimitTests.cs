using System.Net;
using System.Reflection;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Tests.Pages.Routines;

namespace StretchLibrary.Web.Tests.Security;

/// <summary>Every page that creates a guest account counts against the one guest-creation limit per client.</summary>
public sealed class GuestLimitTests : IDisposable
{
    private readonly LibraryFactory _factory = new()
    {
        Settings =
        {
            ["RateLimits:Guest:PermitLimit"] = "3",
            ["RateLimits:Share:PermitLimit"] = "1000",
            ["RateLimits:Writes:PermitLimit"] = "1000",
        },
    };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Saving_importing_and_copying_a_shared_routine_all_count_against_the_same_guest_limit()
    {
        // Guest 1: the owner saves a routine and shares it.
        var owner = new RoutineClient(_factory.CreateClient());
        await owner.AddAsync("chin-tucks", newRoutine: "Shared");
        await owner.GetAsync($"/routines/{owner.RoutineId}/share");
        var shared = await owner.SubmitAsync("form.create-link", ("ExpiresInDays", 30));
        var shareUrl = new Uri(shared.QuerySelector("#share-url")!.GetAttribute("value")!).AbsolutePath;

        var statuses = new List<HttpStatusCode>
        {
            await ImportAsync(), // guest 2
            await CopyAsync(shareUrl), // guest 3
            await ImportAsync(),
            await CopyAsync(shareUrl),
        };

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(3, await _factory.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public void Every_page_that_can_create_a_guest_is_marked_so_the_limit_counts_it()
    {
        var pages = typeof(GuestAccounts).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Microsoft.AspNetCore.Mvc.RazorPages.PageModel)))
            .Where(t => CanCreateGuest(t, depth: 0))
            // Signing in merges a guest into an account; it never makes one.
            .Where(t => t.Name != "LoginModel")
            .ToList();

        // Saving a routine (two pages), import, copying a shared routine, accepting a clinician's program.
        Assert.Equal(
            ["Account.ImportModel", "Join.IndexModel", "Routines.AddModel", "Routines.IndexModel", "Share.IndexModel"],
            pages.Select(p => p.FullName!["StretchLibrary.Web.Pages.".Length..]).Order(StringComparer.Ordinal));
        Assert.All(pages, page => Assert.NotNull(page.GetCustomAttribute<CreatesGuestAttribute>()));
    }

    /// <summary>Takes <see cref="GuestAccounts"/>, or a service that does (an import, a share copy).</summary>
    private static bool CanCreateGuest(Type type, int depth) =>
        depth < 3 && type.GetConstructors().Any(c => c.GetParameters()
            .Any(p => p.ParameterType == typeof(GuestAccounts) || CanCreateGuest(p.ParameterType, depth + 1)));

    private async Task<HttpStatusCode> ImportAsync()
    {
        var visitor = new RoutineClient(_factory.CreateClient());
        var page = await visitor.GetAsync("/account/import");
        var form = page.Form("form.import-form");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value), "__RequestVerificationToken" },
            { new ByteArrayContent("""{"format":"stretchlibrary-export","version":1,"routines":[{"name":"Imported","items":[{"slug":"chin-tucks"}]}]}"""u8.ToArray()), "Upload", "export.json" },
        };
        using var response = await visitor.Http.PostAsync("/account/import", content);
        return response.StatusCode;
    }

    private async Task<HttpStatusCode> CopyAsync(string shareUrl)
    {
        var visitor = new RoutineClient(_factory.CreateClient());
        await visitor.GetAsync(shareUrl);
        using var response = await visitor.Http.SubmitAsync(visitor.Page!.Form("form[action*='handler=Copy']"));
        return response.StatusCode;
    }
}
