using System.Buffers.Binary;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StretchLibrary.Web.Platform.Security;
using StretchLibrary.Web.Tests.Pages.Routines;

namespace StretchLibrary.Web.Tests.Security;

public sealed class PasswordPolicyTests : IDisposable
{
    private readonly LibraryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private RoutineClient Visitor() => new(_factory.CreateClient());

    [Theory]
    [InlineData("password")]
    [InlineData("12345678")]
    [InlineData("qwerty123")]
    [InlineData("ILOVEYOU")]
    [InlineData("Password1!")]
    [InlineData("sunshine1")]
    public async Task A_common_password_is_refused_next_to_the_field(string password)
    {
        var page = await Visitor().RegisterAsync("new@example.com", password);

        Assert.Contains("too easy to guess", page.QuerySelector("[data-valmsg-for='Input.Password']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task A_guest_whose_password_is_refused_stays_a_guest_and_can_try_again()
    {
        var visitor = Visitor();
        await visitor.AddAsync("chin-tucks", newRoutine: "Mine");

        var refused = await visitor.RegisterAsync("guest@example.com", "iloveyou1");
        var kept = await _factory.WithDbAsync(db => db.Users.SingleAsync());
        var accepted = await visitor.RegisterAsync("guest@example.com", "slow mornings need neck rolls");

        Assert.NotNull(refused.QuerySelector("[data-valmsg-for='Input.Password']:not(:empty)"));
        Assert.True(kept.IsGuest);
        Assert.Null(kept.Email);
        Assert.Equal("My routines", accepted.QuerySelector("h1")!.TextContent);
        Assert.Equal(["Mine"], accepted.QuerySelectorAll(".routine-list a").Select(a => a.TextContent));
    }

    [Fact]
    public async Task A_long_passphrase_is_accepted_and_signs_in()
    {
        var passphrase = string.Concat(Enumerable.Repeat("tall trees sway gently ", 14)).Trim();
        Assert.True(passphrase.Length > 300);
        await Visitor().RegisterAsync("long@example.com", passphrase);

        var page = await Visitor().LoginAsync("long@example.com", passphrase);

        Assert.Equal("My routines", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task A_password_over_the_limit_is_refused()
    {
        var page = await Visitor().RegisterAsync("huge@example.com", new string('x', PasswordPolicy.MaxLength - 10) + " unusual!!!");

        Assert.Contains("at most 1024", page.QuerySelector("[data-valmsg-for='Input.Password']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public void The_list_holds_the_usual_suspects_and_matches_regardless_of_case()
    {
        Assert.True(CommonPasswordValidator.Count >= 1000, $"{CommonPasswordValidator.Count} passwords");
        Assert.All(["123456", "password", "qwerty123", "iloveyou", "letmein", "football", "1q2w3e4r", "PASSWORD1"], p => Assert.True(CommonPasswordValidator.IsCommon(p), p));
        Assert.False(CommonPasswordValidator.IsCommon("violet kettle on the stairs"));
    }

    [Fact]
    public async Task Passwords_are_hashed_with_at_least_210000_PBKDF2_iterations()
    {
        await Visitor().RegisterAsync("hash@example.com", "correct horse battery");

        var hash = Convert.FromBase64String((await _factory.WithDbAsync(db => db.Users.Select(u => u.PasswordHash).SingleAsync()))!);

        // Identity's v3 format: 0x01, PRF (4 bytes), iteration count (4 bytes, big-endian), salt length, salt, subkey.
        Assert.Equal(0x01, hash[0]);
        Assert.True(BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5, 4)) >= 210_000);
        Assert.True(_factory.Services.GetRequiredService<IOptions<PasswordHasherOptions>>().Value.IterationCount >= 210_000);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_for_the_right_password()
    {
        await Visitor().RegisterAsync("lock@example.com", "correct horse battery");
        var attacker = Visitor();
        for (var i = 0; i < 5; i++)
        {
            await attacker.LoginAsync("lock@example.com", $"wrong guess {i}");
        }

        var owner = Visitor();
        var page = await owner.LoginAsync("lock@example.com", "correct horse battery");

        // Locked, though the message does not say so (it is the same for a wrong password or an unknown address).
        Assert.Contains("temporarily locked", page.QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        Assert.NotEqual("My routines", page.QuerySelector("h1")!.TextContent);
        using var account = await owner.Http.GetAsync("/account");
        Assert.Equal("/account/login", account.RequestMessage!.RequestUri!.AbsolutePath);
    }
}
