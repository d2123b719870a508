using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Tests.Pages.Routines;

namespace StretchLibrary.Web.Tests.Pages.Account;

/// <summary>
/// An account row changed by another request between a page loading it and saving it: Identity refuses the save
/// ("Optimistic concurrency failure"), and the person gets a plain sentence instead of that text.
/// </summary>
public sealed class ConcurrentChangeTests : IDisposable
{
    private const string Password = "correct horse battery";

    private readonly LibraryFactory _factory = new();
    private readonly RacingWriter _race = new();
    private readonly WebApplicationFactory<Program> _app;

    public ConcurrentChangeTests()
    {
        _app = _factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton<IUserValidator<AppUser>>(sp => _race.Bind(sp.GetRequiredService<IServiceScopeFactory>()))));
    }

    public void Dispose()
    {
        _app.Dispose();
        _factory.Dispose();
    }

    private RoutineClient Visitor() => new(_app.CreateClient());

    [Fact]
    public async Task A_guest_claim_racing_another_change_shows_no_identity_text_and_keeps_the_guest()
    {
        var guest = Visitor();
        await guest.AddAsync("chin-tucks", newRoutine: "Desk");
        await guest.GetAsync("/account/register");

        _race.Armed = true;
        var page = await guest.SubmitAsync("main form[method=post]:not([data-dismiss-banner])", ("Input.Email", "ann@example.com"), ("Input.Password", Password), ("Input.ConfirmPassword", Password));

        Assert.DoesNotContain("concurrency", page.Body!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Check your email", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(["Desk"], (await guest.GetAsync("/routines")).QuerySelectorAll(".routine-list a").Select(a => a.TextContent));
    }

    [Fact]
    public async Task A_password_change_racing_another_change_says_so_plainly()
    {
        var visitor = Visitor();
        await visitor.RegisterAsync("bea@example.com", Password);
        await visitor.GetAsync("/account");

        _race.Armed = true;
        var page = await visitor.SubmitAsync("form[action*='handler=Password']", ("Password.Current", Password), ("Password.New", "a brand new passphrase"));

        Assert.DoesNotContain("concurrency", page.Body!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("That did not go through because your account changed at the same time; please try again.", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("My routines", (await Visitor().LoginAsync("bea@example.com", Password)).QuerySelector("h1")!.TextContent);
    }

    /// <summary>
    /// A user validator (Identity runs validators just before it saves a user) that, once armed, changes that
    /// user's row in the database the way a concurrent request would: a new concurrency stamp.
    /// </summary>
    private sealed class RacingWriter : IUserValidator<AppUser>
    {
        private IServiceScopeFactory? _scopes;
        private volatile bool _armed;

        public bool Armed
        {
            get => _armed;
            set => _armed = value;
        }

        public RacingWriter Bind(IServiceScopeFactory scopes)
        {
            _scopes = scopes;
            return this;
        }

        public async Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user)
        {
            if (Armed)
            {
                await using var scope = _scopes!.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                if (await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.ConcurrencyStamp, Guid.NewGuid().ToString())) > 0)
                {
                    Armed = false;
                }
            }

            return IdentityResult.Success;
        }
    }
}
