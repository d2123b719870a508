using System.Net;
using AngleSharp.Html.Dom;

namespace StretchLibrary.Web.Tests.Pages.Routines;

/// <summary>A visitor with their own cookies, doing what a person does with routines through real forms.</summary>
public sealed class RoutineClient(HttpClient client)
{
    public HttpClient Http { get; } = client;

    public IHtmlDocument? Page { get; private set; }

    public int RoutineId => int.Parse(new Uri(Page!.Url).AbsolutePath.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);

    public async Task<IHtmlDocument> GetAsync(string url)
    {
        using var response = await Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Page = await response.ReadDocumentAsync();
    }

    public async Task<IHtmlDocument> SubmitAsync(string formSelector, params (string Name, object? Value)[] values)
    {
        using var response = await Http.SubmitAsync(Page!.Form(formSelector), values);
        if (!response.IsSuccessStatusCode)
        {
            Assert.Fail($"{formSelector} answered {(int)response.StatusCode} for {response.RequestMessage!.RequestUri}: {await response.Content.ReadAsStringAsync()}");
        }

        return Page = await response.ReadDocumentAsync();
    }

    /// <summary>Adds a stretch to a new routine (by name) or to an existing one (by id); lands on the routine page.</summary>
    public async Task<IHtmlDocument> AddAsync(string slug, string? newRoutine = null, int? routineId = null)
    {
        await GetAsync($"/routines/add/{slug}");
        return await SubmitAsync("form[method=post]:not([data-dismiss-banner])", ("RoutineId", routineId ?? 0), ("NewName", newRoutine));
    }

    public async Task<IHtmlDocument> MarkDoneAsync(DateOnly date, params (string Name, object? Value)[] more)
    {
        await GetAsync($"/routines/{RoutineId}");
        return await SubmitAsync("form.done-form", [("Input.Date", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), .. more]);
    }

    public string[] ItemTitles() => [.. Page!.QuerySelectorAll(".routine-item .item-title").Select(e => e.TextContent.Trim())];

    public string Stat(string name) => Page!.QuerySelector($"[data-stat={name}]")!.TextContent.Trim();

    /// <summary>Registers and, when the page says "check your email", signs in (a guest's routines move in); else the refusing page.</summary>
    public async Task<IHtmlDocument> RegisterAsync(string email, string password)
    {
        await GetAsync("/account/register");
        var page = await SubmitAsync("main form[method=post]:not([data-dismiss-banner])", ("Input.Email", email), ("Input.Password", password), ("Input.ConfirmPassword", password));
        return page.QuerySelector(".register-sent") is null ? page : await LoginAsync(email, password);
    }

    public async Task<IHtmlDocument> LoginAsync(string email, string password)
    {
        await GetAsync("/account/login");
        return await SubmitAsync("main form[method=post]:not([data-dismiss-banner])", ("Input.Email", email), ("Input.Password", password));
    }
}
