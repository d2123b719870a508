using System.Net;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Clinic;
using StretchLibrary.Web.Tests.Pages.Routines;

namespace StretchLibrary.Web.Tests.Clinic;

/// <summary>A patient's routine that follows a clinician's program: what its page shows, and that only the program changes it.</summary>
public sealed class FollowedRoutineTests : IDisposable
{
    private readonly LibraryFactory _factory = new();

    private readonly ClinicSetup _setup;

    public FollowedRoutineTests() => _setup = new ClinicSetup(_factory);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task The_page_says_who_it_is_from_and_after_a_change_what_changed_with_no_edit_controls()
    {
        var (_, programId, invitation) = await _setup.InvitationAsync();
        var patient = await _setup.AcceptAsGuestAsync(invitation);
        var page = await patient.GetAsync($"/routines/{patient.RoutineId}");
        Assert.Equal("From Dr Ana Lima, PT, Riverside Physio", page.QuerySelector(".program-from")!.TextContent);
        Assert.Null(page.QuerySelector(".program-updated"));
        Assert.Equal("Slow and steady. Stop if your arm tingles.", page.QuerySelector(".program-notes p")!.TextContent);

        _factory.Clock.Now = new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero);
        await _setup.ChangeProgramAsync(programId, reps: 8);
        page = await patient.GetAsync($"/routines/{patient.RoutineId}");

        var updated = page.QuerySelector(".program-updated")!.TextContent;
        Assert.StartsWith("Updated on 8 December 2026: Chin tucks: Hold 2-3 s, 8 reps", updated, StringComparison.Ordinal);
        Assert.Contains("(was Hold 2-3 s, 10 reps", updated, StringComparison.Ordinal);
        Assert.Contains("8 reps", page.QuerySelector("[data-slug=chin-tucks] .item-dosage")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll(".item-actions, details.rename, form[action*='handler=Target'], a[href^='/stretches?routine=']"));
        Assert.NotNull(page.QuerySelector("form[action*='handler=Duplicate']"));
    }

    [Fact]
    public async Task Every_edit_handler_refuses_a_followed_routine_with_a_message_and_changes_nothing()
    {
        var (_, _, invitation) = await _setup.InvitationAsync();
        var patient = await _setup.AcceptAsGuestAsync(invitation);
        var id = patient.RoutineId;
        var page = await patient.GetAsync($"/routines/{id}");
        var antiforgery = page.QuerySelector("form.consent-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var itemId = await _factory.WithDbAsync(db => db.RoutineItems.Where(i => i.RoutineId == id && i.StretchSlug == "prone-w").Select(i => i.Id).SingleAsync());
        var before = await SnapshotAsync(id);

        var posts = new (string Url, (string, string)[] Fields)[]
        {
            ($"/routines/{id}?handler=Rename", [("Name", "Mine now")]),
            ($"/routines/{id}?handler=Target", [("WeeklyTarget", "2")]),
            ("/routines/add/backward-shoulder-rolls", [("RoutineId", id.ToString(System.Globalization.CultureInfo.InvariantCulture))]),
            ($"/routines/{id}/pick?handler=add", [("slugs", "backward-shoulder-rolls")]),
            ($"/routines/{id}/pick?handler=remove", [("slug", "chin-tucks")]),
            ($"/routines/{id}/items/{itemId}", [("Input.Reps", "3"), ("Input.Note", "mine")]),
            ($"/routines/{id}/items/{itemId}/moveup", []),
            ($"/routines/{id}/items/{itemId}/movedown", []),
            ($"/routines/{id}/items/{itemId}/moveto", [("place", "1")]),
            ($"/routines/{id}/items/{itemId}/remove", []),
        };
        foreach (var (url, fields) in posts)
        {
            using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", antiforgery), .. fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))]);
            using var response = await patient.Http.PostAsync(url, content);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
            var answer = await response.ReadDocumentAsync();
            Assert.True(FollowedRoutines.ReadOnly == answer.QuerySelector(".flash")?.TextContent, $"{url} said: {answer.QuerySelector(".flash")?.TextContent}");
        }

        using var editForm = await patient.Http.GetAsync($"/routines/{id}/items/{itemId}");
        Assert.Equal($"/routines/{id}", editForm.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(FollowedRoutines.ReadOnly, (await editForm.ReadDocumentAsync()).QuerySelector(".flash")!.TextContent);

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/routines/{id}/pick?handler=add")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", antiforgery), new("slugs", "backward-shoulder-rolls")]),
        };
        request.Headers.Add("X-Requested-With", "fetch");
        using var fetched = await patient.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Conflict, fetched.StatusCode);
        using var json = System.Text.Json.JsonDocument.Parse(await fetched.Content.ReadAsStringAsync());
        Assert.Equal(FollowedRoutines.ReadOnly, json.RootElement.GetProperty("message").GetString());

        Assert.Equal(before, await SnapshotAsync(id));
    }

    [Fact]
    public async Task A_followed_routine_is_not_offered_on_the_add_page()
    {
        var (_, _, invitation) = await _setup.InvitationAsync();
        var patient = await _setup.AcceptAsGuestAsync(invitation);
        var followed = patient.RoutineId;
        await patient.AddAsync("backward-shoulder-rolls", "My own");
        var own = patient.RoutineId;

        var page = await patient.GetAsync("/routines/add/thoracic-extension");

        var offered = page.QuerySelectorAll("input[name=RoutineId]").Select(i => i.GetAttribute("value")).ToList();
        Assert.DoesNotContain(followed.ToString(System.Globalization.CultureInfo.InvariantCulture), offered);
        Assert.Contains(own.ToString(System.Globalization.CultureInfo.InvariantCulture), offered);
    }

    [Fact]
    public async Task The_guided_sessions_plan_does_a_right_side_only_item_on_the_right_side_only()
    {
        var (_, _, invitation) = await _setup.InvitationAsync();
        var patient = await _setup.AcceptAsGuestAsync(invitation);

        var page = await patient.GetAsync($"/routines/{patient.RoutineId}/play");

        using var plan = System.Text.Json.JsonDocument.Parse(page.QuerySelector("script#session-plan")!.TextContent);
        var stretches = plan.RootElement.GetProperty("stretches").EnumerateArray().ToDictionary(s => s.GetProperty("slug").GetString()!);
        var rightOnly = stretches["seated-trunk-rotation"].GetProperty("blocks").EnumerateArray().ToList();
        Assert.NotEmpty(rightOnly);
        Assert.All(rightOnly, b => Assert.Equal("right", b.GetProperty("side").GetString()));
        Assert.Equal("Get ready: right side first", rightOnly[0].GetProperty("pause").GetProperty("text").GetString());
        // An item with no side prescribed is done on both sides, as the stretch says.
        var bothSides = stretches["quadruped-rotation"].GetProperty("blocks").EnumerateArray().Select(b => b.GetProperty("side").GetString()).Distinct();
        Assert.Equal(["left", "right"], bothSides);
    }

    private Task<string> SnapshotAsync(int routineId) => _factory.WithDbAsync(async db =>
    {
        var routine = await db.Routines.AsNoTracking().Include(r => r.Items).SingleAsync(r => r.Id == routineId);
        return string.Join(" | ", [routine.Name, routine.WeeklyTarget?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
            .. routine.Items.OrderBy(i => i.Position).Select(i => $"{i.Position}:{i.StretchSlug}:{i.Reps}:{i.Note}")]);
    });
}
