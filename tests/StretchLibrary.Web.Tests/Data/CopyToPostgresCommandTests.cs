using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Clinic;
using StretchLibrary.Web.Accounts.Tokens;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Routines.Reminders;
using StretchLibrary.Web.Routines.Sharing;
using StretchLibrary.Web.Tests.Pages.Routines;

namespace StretchLibrary.Web.Tests.Data;

/// <summary>
/// The <c>copy-to-postgres</c> verb, from a SQLite file the app wrote to a new database on the throwaway PostgreSQL
/// server tests/run starts (<c>STRETCHLIBRARY_TEST_POSTGRES</c>).
/// </summary>
// Copies from SQLite: runs in the SQLite pass (which has the PostgreSQL server too), not in the PostgreSQL one.
[Trait("Provider", "Sqlite")]
public sealed class CopyToPostgresCommandTests : IDisposable
{
    private const string Password = "plum tractor orbit";

    private static readonly string[] ChinTucks = ["chin-tucks"];

    private readonly string _database = $"copy_{Guid.NewGuid():N}";
    private readonly LibraryFactory _sqlite = new();
    private readonly LibraryFactory _postgres = new();

    public CopyToPostgresCommandTests()
    {
        _sqlite.Settings["Database:Provider"] = "Sqlite";
        _sqlite.Settings["ConnectionStrings:Default"] = $"Data Source={_sqlite.DatabasePath}";
        _postgres.Settings["Database:Provider"] = "Postgres";
        _postgres.Settings["ConnectionStrings:Default"] = Target;
    }

    private string Target => $"{LibraryFactory.PostgresServer};Database={_database}";

