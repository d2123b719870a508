using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using StretchLibrary.Web.Tests.Pages.Routines;

namespace StretchLibrary.Web.Tests.Api;

/// <summary>
/// The real app for API tests: every API response its clients receive is checked against the app's own OpenAPI
/// document, and every log event (Debug and up) is kept for inspection.
/// </summary>
public sealed class ApiApp : LibraryFactory
{
    private ApiContract? _contract;

    public ApiApp()
    {
        Settings["Serilog:MinimumLevel:Default"] = "Debug";
        Settings["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Debug";
    }

    public ConcurrentQueue<LogEvent> Logs { get; } = new();

    public ApiContract Contract => _contract ?? throw new InvalidOperationException("Call ApiClientAsync first.");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(new Collector(Logs)));
    }

    /// <summary>A client with no cookies (as curl or another app would be), with an optional bearer token.</summary>
    public async Task<HttpClient> ApiClientAsync(string? token = null)
    {
        _contract ??= await ApiContract.LoadAsync(CreateDefaultClient(new Uri("https://localhost")));
        var client = CreateDefaultClient(new Uri("https://localhost"), new ContractCheckingHandler(() => Contract));
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>A registered user with one routine ("Desk break": chin tucks and backward shoulder rolls).</summary>
    public async Task<(RoutineClient User, int RoutineId)> UserWithRoutineAsync(string email)
    {
        var user = new RoutineClient(CreateClient());
        await user.RegisterAsync(email, "correct horse battery staple");
        await user.AddAsync("chin-tucks", newRoutine: "Desk break");
        var id = user.RoutineId;
        await user.AddAsync("backward-shoulder-rolls", routineId: id);
        return (user, id);
    }

    /// <summary>Makes a token through the account page's form and reads it from the page that shows it once.</summary>
    public static async Task<string> CreateTokenAsync(RoutineClient user, string name, string[] scopes, int days = 30)
    {
        await user.GetAsync("/account");
        var page = await user.SubmitAsync("form.token-form", ("Input.Name", name), ("Input.Scopes", scopes), ("Input.ExpiresInDays", days));
        return (page.QuerySelector("#new-token") as AngleSharp.Html.Dom.IHtmlInputElement)?.Value
            ?? throw new InvalidOperationException("No token on the page: " + page.QuerySelector("main")?.TextContent);
    }

    private sealed class Collector(ConcurrentQueue<LogEvent> events) : ILogEventSink
    {
        public void Emit(LogEvent logEvent) => events.Enqueue(logEvent);
    }
}
