using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Platform.Caching;

namespace StretchLibrary.Web.Tests.Pages.Routines;

/// <summary>POST /routines/{id}/sessions: "Mark done" logs queued on a phone while offline, replayed as JSON.</summary>
public sealed class OfflineSessionsTests : IDisposable
{
    private readonly LibraryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<RoutineClient> OwnerAsync(string name = "Desk")
    {
        var owner = new RoutineClient(_factory.CreateClient());
        await owner.AddAsync("chin-tucks", newRoutine: name);
        return owner;
    }

    private static async Task<HttpResponseMessage> ReplayAsync(RoutineClient visitor, int routineId, object body, string? fetchSite = "same-origin", string? origin = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/routines/{routineId}/sessions") { Content = JsonContent.Create(body) };
        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await visitor.Http.SendAsync(request);
    }

    private static object Log(Guid clientId, string? date = null, string[]? stretches = null) =>
        new { clientId, date = date ?? Today, stretches = stretches ?? ["chin-tucks"], painBefore = 3, painAfter = 1, note = "garage", tz = "UTC" };

    private Task<int> CountAsync(int routineId) => _factory.WithDbAsync(db => db.Completions.CountAsync(c => c.RoutineId == routineId));

    [Fact]
    public async Task The_same_client_id_sent_twice_stores_one_session()
    {
        var owner = await OwnerAsync();
        var clientId = Guid.NewGuid();

        using var first = await ReplayAsync(owner, owner.RoutineId, Log(clientId));
        using var second = await ReplayAsync(owner, owner.RoutineId, Log(clientId));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var stored = await _factory.WithDbAsync(db => db.Completions.Where(c => c.RoutineId == owner.RoutineId).ToListAsync());
        var only = Assert.Single(stored);
        Assert.Equal(clientId.ToString(), only.ClientId);
        Assert.Equal(["chin-tucks"], only.StretchSlugs);
        Assert.Equal((3, 1, "garage"), (only.PainBefore, only.PainAfter, only.Note));
    }

