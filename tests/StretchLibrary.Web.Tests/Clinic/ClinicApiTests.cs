using System.Net;
using System.Text.Json;
using StretchLibrary.Web.Accounts.Tokens;
using StretchLibrary.Web.Tests.Api;

namespace StretchLibrary.Web.Tests.Clinic;

/// <summary>The clinic:read and programs:read API: what each token reads, and the 404/403 for everyone else.</summary>
public sealed class ClinicApiTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly string[] ClinicRead = [ApiTokens.ClinicRead];
    private static readonly string[] ProgramsRead = [ApiTokens.ProgramsRead];
    private static readonly string[] RoutinesAndSessions = [ApiTokens.RoutinesRead, ApiTokens.SessionsWrite];

    private readonly ApiApp _app = new();
    private readonly ClinicSetup _setup;

    public ClinicApiTests()
    {
        _app.Clock.Now = Now;
        _setup = new ClinicSetup(_app);
    }

    public void Dispose() => _app.Dispose();

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task A_clinic_token_reads_patients_as_consent_allows_and_each_read_is_in_the_access_log()
    {
        var (clinician, clinicianId) = await _setup.UserAsync("pt@example.com");
        var program = await _setup.ProgramAsync(clinicianId);
        var (_, anaId) = await _setup.UserAsync("ana@example.com");
        var (_, benId) = await _setup.UserAsync("ben@example.com");
        var ana = await _setup.EnrollAsync(clinicianId, program, anaId, "Ana P", notes: true);
        var ben = await _setup.EnrollAsync(clinicianId, program, benId, "Ben Q", pain: false);
        await _setup.LogAsync(ana, Today, painBefore: 4, painAfter: 2, note: "Easier today", version: 2);
        await _setup.LogAsync(ben, Today.AddDays(-8), painBefore: 6, note: "Ben's note");
        var client = await _app.ApiClientAsync(await ApiApp.CreateTokenAsync(clinician, "Clinic dashboard", ClinicRead));

        using var listResponse = await client.GetAsync("/api/v1/clinic/patients");
        var list = await JsonAsync(listResponse);
        using var oneResponse = await client.GetAsync($"/api/v1/clinic/patients/{ana.Id}");
        var one = await JsonAsync(oneResponse);
        using var benResponse = await client.GetAsync($"/api/v1/clinic/patients/{ben.Id}");
        var benOne = await JsonAsync(benResponse);

        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Ana P", "Ben Q"], items.Select(i => i.GetProperty("name").GetString()));
        Assert.Equal((1, "2026-11-25", 1), (items[0].GetProperty("thisWeek").GetInt32(), items[0].GetProperty("lastDone").GetString(), items[0].GetProperty("currentStreak").GetInt32()));
        Assert.Equal(["notDoneRecently"], items[1].GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        Assert.False(items[1].GetProperty("consent").GetProperty("pain").GetBoolean());
        Assert.Equal($"/clinic/patients/{ana.Id}", items[0].GetProperty("htmlUrl").GetString());

        Assert.Equal(12, one.GetProperty("weeks").GetArrayLength());
        var session = Assert.Single(one.GetProperty("sessions").EnumerateArray());
        Assert.Equal((4, 2, "Easier today", 2), (session.GetProperty("painBefore").GetInt32(), session.GetProperty("painAfter").GetInt32(), session.GetProperty("note").GetString(), session.GetProperty("programVersion").GetInt32()));
        var benSession = Assert.Single(benOne.GetProperty("sessions").EnumerateArray());
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (benSession.GetProperty("painBefore").ValueKind, benSession.GetProperty("note").ValueKind));

        Assert.Equal(
            ["Sessions, pain, notes: your progress, through the API", "Sessions, pain, notes: your 12-week view, through the API"],
            (await _setup.AccessLogAsync(anaId)).Select(e => e.What));
        Assert.Equal(2, (await _setup.AccessLogAsync(benId)).Count);
    }

    [Fact]
    public async Task Another_clinician_a_patient_a_withdrawn_consent_and_a_token_without_the_scope_get_nothing()
    {
        var (clinician, clinicianId) = await _setup.UserAsync("pt@example.com");
        var program = await _setup.ProgramAsync(clinicianId);
        var (patient, anaId) = await _setup.UserAsync("ana@example.com");
        var (_, caraId) = await _setup.UserAsync("cara@example.com");
        var (other, otherId) = await _setup.UserAsync("other-pt@example.com");
        await _setup.ProgramAsync(otherId, "Back program");
        var ana = await _setup.EnrollAsync(clinicianId, program, anaId, "Ana P");
        var cara = await _setup.EnrollAsync(clinicianId, program, caraId, "Cara R");
        await _setup.LogAsync(ana, Today, painBefore: 3);
        await _setup.LogAsync(cara, Today, painBefore: 8, note: "secret");
        _app.Clock.Now = Now.AddMinutes(1);
        await _setup.SetConsentAsync(cara, sessions: false);

        var otherClient = await _app.ApiClientAsync(await ApiApp.CreateTokenAsync(other, "Other", ClinicRead));
        var patientClient = await _app.ApiClientAsync(await ApiApp.CreateTokenAsync(patient, "Patient", ClinicRead));
        var noScope = await _app.ApiClientAsync(await ApiApp.CreateTokenAsync(clinician, "Routines only", RoutinesAndSessions));
        var own = await _app.ApiClientAsync(await ApiApp.CreateTokenAsync(clinician, "Clinic", ClinicRead));

        foreach (var client in new[] { otherClient, patientClient })
        {
            using var foreign = await client.GetAsync($"/api/v1/clinic/patients/{ana.Id}");
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
            using var listResponse = await client.GetAsync("/api/v1/clinic/patients");
            Assert.Equal(0, (await JsonAsync(listResponse)).GetProperty("items").GetArrayLength());
        }

        foreach (var url in new[] { "/api/v1/clinic/patients", $"/api/v1/clinic/patients/{ana.Id}" })
        {
            using var forbidden = await noScope.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
            Assert.Contains("clinic:read", forbidden.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }

        using var withdrawnResponse = await own.GetAsync($"/api/v1/clinic/patients/{cara.Id}");
        var withdrawn = await JsonAsync(withdrawnResponse);
        Assert.True(withdrawn.GetProperty("patient").GetProperty("withdrewConsent").GetBoolean());
        Assert.Equal(JsonValueKind.Null, withdrawn.GetProperty("patient").GetProperty("thisWeek").ValueKind);
        Assert.Equal(JsonValueKind.Null, withdrawn.GetProperty("patient").GetProperty("lastDone").ValueKind);
        Assert.Equal(0, withdrawn.GetProperty("sessions").GetArrayLength());
        Assert.Equal(0, withdrawn.GetProperty("weeks").GetArrayLength());
        Assert.DoesNotContain("secret", withdrawn.GetRawText(), StringComparison.Ordinal);
        Assert.Empty(await _setup.AccessLogAsync(caraId));
        Assert.Empty(await _setup.AccessLogAsync(anaId));
    }

    [Fact]
    public async Task A_programs_token_lists_the_programs_the_patient_follows_and_nothing_of_anyone_else()
    {
        var (clinician, clinicianId) = await _setup.UserAsync("pt@example.com");
        var program = await _setup.ProgramAsync(clinicianId);
        var (patient, anaId) = await _setup.UserAsync("ana@example.com");
        var (stranger, _) = await _setup.UserAsync("stranger@example.com");
        var ana = await _setup.EnrollAsync(clinicianId, program, anaId, "Ana P", notes: true);

        var mine = await _app.ApiClientAsync(await ApiApp.CreateTokenAsync(patient, "Watch", ProgramsRead));
        var theirs = await _app.ApiClientAsync(await ApiApp.CreateTokenAsync(stranger, "Other", ProgramsRead));
        var clinicians = await _app.ApiClientAsync(await ApiApp.CreateTokenAsync(clinician, "Clinic", ProgramsRead));
        var noScope = await _app.ApiClientAsync(await ApiApp.CreateTokenAsync(patient, "Routines", RoutinesAndSessions));

        using var response = await mine.GetAsync("/api/v1/me/programs");
        var item = Assert.Single((await JsonAsync(response)).GetProperty("items").EnumerateArray());
        Assert.Equal((ana.RoutineId, "Neck program", "Dr Ana Lima, PT, Riverside Physio", 1), (item.GetProperty("routineId").GetInt32(), item.GetProperty("name").GetString(), item.GetProperty("from").GetString(), item.GetProperty("programVersion").GetInt32()));
        Assert.Equal((true, true, true), (item.GetProperty("consent").GetProperty("sessions").GetBoolean(), item.GetProperty("consent").GetProperty("pain").GetBoolean(), item.GetProperty("consent").GetProperty("notes").GetBoolean()));
        Assert.Equal($"/api/v1/me/routines/{ana.RoutineId}", item.GetProperty("url").GetString());
        foreach (var client in new[] { theirs, clinicians })
        {
            using var empty = await client.GetAsync("/api/v1/me/programs");
            Assert.Equal(0, (await JsonAsync(empty)).GetProperty("items").GetArrayLength());
        }

        using var forbidden = await noScope.GetAsync("/api/v1/me/programs");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        using var anonymous = await (await _app.ApiClientAsync()).GetAsync("/api/v1/me/programs");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task The_token_page_offers_the_new_scopes_with_an_example_that_works_as_written()
    {
        var (clinician, clinicianId) = await _setup.UserAsync("pt@example.com");
        await _setup.ProgramAsync(clinicianId);

        var token = await ApiApp.CreateTokenAsync(clinician, "Dashboard", ClinicRead);
        var example = clinician.Page!.QuerySelector("pre.token-example[data-example=clinic] code")!.TextContent;
        await clinician.GetAsync("/account");
        var offered = clinician.Page!.QuerySelectorAll("form.token-form input[name='Input.Scopes']").Select(i => i.GetAttribute("value")!).ToArray();

        Assert.Equal($"curl -H \"Authorization: Bearer {token}\" https://localhost/api/v1/clinic/patients", example);
        Assert.Equal([ApiTokens.RoutinesRead, ApiTokens.SessionsWrite, ApiTokens.ProgramsRead, ApiTokens.ClinicRead], offered);
        using var response = await (await _app.ApiClientAsync(token)).GetAsync("/api/v1/clinic/patients");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_api_document_names_the_new_scopes_on_the_new_operations()
    {
        using var client = _app.CreateClient();

        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;

        string Scope(string path) => document.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("security")[0].GetProperty("bearer")[0].GetString()!;
        Assert.Equal(ApiTokens.ClinicRead, Scope("/api/v1/clinic/patients"));
        Assert.Equal(ApiTokens.ClinicRead, Scope("/api/v1/clinic/patients/{id}"));
        Assert.Equal(ApiTokens.ProgramsRead, Scope("/api/v1/me/programs"));
    }
}