    public void Dispose()
    {
        _postgres.Dispose();
        _sqlite.Dispose();
        Npgsql.NpgsqlConnection.ClearAllPools();
        using var connection = new Npgsql.NpgsqlConnection($"{LibraryFactory.PostgresServer};Database=postgres");
        connection.Open();
        using var drop = connection.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)";
        drop.ExecuteNonQuery();
    }

    [Fact]
    public async Task A_copied_database_serves_the_routine_and_its_history_on_postgres()
    {
        var today = DateOnly.FromDateTime(_sqlite.Clock.Now.UtcDateTime);
        var owner = Browser(_sqlite);
        await owner.AddAsync("chin-tucks", newRoutine: "Desk");
        await owner.AddAsync("thoracic-extension", routineId: owner.RoutineId);
        var routineId = owner.RoutineId;
        await owner.RegisterAsync("ana@example.com", Password);
        await owner.GetAsync($"/routines/{routineId}");
        await owner.MarkDoneAsync(today.AddDays(-1));
        await owner.MarkDoneAsync(today);
        await owner.GetAsync($"/routines/{routineId}/share");
        await owner.SubmitAsync("form.create-link", ("ExpiresInDays", 30));

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CopyToPostgresCommand.RunAsync([_sqlite.DatabasePath, Target], output, error);

        Assert.True(exit == 0, error.ToString());
        Assert.Contains("\nRoutines: 1 rows", output.ToString().ReplaceLineEndings("\n"));
        Assert.Contains("RoutineItems: 2 rows", output.ToString());
        Assert.Contains("Completions: 2 rows", output.ToString());
        Assert.Contains("ShareLinks: 1 rows", output.ToString());
        Assert.Contains("AspNetUsers: 1 rows", output.ToString());

        var reader = Browser(_postgres);
        await reader.LoginAsync("ana@example.com", Password);
        var page = await reader.GetAsync($"/routines/{routineId}");
        Assert.Equal("Desk", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("2", reader.Stat("total"));
        var history = await reader.GetAsync($"/routines/{routineId}/history");
        Assert.Equal(2, history.QuerySelectorAll("table.history tbody tr").Length);
        var shares = await reader.GetAsync($"/routines/{routineId}/share");
        Assert.Single(shares.QuerySelectorAll(".share-link"));

        // The sequences moved past the copied ids: a new routine gets a fresh one.
        await reader.AddAsync("chin-tucks", newRoutine: "Evening");
        Assert.True(reader.RoutineId > routineId);
    }

    [Fact]
    public async Task A_target_that_already_has_an_account_is_refused_and_left_as_it_was()
    {
        var owner = Browser(_sqlite);
        await owner.AddAsync("chin-tucks", newRoutine: "Desk");
        await owner.RegisterAsync("ana@example.com", Password);
        var existing = Browser(_postgres);
        await existing.AddAsync("thoracic-extension", newRoutine: "Already here");
        await existing.RegisterAsync("bo@example.com", Password);

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CopyToPostgresCommand.RunAsync([_sqlite.DatabasePath, Target], output, error);

        Assert.Equal(1, exit);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("already has accounts", line);
        var names = await _postgres.WithDbAsync(db => db.Routines.Select(r => r.Name).ToListAsync());
        Assert.Equal(["Already here"], names);
        Assert.Equal(["bo@example.com"], await _postgres.WithDbAsync(db => db.Users.Select(u => u.Email!).ToListAsync()));
    }

    [Fact]
    public async Task Every_table_of_the_model_is_copied()
    {
        var owner = Browser(_sqlite);
        await owner.AddAsync("chin-tucks", newRoutine: "Desk");
        var routineId = owner.RoutineId;
        await owner.RegisterAsync("ana@example.com", Password);
        await owner.GetAsync($"/routines/{routineId}");
        await owner.MarkDoneAsync(DateOnly.FromDateTime(_sqlite.Clock.Now.UtcDateTime));
        var token = ApiTokens.NewToken();
        await _sqlite.WithDbAsync(async db =>
        {
            var userId = await db.Users.Select(u => u.Id).SingleAsync();
            var now = _sqlite.Clock.Now;
            db.ShareLinks.Add(new ShareLink { RoutineId = routineId, OwnerId = userId, TokenHash = ShareLinks.Hash("share"), CreatedAt = now });
            db.Reminders.Add(new ReminderSettings { RoutineId = routineId, OwnerId = userId, DaysMask = 31, Times = "08:00" });
            db.CalendarFeeds.Add(new CalendarFeed { RoutineId = routineId, OwnerId = userId, TokenHash = ShareLinks.Hash("feed"), CreatedAt = now });
            db.ApiTokens.Add(new ApiToken { OwnerId = userId, Name = "Watch", TokenHash = ApiTokens.Hash(token), Scopes = $"{ApiTokens.RoutinesRead} {ApiTokens.SessionsWrite}", CreatedAt = now, ExpiresAt = now.AddDays(30) });
            db.Roles.Add(new IdentityRole { Id = "role-1", Name = "Clinician", NormalizedName = "CLINICIAN" });
            db.RoleClaims.Add(new IdentityRoleClaim<string> { RoleId = "role-1", ClaimType = "scope", ClaimValue = "programs" });
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = userId, RoleId = "role-1" });
            db.UserClaims.Add(new IdentityUserClaim<string> { UserId = userId, ClaimType = "nickname", ClaimValue = "Ana" });
            db.UserLogins.Add(new IdentityUserLogin<string> { UserId = userId, LoginProvider = "Example", ProviderKey = "ana-1", ProviderDisplayName = "Example" });
            db.UserTokens.Add(new IdentityUserToken<string> { UserId = userId, LoginProvider = "Example", Name = "refresh", Value = "secret" });
            db.ClinicianProfiles.Add(new ClinicianProfile { UserId = userId, DisplayName = "Ana Lima, PT", ClinicName = "Riverside Physio", CreatedAt = now });
            db.Invitations.Add(new Invitation { OwnerId = userId, ProgramId = routineId, PatientName = "J. Patient", TokenHash = ShareLinks.Hash("invite"), CodeHash = ShareLinks.Hash("code"), Sealed = "sealed", CreatedAt = now, ExpiresAt = now.AddDays(14) });
            db.Enrollments.Add(new Enrollment { OwnerId = userId, ClinicianId = userId, ProgramId = routineId, RoutineId = routineId, PatientName = "J. Patient", AcceptedAt = now, ProgramVersion = 1 });
            db.AccessLog.Add(new AccessLogEntry { OwnerId = userId, ClinicianId = userId, ClinicianName = "Ana Lima, PT, Riverside Physio", ProgramId = routineId, ProgramName = "Desk", What = "Sessions: patient page", At = now });
            return await db.SaveChangesAsync();
        });
        // A session logged through the API with an idempotency key.
        using (var api = _sqlite.CreateClient())
        {
            api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/me/routines/{routineId}/sessions")
            {
                Content = System.Net.Http.Json.JsonContent.Create(new { date = DateOnly.FromDateTime(_sqlite.Clock.Now.UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), stretches = ChinTucks }),
            };
            request.Headers.Add("Idempotency-Key", "watch-session-1");
            using var response = await api.SendAsync(request);
            Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        }

        var tables = await _sqlite.WithDbAsync(db => Task.FromResult(db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()).Select(e => e.GetTableName()!).Distinct().ToList()));
        var before = await CountsAsync(_sqlite, tables);
        Assert.True(before.All(t => t.Value > 0), $"this test seeds a row of every table; add one to: {string.Join(", ", before.Where(t => t.Value == 0).Select(t => t.Key))}");

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CopyToPostgresCommand.RunAsync([_sqlite.DatabasePath, Target], output, error);

        Assert.True(exit == 0, error.ToString());
        var after = await CountsAsync(_postgres, tables);
        Assert.True(before.All(t => after[t.Key] == t.Value), "not copied: " + string.Join(", ", before.Where(t => after[t.Key] != t.Value).Select(t => $"{t.Key} ({after[t.Key]} of {t.Value} rows)")));
        Assert.All(before, table => Assert.Contains($"{table.Key}: {table.Value} rows", output.ToString(), StringComparison.Ordinal));
    }

    /// <summary>Each table's row count, read with the app's own context on that database.</summary>
    private static Task<SortedDictionary<string, long>> CountsAsync(LibraryFactory instance, IEnumerable<string> tables) => instance.WithDbAsync(async db =>
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            // Names come from the model, not from input.
            var sql = "SELECT count(*) AS \"Value\" FROM \"" + table + "\"";
            counts[table] = await db.Database.SqlQueryRaw<long>(sql).SingleAsync();
        }

        return counts;
    });

    private static RoutineClient Browser(LibraryFactory instance) =>
        new(instance.CreateDefaultClient(instance.ClientOptions.BaseAddress, new RedirectHandler(), new CookieContainerHandler()));
}
