using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Tests.Pages.Routines;

namespace StretchLibrary.Web.Tests.Clinic;

/// <summary>Every clinic route tried by another clinician, an account without a profile, and a guest, on the owner's ids.</summary>
public sealed class AccessTests : IAsyncLifetime, IDisposable
{
    private readonly LibraryFactory _factory = new();
    private int _programId;
    private int _invitationId;

    public static TheoryData<string, string> Routes => new()
    {
        { "GET", "/clinic/programs/{program}/invite" },
        { "POST", "/clinic/programs/{program}/invite" },
        { "POST", "/clinic?handler=Duplicate&programId={program}" },
        { "GET", "/clinic/invitations/{invitation}" },
        { "POST", "/clinic/invitations/{invitation}?handler=Revoke" },
        { "GET", "/clinic/invitations/{invitation}/sheet" },
        { "GET", "/routines/{program}/notes" },
        { "POST", "/routines/{program}/notes" },
    };

    public async Task InitializeAsync()
    {
        var owner = await ClinicClient.StartAsync(_factory);
        _programId = await owner.NewProgramAsync("Owner's program", "chin-tucks");
        _invitationId = await owner.InviteAsync(_programId, "Owner's patient");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _factory.Dispose();

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Another_clinician_gets_404_and_nothing_changes(string method, string template)
    {
        var other = await ClinicClient.StartAsync(_factory, "ben@example.com", "Ben", "Other clinic");
        await other.NewProgramAsync("Ben's program", "prone-w");
        var before = await SnapshotAsync();

        using var response = await SendAsync(other.Visitor, method, template);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task A_guest_gets_404_and_nothing_changes(string method, string template)
    {
        var guest = new RoutineClient(_factory.CreateClient());
        await guest.AddAsync("chin-tucks", newRoutine: "Mine");
        var before = await SnapshotAsync();

        using var response = await SendAsync(guest, method, template);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task The_owner_reaches_every_route()
    {
        var owner = new RoutineClient(_factory.CreateClient());
        await owner.LoginAsync("ana@example.com", ClinicClient.Password);

        foreach (var path in new[] { "/clinic", "/clinic/profile", "/clinic/programs/new", $"/clinic/programs/{_programId}/invite", $"/clinic/invitations/{_invitationId}", $"/clinic/invitations/{_invitationId}/sheet", $"/routines/{_programId}", $"/routines/{_programId}/notes" })
        {
            using var response = await owner.Http.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
        }
    }

    private async Task<HttpResponseMessage> SendAsync(RoutineClient visitor, string method, string template)
    {
        var url = template.Replace("{program}", _programId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{invitation}", _invitationId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        if (method == "GET")
        {
            return await visitor.Http.GetAsync(url);
        }

        var token = visitor.Page!.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["PatientName"] = "Taken over",
            ["Days"] = "14",
            ["Notes"] = "Taken over",
        });
        return await visitor.Http.PostAsync(url, content);
    }

    /// <summary>Programs, their items, invitations and links as JSON: equal snapshots mean nothing changed.</summary>
    private Task<string> SnapshotAsync() => _factory.WithDbAsync(async db => JsonSerializer.Serialize(new
    {
        Routines = await db.Routines.AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.Id, r.OwnerId, r.Name, r.Notes, r.IsProgram, r.Version }).ToListAsync(),
        Items = await db.RoutineItems.AsNoTracking().OrderBy(i => i.Id).Select(i => new { i.Id, i.RoutineId, i.StretchSlug }).ToListAsync(),
        Invitations = await db.Invitations.AsNoTracking().OrderBy(i => i.Id).Select(i => new { i.Id, i.OwnerId, i.PatientName, i.RevokedAt }).ToListAsync(),
        Links = await db.Enrollments.AsNoTracking().CountAsync(),
    }));
}
