using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Routines;
using StretchLibrary.Web.Routines.Sessions;
using StretchLibrary.Web.Tests.Pages.Routines;
using Xunit.Abstractions;

namespace StretchLibrary.Web.Tests.Security;

/// <summary>
/// Hundreds of malformed and hostile requests across every form. None may answer 5xx; one that is refused must
/// leave the database exactly as it was; one that is accepted must leave only valid data behind.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string[] Texts =
    [
        "", " ", "\r\n", new('a', 81), new('a', 301), new('a', 501), new('a', 1025), new('x', 100_000), new('y', 1_100_000),
        "\0", "a\0b", "\u001b[31mred", "\u202Eevil.exe", "bell\u0007", "😀👨‍👩‍👧 ünïcödé ʇxǝʇ", "\uFEFFbom", "e" + new string('\u0301', 500),
        "<script>alert(1)</script>", "\" onmouseover=alert(1) x=\"", "javascript:alert(1)", "<img src=x onerror=alert(1)>",
        "' OR 1=1 --", "'; DROP TABLE Routines; --", "1; DELETE FROM Completions", "%00", "../../../../etc/passwd", "{{7*7}}",
    ];

    private static readonly string[] Numbers =
    [
        "-1", "0", "2147483648", "-2147483649", "99999999999999999999", "1e3", "1.5", "NaN", "abc", "", " ", "٣", "0x10", "1,000", "+5", "5 OR 1=1", "11", "601",
    ];

    private static readonly string[] ControlPaths = ["/x%0A", "/x%0D", "/x%0D%0A", "/x%07", "/x%1B[2J", "/x%E2%80%A8", "/x%C2%85"];

    private static readonly string[] LineBreaks = ["\n", "\r", "\r\n"];

    private static readonly string[] LoggedHeaders = ["Origin", "Sec-Fetch-Site", "User-Agent", "Referer", "X-Forwarded-For", "Accept-Language"];

    private static readonly string[] Dates = ["9999-12-31", "0001-01-01", "2026-02-30", "2026-13-01", "yesterday", "", "1/2/2026", "<script>", "2020-01-01T00:00:00Z"];

    private readonly LibraryFactory _factory = new()
    {
        Settings =
        {
            ["RateLimits:Login:PermitLimit"] = "100000",
            ["RateLimits:Register:PermitLimit"] = "100000",
            ["RateLimits:Guest:PermitLimit"] = "100000",
            ["RateLimits:Writes:PermitLimit"] = "100000",
            ["RateLimits:Import:PermitLimit"] = "100000",
        },
    };

    private readonly List<string> _failures = [];
    private readonly Dictionary<int, int> _statuses = [];
    private int _sent;

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Hostile_requests_get_no_5xx_and_store_nothing_partial_or_invalid()
    {
        var (owner, ownerRaw) = Visitor();
        await owner.AddAsync("prone-w", newRoutine: "Owner's routine");
        await owner.AddAsync("chin-tucks", routineId: owner.RoutineId);
        var id = owner.RoutineId;
        await owner.MarkDoneAsync(DateOnly.FromDateTime(DateTime.UtcNow));
        var item = await _factory.WithDbAsync(db => db.RoutineItems.Where(i => i.RoutineId == id).Select(i => i.Id).FirstAsync());
        var token = Token(owner.Page!);
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // Each form with valid values, so that only the field under test is hostile.
        var forms = new (string Url, Dictionary<string, string> Valid)[]
        {
            ($"/routines/{id}?handler=Rename", new() { ["Name"] = "Renamed" }),
            ($"/routines/{id}?handler=Target", new() { ["WeeklyTarget"] = "3" }),
            ($"/routines/{id}/items/{item}", new() { ["Input.Reps"] = "5", ["Input.HoldSeconds"] = "10", ["Input.Sets"] = "2", ["Input.PerDay"] = "1", ["Input.Note"] = "ok" }),
            ($"/routines/{id}/done", new() { ["Input.Date"] = today, ["Input.Stretches"] = "chin-tucks", ["Input.PainBefore"] = "3", ["Input.PainAfter"] = "2", ["Input.Note"] = "ok", ["Input.Tz"] = "" }),
            ("/routines/add/thoracic-extension", new() { ["RoutineId"] = "0", ["NewName"] = "Fresh", ["Tz"] = "" }),
            ("/routines?handler=Create", new() { ["Name"] = "Created", ["Tz"] = "" }),
            ("/account?handler=TimeZone", new() { ["TimeZone"] = "UTC" }),
        };

        foreach (var (url, valid) in forms)
        {
            foreach (var field in valid.Keys)
            {
                var values = field switch
                {
                    "Input.Date" => Dates,
                    "WeeklyTarget" or "RoutineId" or "Input.Reps" or "Input.HoldSeconds" or "Input.Sets" or "Input.PerDay" or "Input.PainBefore" or "Input.PainAfter" => Numbers,
                    _ => Texts,
                };
                foreach (var value in values)
                {
                    await SendAsync($"{url} {field}={Show(value)}", ownerRaw, () => Form(url, With(valid, token, (field, value))));
                }
            }
        }

        // Sign-in and registration, each from a fresh anonymous visitor.
        foreach (var (url, field) in new[] { ("/account/login", "Input.Email"), ("/account/login", "Input.Password"), ("/account/login", "ReturnUrl"), ("/account/register", "Input.Email"), ("/account/register", "Input.Password") })
        {
            foreach (var value in Texts)
            {
                var (visitor, raw) = Visitor();
                await visitor.GetAsync(url);
                var valid = url.EndsWith("login", StringComparison.Ordinal)
                    ? new Dictionary<string, string> { ["Input.Email"] = "nobody@example.com", ["Input.Password"] = "not a real password", ["ReturnUrl"] = "/routines" }
                    : new Dictionary<string, string> { ["Input.Email"] = $"fuzz{_sent}@example.com", ["Input.Password"] = "a sturdy passphrase", ["Input.ConfirmPassword"] = "a sturdy passphrase" };
                if (field == "Input.Password" && valid.ContainsKey("Input.ConfirmPassword"))
                {
                    valid["Input.ConfirmPassword"] = value;
                }

                await SendAsync($"{url} {field}={Show(value)}", raw, () => Form(url, With(valid, Token(visitor.Page!), (field, value))));
            }
        }

        // The stretches ticked as done: none, unknown, many, hostile.
        foreach (var ticked in new[] { Array.Empty<string>(), ["nope"], ["../../etc/passwd"], [.. Enumerable.Repeat("chin-tucks", 150)], ["' OR 1=1 --"], ["<script>"] })
        {
            var fields = With(new() { ["Input.Date"] = today }, token).ToList();
            fields.AddRange(ticked.Select(s => new KeyValuePair<string, string>("Input.Stretches", s)));
            await SendAsync($"done with {ticked.Length} stretches ({Show(ticked.FirstOrDefault() ?? "")})", ownerRaw, () => Form($"/routines/{id}/done", fields));
        }

        await SendProtocolCasesAsync(ownerRaw, id, token);
        await SendImportFilesAsync(ownerRaw, token);

        output.WriteLine($"{_sent} requests: " + string.Join(", ", _statuses.OrderBy(s => s.Key).Select(s => $"{s.Value} × {s.Key}")));
        Assert.True(_sent >= 200, $"only {_sent} requests sent");
        // Both kinds must occur, or the test is not exercising the forms: valid-but-odd input saved, bad input refused.
        Assert.True(_statuses.GetValueOrDefault(302) >= 20 && _statuses.GetValueOrDefault(200) >= 100, string.Join(", ", _statuses));
        Assert.True(_failures.Count == 0, $"{_failures.Count} of {_sent} requests misbehaved:\n" + string.Join("\n", _failures.Take(40)));
    }

    [Fact]
    public async Task Control_characters_in_paths_and_headers_get_no_5xx_and_never_split_a_log_line()
    {
        var log = new LogCapture();
        using var factory = new LibraryFactory { Log = log };
        var client = factory.CreateClient();
        // Each hostile value carries a line of its own that would look like a real one, were it written raw.
        const string Forged = "[12:00:00 INF] FORGED";
        var encoded = Uri.EscapeDataString(Forged);
        var paths = ControlPaths.SelectMany(p => (string[])[p + encoded, "/s" + p + encoded, "/calendar" + p + encoded + ".ics", "/stretches" + p + encoded, "/api/v1/stretches" + p + encoded]);
        var headers = LineBreaks.SelectMany(breakChars => LoggedHeaders.Select(name => (Name: name, Value: "x" + breakChars + Forged)));

        var statuses = new List<(string Case, int Status)>();
        foreach (var path in paths)
        {
            using var response = await client.GetAsync(path);
            statuses.Add((path, (int)response.StatusCode));
        }

        foreach (var (name, value) in headers)
        {
            // A POST, so the cross-site check reads (and logs) Origin and Sec-Fetch-Site.
            using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login") { Content = new FormUrlEncodedContent([]) };
            Assert.True(request.Headers.TryAddWithoutValidation(name, value));
            using var response = await client.SendAsync(request);
            statuses.Add(($"{name}: {Show(value)}", (int)response.StatusCode));
        }

        Assert.All(statuses, s => Assert.True(s.Status < 500, $"{s.Case} answered {s.Status}"));
        // Every request line and each refusal was written...
        await log.LineContainingAsync(@"HTTP GET /x\u001b[2J");
        await log.LineContainingAsync(@"Origin x\r\n[12:00:00 INF] FORGED");
        // ...and no forged line stands on its own.
        Assert.DoesNotContain(log.Lines, line => line.StartsWith(Forged, StringComparison.Ordinal));
        Assert.DoesNotContain(log.Text, c => c is '\r' or '\u001b' or '\u2028' or '\u0085' or '\0');
    }

    /// <summary>Requests that are wrong as HTTP or as a form, rather than in one field's value.</summary>
    private async Task SendProtocolCasesAsync(HttpClient owner, int id, string token)
    {
        var rename = $"/routines/{id}?handler=Rename";
        var anonymous = new RoutineClient(_factory.CreateClient());
        await anonymous.GetAsync("/account/login");
        var cases = new (string Name, Func<HttpRequestMessage> Request)[]
        {
            ("no antiforgery token", () => Form(rename, [new("Name", "No token")])),
            ("someone else's token", () => Form(rename, With(new() { ["Name"] = "Their token" }, Token(anonymous.Page!)))),
            ("garbage token", () => Form(rename, With(new() { ["Name"] = "Garbage" }, "AAAA"))),
            ("token only in the query", () => Form(rename + "&__RequestVerificationToken=" + Uri.EscapeDataString(token), [new("Name", "Query token")])),
            ("two tokens", () => Form(rename, [new("__RequestVerificationToken", token), new("__RequestVerificationToken", "AAAA"), new("Name", "Two tokens")])),
            ("duplicate names", () => Form(rename, With(new() { ["Name"] = "First" }, token).Append(new("Name", "Second")))),
            ("duplicate numbers", () => Form($"/routines/{id}?handler=Target", With(new() { ["WeeklyTarget"] = "4" }, token).Append(new("WeeklyTarget", "x")))),
            ("JSON body", () => Raw(rename, "application/json", JsonSerializer.Serialize(new { Name = "Json", __RequestVerificationToken = token }))),
            ("text body", () => Raw(rename, "text/plain", "Name=Text&__RequestVerificationToken=" + token)),
            ("no content type", () => Raw(rename, null, "Name=None&__RequestVerificationToken=" + token)),
            ("XML body", () => Raw(rename, "application/xml", "<Name>Xml</Name>")),
            ("broken multipart", () => Raw(rename, "multipart/form-data; boundary=zzz", "--zzz\r\nContent-Disposition: form-data; name=\"Name\"\r\n\r\nBroken")),
            ("multipart without boundary", () => Raw(rename, "multipart/form-data", "Name=x")),
            ("huge multipart file", () => Multipart(rename, token, new byte[3 * 1024 * 1024])),
            ("bad percent-encoding", () => Raw(rename, "application/x-www-form-urlencoded", "Name=%zz%&__RequestVerificationToken=" + Uri.EscapeDataString(token))),
            ("invalid UTF-8", () => RawBytes(rename, "application/x-www-form-urlencoded", [.. Encoding.ASCII.GetBytes("__RequestVerificationToken=" + Uri.EscapeDataString(token) + "&Name="), 0xC3, 0x28, 0xFF, 0xFE])),
            ("a thousand fields", () => Form(rename, With(new() { ["Name"] = "Many" }, token).Concat(Enumerable.Range(0, 1000).Select(i => new KeyValuePair<string, string>($"f{i}", "v"))))),
            ("ten-kilobyte field name", () => Form(rename, With(new() { ["Name"] = "Long key" }, token).Append(new(new string('k', 10_000), "v")))),
            ("three-megabyte body", () => Form(rename, With(new() { ["Name"] = "Huge" }, token).Append(new("Filler", new string('z', 3 * 1024 * 1024))))),
            ("unknown handler", () => Form($"/routines/{id}?handler=Explode", With(new() { ["Name"] = "Unknown" }, token))),
            ("refused session from a new time zone", () => Form($"/routines/{id}/done", With(new() { ["Input.Date"] = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Input.Stretches"] = "chin-tucks", ["Input.PainBefore"] = "11", ["Input.Tz"] = "Pacific/Auckland" }, token))),
            ("unknown handler on a GET", () => new HttpRequestMessage(HttpMethod.Get, $"/routines/{id}?handler=Explode")),
            ("id that is not a number", () => Form("/routines/abc/done", With([], token))),
            ("id past int range", () => Form("/routines/99999999999/done", With([], token))),
            ("negative id", () => Form("/routines/-1/done", With([], token))),
            ("unknown item", () => Form($"/routines/{id}/items/999999", With(new() { ["Input.Reps"] = "5" }, token))),
            ("unknown stretch", () => Form("/routines/add/%3Cscript%3E", With(new() { ["RoutineId"] = "0", ["NewName"] = "x" }, token))),
            ("PUT", () => new HttpRequestMessage(HttpMethod.Put, rename) { Content = new FormUrlEncodedContent(With(new() { ["Name"] = "Put" }, token)) }),
            ("DELETE", () => new HttpRequestMessage(HttpMethod.Delete, $"/routines/{id}")),
            ("PATCH", () => new HttpRequestMessage(HttpMethod.Patch, rename) { Content = new FormUrlEncodedContent(With(new() { ["Name"] = "Patch" }, token)) }),
            ("OPTIONS", () => new HttpRequestMessage(HttpMethod.Options, rename)),
            ("TRACE", () => new HttpRequestMessage(HttpMethod.Trace, "/")),
        };

        foreach (var (name, request) in cases)
        {
            await SendAsync(name, owner, request);
        }

        // Destructive forms, only ever without a valid token.
        foreach (var url in new[] { $"/routines/{id}/delete", "/account/delete", $"/routines/{id}/done?handler=undo", $"/routines/{id}/items/1/remove", "/account/logout" })
        {
            await SendAsync($"{url} without token", owner, () => Form(url, [new("Password", "x")]));
            await SendAsync($"{url} with a forged token", owner, () => Form(url, With([], "CfDJ8forged")));
        }
    }

    /// <summary>
    /// Import files with lone UTF-16 surrogates, control characters, bidi controls and invisible-only names in every
    /// kind of string, written as JSON escapes and (where JSON allows) as raw characters, plus broken encodings.
    /// </summary>
    private async Task SendImportFilesAsync(HttpClient owner, string token)
    {
        string[] hostile =
        [
            "\\ud800", "a\\udc00b", "\\udbff\\udbff", "\\udfff\\ud800", "\\u0000", "a\\u0000b", "\\u001b[31mred", "bell\\u0007", "two\\r\\nlines", "tab\\there",
            "\\u202Eevil.exe", "\\u2066x\\u2069", "\\u200B", "\\uFEFF", "\\u200B\\uFEFF", "\\u3164", "\\u0085next", "\\u009b", "\\u007f", "\u202Eraw", "\u200B\u200B",
        ];
        foreach (var value in hostile)
        {
            foreach (var field in new[] { "name", "slug", "itemNote", "sessionNote", "stretch", "date", "format" })
            {
                // The item's slug and the session's stretch stay the same, as in a real export.
                var slug = field is "slug" or "stretch" ? value : "chin-tucks";
                var json = ImportFile(field == "name" ? value : "Imported", slug, field == "itemNote" ? value : "fine",
                    field == "sessionNote" ? value : "fine", slug, field == "date" ? value : null, field == "format" ? value : "stretchlibrary-export");
                await SendAsync($"import {field}={value}", owner, () => Upload(token, Encoding.UTF8.GetBytes(json)));
            }
        }

        var valid = Encoding.UTF8.GetBytes(ImportFile("Imported", "chin-tucks", "fine", "fine", "chin-tucks", null, "stretchlibrary-export"));
        var cases = new (string Name, byte[] File)[]
        {
            ("a lone surrogate as a property name", Encoding.UTF8.GetBytes("{\"\\ud800\":1,\"format\":\"stretchlibrary-export\",\"version\":1,\"routines\":[]}")),
            ("a raw NUL byte in a string", Encoding.UTF8.GetBytes("{\"format\":\"stretchlibrary-export\",\"version\":1,\"routines\":[{\"name\":\"a\0b\"}]}")),
            ("a raw line break in a string", Encoding.UTF8.GetBytes("{\"format\":\"stretchlibrary-export\",\"version\":1,\"routines\":[{\"name\":\"a\nb\"}]}")),
            ("invalid UTF-8", [.. valid[..40], 0xC3, 0x28, 0xED, 0xA0, 0x80, 0xFF, .. valid[40..]]),
            ("an encoded lone surrogate (CESU-8) in a name", [.. Encoding.UTF8.GetBytes("{\"format\":\"stretchlibrary-export\",\"version\":1,\"routines\":[{\"name\":\""), 0xED, 0xA0, 0x80, .. Encoding.UTF8.GetBytes("\"}]}")]),
            ("UTF-16 with a byte-order mark", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(valid))]),
            ("UTF-8 with a byte-order mark", [.. Encoding.UTF8.GetPreamble(), .. valid]),
            ("nested a thousand deep", Encoding.UTF8.GetBytes(new string('[', 1000) + new string(']', 1000))),
            ("empty", []),
        };
        foreach (var (name, file) in cases)
        {
            await SendAsync($"import {name}", owner, () => Upload(token, file));
        }
    }

    /// <summary>One routine with one item and one session; each string is put in as given (JSON escapes stay escapes).</summary>
    private static string ImportFile(string name, string slug, string itemNote, string sessionNote, string stretch, string? date, string format)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return $$"""
            {"format":"{{format}}","version":1,"routines":[{"name":"{{name}}","weeklyTarget":3,
              "items":[{"slug":"{{slug}}","reps":5,"note":"{{itemNote}}"}],
              "completions":[{"date":"{{date ?? today}}","completedAtUtc":"{{today}}T08:00:00Z","stretches":["{{stretch}}"],"note":"{{sessionNote}}"}]}]}
            """;
    }

    private static HttpRequestMessage Upload(string token, byte[] file)
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(""), "Tz" },
            { new ByteArrayContent(file), "Upload", "export.json" },
        };
        return new HttpRequestMessage(HttpMethod.Post, "/account/import") { Content = content };
    }

    /// <summary>A visitor that follows redirects (to arrange), and the same visitor's cookies on a client that does not (to judge each answer).</summary>
    private (RoutineClient Visitor, HttpClient Raw) Visitor()
    {
        var jar = new System.Net.CookieContainer();
        var address = _factory.ClientOptions.BaseAddress;
        return (new RoutineClient(_factory.CreateDefaultClient(address, new RedirectHandler(), new CookieContainerHandler(jar))), _factory.CreateDefaultClient(address, new CookieContainerHandler(jar)));
    }

    private async Task SendAsync(string name, HttpClient client, Func<HttpRequestMessage> build)
    {
        _sent++;
        var before = await SnapshotAsync();
        HttpStatusCode status;
        try
        {
            using var request = build();
            using var response = await client.SendAsync(request);
            status = response.StatusCode;
        }
        catch (HttpRequestException ex)
        {
            _failures.Add($"{name}: {ex.Message}");
            return;
        }

        _statuses[(int)status] = _statuses.GetValueOrDefault((int)status) + 1;
        if ((int)status >= 500)
        {
            _failures.Add($"{name}: answered {(int)status}");
        }

        var accepted = status is HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.Found;
        if (!accepted && await SnapshotAsync() != before)
        {
            _failures.Add($"{name}: refused ({(int)status}) but the data changed");
        }
        else if (accepted)
        {
            _failures.AddRange((await InvalidDataAsync()).Select(problem => $"{name}: accepted, and now {problem}"));
        }
    }

    /// <summary>Users, routines, items and completions as JSON (failed sign-in counters left out).</summary>
    private Task<string> SnapshotAsync() => _factory.WithDbAsync(async db => JsonSerializer.Serialize(new
    {
        Users = await db.Users.AsNoTracking().OrderBy(u => u.Id).Select(u => new { u.Id, u.UserName, u.Email, u.IsGuest, u.TimeZoneId, u.PasswordHash }).ToListAsync(),
        Routines = await db.Routines.AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.Id, r.OwnerId, r.Name, r.WeeklyTarget, r.UpdatedAt }).ToListAsync(),
        Items = await db.RoutineItems.AsNoTracking().OrderBy(i => i.Id).ToListAsync(),
        Completions = await db.Completions.AsNoTracking().OrderBy(c => c.Id).ToListAsync(),
    }));

    /// <summary>Everything the forms promise about stored data, checked row by row.</summary>
    private Task<List<string>> InvalidDataAsync() => _factory.WithDbAsync(async db =>
    {
        var problems = new List<string>();
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2);
        foreach (var r in await db.Routines.AsNoTracking().Include(r => r.Items).ToListAsync())
        {
            Check(problems, r.Name.Trim().Length is > 0 and <= Routine.NameMaxLength && UserText.Problem(r.Name, multiLine: false) is null, $"routine name {Show(r.Name)}");
            Check(problems, r.WeeklyTarget is null or (>= 1 and <= 21), $"weekly target {r.WeeklyTarget}");
            Check(problems, r.Items.Select(i => i.Position).Order().SequenceEqual(Enumerable.Range(0, r.Items.Count)), $"item positions of routine {r.Id}");
            foreach (var i in r.Items)
            {
                Check(problems, (i.Reps is null or (>= 1 and <= 100)) && (i.HoldSeconds is null or (>= 1 and <= 600)) && (i.Sets is null or (>= 1 and <= 10)) && (i.PerDay is null or (>= 1 and <= 10)), $"item {i.Id} dosage");
                Check(problems, i.Note is null || (i.Note.Length <= RoutineItem.NoteMaxLength && UserText.Problem(i.Note, multiLine: true) is null), $"item note {Show(i.Note ?? "")}");
                Check(problems, UserText.Problem(i.StretchSlug, multiLine: false) is null, $"item slug {Show(i.StretchSlug)}");
            }
        }

        var slugs = await db.RoutineItems.AsNoTracking().Select(i => new { i.RoutineId, i.StretchSlug }).ToListAsync();
        foreach (var c in await db.Completions.AsNoTracking().ToListAsync())
        {
            Check(problems, c.PainBefore is null or (>= 0 and <= 10) && c.PainAfter is null or (>= 0 and <= 10), $"pain {c.PainBefore}/{c.PainAfter}");
            Check(problems, c.LocalDate <= tomorrow && c.LocalDate >= tomorrow.AddYears(-6), $"date {c.LocalDate}");
            Check(problems, c.StretchSlugs.Count > 0 && c.StretchSlugs.Distinct().Count() == c.StretchSlugs.Count && c.StretchSlugs.All(s => slugs.Contains(new { c.RoutineId, StretchSlug = s })), $"stretches {string.Join(",", c.StretchSlugs)}");
            Check(problems, c.Note is null || (c.Note.Length <= Completion.NoteMaxLength && UserText.Problem(c.Note, multiLine: true) is null), $"session note {Show(c.Note ?? "")}");
        }

        foreach (var u in await db.Users.AsNoTracking().ToListAsync())
        {
            Check(problems, StretchLibrary.Web.Platform.LocalClock.IsKnownZone(u.TimeZoneId), $"time zone {Show(u.TimeZoneId)}");
            Check(problems, u.IsGuest || (u.Email is { Length: <= 254 } && u.PasswordHash is not null), $"account {Show(u.UserName ?? "")}");
        }

        return problems;
    });

    private static void Check(List<string> problems, bool ok, string what)
    {
        if (!ok)
        {
            problems.Add("invalid " + what);
        }
    }

    private static string Token(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    private static Dictionary<string, string> With(Dictionary<string, string> valid, string token, params (string Field, string Value)[] changes)
    {
        var fields = new Dictionary<string, string>(valid) { ["__RequestVerificationToken"] = token };
        foreach (var (field, value) in changes)
        {
            fields[field] = value;
        }

        return fields;
    }

    private static HttpRequestMessage Form(string url, IEnumerable<KeyValuePair<string, string>> fields) =>
        new(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };

    private static HttpRequestMessage Raw(string url, string? contentType, string body) => RawBytes(url, contentType, Encoding.UTF8.GetBytes(body));

    private static HttpRequestMessage RawBytes(string url, string? contentType, byte[] body)
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
    }

    private static HttpRequestMessage Multipart(string url, string token, byte[] file)
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Multipart"), "Name" },
            { new ByteArrayContent(file), "Upload", "big.bin" },
        };
        return new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
    }

    private static string Show(string value) =>
        value.Length > 24 ? $"{Escape(value[..12])}…({value.Length} chars)" : Escape(value);

    private static string Escape(string value) => string.Concat(value.Select(c => char.IsControl(c) || char.IsSurrogate(c) || c is (>= '\u2000' and <= '\u206F') or '\uFEFF' ? $"\\u{(int)c:x4}" : c.ToString()));
}