    [Fact]
    public async Task The_same_client_id_sent_at_once_from_two_tabs_stores_one_session()
    {
        var owner = await OwnerAsync();
        var clientId = Guid.NewGuid();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => ReplayAsync(owner, owner.RoutineId, Log(clientId))));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, a.StatusCode.ToString()));
        Assert.Equal(1, await CountAsync(owner.RoutineId));
    }

    [Fact]
    public async Task Different_client_ids_are_different_sessions()
    {
        var owner = await OwnerAsync();

        using var first = await ReplayAsync(owner, owner.RoutineId, Log(Guid.NewGuid()));
        using var second = await ReplayAsync(owner, owner.RoutineId, Log(Guid.NewGuid()));

        Assert.Equal(2, await CountAsync(owner.RoutineId));
    }

    [Fact]
    public async Task A_client_id_already_used_for_another_routine_answers_422_and_stores_nothing()
    {
        var owner = await OwnerAsync();
        var first = owner.RoutineId;
        await owner.AddAsync("prone-w", newRoutine: "Evening");
        var second = owner.RoutineId;
        var clientId = Guid.NewGuid();
        using var saved = await ReplayAsync(owner, first, Log(clientId));

        using var response = await ReplayAsync(owner, second, Log(clientId, stretches: ["prone-w"]));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("another routine", (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("title").GetString());
        Assert.Equal((1, 0), (await CountAsync(first), await CountAsync(second)));
    }

    [Fact]
    public async Task Another_users_routine_answers_404_and_stores_nothing()
    {
        var owner = await OwnerAsync();
        var other = await OwnerAsync("Other's");
        var clientId = Guid.NewGuid();

        using var response = await ReplayAsync(other, owner.RoutineId, Log(clientId));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Completions.CountAsync()));
    }

    [Fact]
    public async Task A_deleted_routine_answers_404()
    {
        var owner = await OwnerAsync();
        await _factory.WithDbAsync(db => db.Routines.Where(r => r.Id == owner.RoutineId).ExecuteDeleteAsync());

        using var response = await ReplayAsync(owner, owner.RoutineId, Log(Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Without_a_sign_in_cookie_it_answers_401()
    {
        var owner = await OwnerAsync();
        var stranger = new RoutineClient(_factory.CreateClient());

        using var response = await ReplayAsync(stranger, owner.RoutineId, Log(Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await CountAsync(owner.RoutineId));
    }

    [Theory]
    [InlineData("cross-site", null)]
    [InlineData("same-site", null)]
    [InlineData(null, "https://evil.example")]
    [InlineData(null, null)]
    public async Task A_request_from_another_origin_is_refused(string? fetchSite, string? origin)
    {
        var owner = await OwnerAsync();

        using var response = await ReplayAsync(owner, owner.RoutineId, Log(Guid.NewGuid()), fetchSite, origin);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await CountAsync(owner.RoutineId));
    }

    [Fact]
    public async Task A_matching_origin_header_is_enough_where_fetch_metadata_is_not_sent()
    {
        var owner = await OwnerAsync();

        using var response = await ReplayAsync(owner, owner.RoutineId, Log(Guid.NewGuid()), fetchSite: null, origin: "https://localhost");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_form_post_is_refused_as_not_json()
    {
        var owner = await OwnerAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/routines/{owner.RoutineId}/sessions")
        {
            Content = new FormUrlEncodedContent([new("clientId", Guid.NewGuid().ToString()), new("date", Today), new("stretches", "chin-tucks")]),
        };
        request.Headers.Add("Sec-Fetch-Site", "same-origin");

        using var response = await owner.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(0, await CountAsync(owner.RoutineId));
    }

    [Theory]
    [InlineData("2999-01-01", "chin-tucks", "That date is in the future")]
    [InlineData(null, "prone-w", "Tick at least one stretch you did.")]
    public async Task Invalid_input_answers_400_with_the_forms_message_and_stores_nothing(string? date, string stretch, string message)
    {
        var owner = await OwnerAsync();

        using var response = await ReplayAsync(owner, owner.RoutineId, Log(Guid.NewGuid(), date, [stretch]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(owner.RoutineId));
    }

    [Fact]
    public async Task Broken_json_answers_400()
    {
        var owner = await OwnerAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/routines/{owner.RoutineId}/sessions")
        {
            Content = new StringContent("{\"clientId\": ", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Sec-Fetch-Site", "same-origin");

        using var response = await owner.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_mark_done_form_posted_twice_with_one_client_id_stores_one_session()
    {
        var owner = await OwnerAsync();
        var clientId = Guid.NewGuid().ToString();
        await owner.GetAsync($"/routines/{owner.RoutineId}");
        var form = owner.Page!.Form("form.done-form");

        using var first = await owner.Http.SubmitAsync(form, ("Input.ClientId", clientId), ("Input.Date", Today));
        using var second = await owner.Http.SubmitAsync(form, ("Input.ClientId", clientId), ("Input.Date", Today));

        Assert.True(first.IsSuccessStatusCode && second.IsSuccessStatusCode);
        Assert.Equal(1, await CountAsync(owner.RoutineId));
    }

    [Fact]
    public async Task A_signed_in_users_pages_say_whose_they_are_and_are_private()
    {
        var owner = await OwnerAsync();
        var userId = await _factory.WithDbAsync(db => db.Routines.Where(r => r.Id == owner.RoutineId).Select(r => r.OwnerId).SingleAsync());

        using var mine = await owner.Http.GetAsync($"/routines/{owner.RoutineId}");
        using var anonymous = await _factory.CreateClient().GetAsync("/stretches/chin-tucks");

        Assert.Equal(OfflineCopies.KeyOf(userId), Assert.Single(mine.Headers.GetValues(OfflineCopies.KeyHeader)));
        Assert.True(mine.Headers.CacheControl!.Private && mine.Headers.CacheControl.NoCache);
        Assert.False(anonymous.Headers.Contains(OfflineCopies.KeyHeader));
    }

    [Theory]
    [InlineData("/account/logout", "main form[method=post]:not([data-dismiss-banner])")]
    [InlineData("/account/delete", "main form[method=post]:not([data-dismiss-banner])")]
    public async Task Signing_out_or_deleting_the_account_clears_the_offline_copies_on_that_device(string page, string form)
    {
        var recorder = new ResponseRecorder();
        var owner = new RoutineClient(_factory.CreateDefaultClient(_factory.ClientOptions.BaseAddress, new RedirectHandler(), new CookieContainerHandler(), recorder));
        await owner.AddAsync("chin-tucks", newRoutine: "Desk");
        await owner.GetAsync(page);
        recorder.Headers.Clear();

        await owner.SubmitAsync(form);

        var redirect = recorder.Headers[0];
        Assert.Equal("\"cache\", \"storage\"", Assert.Single(redirect.GetValues("Clear-Site-Data")));
        Assert.DoesNotContain(recorder.Headers.Skip(1), h => h.Contains("Clear-Site-Data"));
    }

    /// <summary>Keeps the headers of every response, redirects included.</summary>
    private sealed class ResponseRecorder : DelegatingHandler
    {
        public List<System.Net.Http.Headers.HttpResponseHeaders> Headers { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            Headers.Add(response.Headers);
            return response;
        }
    }
}
