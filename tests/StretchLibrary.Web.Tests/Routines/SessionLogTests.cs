using System.Data.Common;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StretchLibrary.Web.Accounts.Tokens;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Routines.Sessions;
using StretchLibrary.Web.Tests.Pages.Routines;

namespace StretchLibrary.Web.Tests.Routines;

/// <summary>
/// "Mark done" has one write path (<c>SessionLog</c>) behind its three doors: the form, a phone's offline replay
/// and the API. The same client id is one session whichever doors it comes through, and a routine deleted while a
/// session is being written is "gone" (404) at every door.
/// </summary>
public sealed class SessionLogTests : IDisposable
{
    private const string Password = "plum tractor orbit";

    private static readonly string Today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static readonly string[] ChinTucks = ["chin-tucks"];

    private readonly LibraryFactory _factory = new();
    private readonly DeleteRoutineBeforeSessionWrite _race = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task One_client_id_sent_by_the_form_the_offline_replay_and_the_API_is_one_session()
    {
        var app = _factory;
        var owner = new RoutineClient(app.CreateClient());
        await owner.RegisterAsync("doors@example.com", Password);
        await owner.AddAsync("chin-tucks", newRoutine: "Desk");
        var routineId = owner.RoutineId;
        var clientId = Guid.NewGuid().ToString();
        using var api = await ApiClientAsync(app, "doors@example.com");

        await owner.MarkDoneAsync(DateOnly.Parse(Today, System.Globalization.CultureInfo.InvariantCulture), ("Input.ClientId", clientId));
        using var replay = await ReplayAsync(owner.Http, routineId, clientId);
        using var viaApi = await LogThroughApiAsync(api, routineId, clientId);

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Contains("already-saved", await replay.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, viaApi.StatusCode);
        var stored = Assert.Single(await app.WithDbAsync(db => db.Completions.Where(c => c.RoutineId == routineId).ToListAsync()));
        Assert.Equal(clientId, stored.ClientId);
        Assert.Equal(stored.Id, (await viaApi.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());
    }

    [Theory]
    [InlineData("form")]
    [InlineData("offline")]
    [InlineData("api")]
    public async Task A_session_written_while_its_routine_is_deleted_answers_404(string door)
    {
        using var app = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IInterceptor>(_race)));
        _race.ConnectionString = _factory.ConnectionString;
        var owner = new RoutineClient(app.CreateClient());
        await owner.RegisterAsync("race@example.com", Password);
        await owner.AddAsync("chin-tucks", newRoutine: "Desk");
        var routineId = owner.RoutineId;
        using var api = await ApiClientAsync(app, "race@example.com");
        await owner.GetAsync($"/routines/{routineId}");
        _race.RoutineId = routineId;

        HttpStatusCode status;
        switch (door)
        {
            case "form":
                using (var response = await owner.Http.SubmitAsync(owner.Page!.Form("form.done-form"), ("Input.Date", Today)))
                {
                    status = response.StatusCode;
                }

                break;
            case "offline":
                using (var response = await ReplayAsync(owner.Http, routineId, Guid.NewGuid().ToString()))
                {
                    status = response.StatusCode;
                }

                break;
            default:
                using (var response = await LogThroughApiAsync(api, routineId, "race-1"))
                {
                    status = response.StatusCode;
                }

                break;
        }

        Assert.True(_race.Deleted, "the routine was deleted between the session's read and its write");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(0, await app.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<AppDbContext>().Completions.CountAsync());
    }

    private static async Task<HttpResponseMessage> ReplayAsync(HttpClient http, int routineId, string clientId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/routines/{routineId}/sessions")
        {
            Content = JsonContent.Create(new { clientId, date = Today, stretches = ChinTucks, tz = "UTC" }),
        };
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        return await http.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> LogThroughApiAsync(HttpClient api, int routineId, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/me/routines/{routineId}/sessions")
        {
            Content = JsonContent.Create(new { date = Today, stretches = ChinTucks }),
        };
        request.Headers.Add("Idempotency-Key", key);
        return await api.SendAsync(request);
    }

    private static async Task<HttpClient> ApiClientAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app, string email)
    {
        var token = ApiTokens.NewToken();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.ApiTokens.Add(new ApiToken
            {
                OwnerId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(),
                Name = "Watch",
                TokenHash = ApiTokens.Hash(token),
                Scopes = $"{ApiTokens.RoutinesRead} {ApiTokens.SessionsWrite}",
                CreatedAt = DateTimeOffset.UtcNow,
                ExpiresAt = DateTimeOffset.UtcNow.AddDays(30),
            });
            await db.SaveChangesAsync();
        }

        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Deletes the routine on its own connection just before a session of it is inserted: the race, made certain.</summary>
    private sealed class DeleteRoutineBeforeSessionWrite : SaveChangesInterceptor
    {
        public string ConnectionString { get; set; } = "";

        public int? RoutineId { get; set; }

        public bool Deleted { get; private set; }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (RoutineId is { } id && eventData.Context!.ChangeTracker.Entries<Completion>().Any(e => e.State == EntityState.Added && e.Entity.RoutineId == id))
            {
                RoutineId = null;
                await using DbConnection connection = LibraryFactory.OnPostgres ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);
                await connection.OpenAsync(cancellationToken);
                await using var delete = connection.CreateCommand();
                delete.CommandText = $"DELETE FROM \"Routines\" WHERE \"Id\" = {id}";
                Deleted = await delete.ExecuteNonQueryAsync(cancellationToken) == 1;
            }

            return result;
        }
    }
}
