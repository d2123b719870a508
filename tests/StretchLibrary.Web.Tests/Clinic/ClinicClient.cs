using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StretchLibrary.Web.Clinic;
using StretchLibrary.Web.Tests.Pages.Routines;

namespace StretchLibrary.Web.Tests.Clinic;

/// <summary>A clinician with their own cookies: registers, turns on the profile, makes programs and invitations through real forms.</summary>
public sealed class ClinicClient(LibraryFactory factory)
{
    public const string Password = "correct horse battery";

    /// <summary>The main form of the page (not the guest banner's, nor the header search).</summary>
    public const string MainForm = "main form[method=post]:not([data-dismiss-banner])";

    public RoutineClient Visitor { get; } = new(factory.CreateClient());

    public IHtmlDocument Page => Visitor.Page!;

    public string UserId { get; private set; } = "";

    /// <summary>A registered account with a clinician profile.</summary>
    public static async Task<ClinicClient> StartAsync(LibraryFactory factory, string email = "ana@example.com", string name = "Dr Ana Lima, PT", string clinic = "Riverside Physio")
    {
        var client = new ClinicClient(factory);
        await client.Visitor.RegisterAsync(email, Password);
        client.UserId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        await client.Visitor.GetAsync("/clinic/profile");
        await client.Visitor.SubmitAsync(MainForm, ("Input.DisplayName", name), ("Input.ClinicName", clinic), ("Input.ContactLine", "020 7946 0000"));
        return client;
    }

    /// <summary>A new program with the stretches given; returns its id.</summary>
    public async Task<int> NewProgramAsync(string name, params string[] slugs)
    {
        await Visitor.GetAsync("/clinic/programs/new");
        await Visitor.SubmitAsync(MainForm, ("Name", name), ("WeeklyTarget", 5), ("Notes", "Slowly, within comfort."));
        var id = Visitor.RoutineId;
        foreach (var slug in slugs)
        {
            await Visitor.AddAsync(slug, routineId: id);
        }

        return id;
    }

    /// <summary>Invites a patient to the program; lands on the invitation page and returns the invitation's id.</summary>
    public async Task<int> InviteAsync(int programId, string patient = "Jane D.", string? email = null)
    {
        await Visitor.GetAsync($"/clinic/programs/{programId}/invite");
        await Visitor.SubmitAsync(MainForm, ("PatientName", patient), ("Email", email));
        return int.Parse(new Uri(Page.Url).AbsolutePath.Split('/')[3], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The item of <paramref name="slug"/> in the program.</summary>
    public Task<int> ItemIdAsync(int programId, string slug) =>
        factory.WithDbAsync(db => db.RoutineItems.Where(i => i.RoutineId == programId && i.StretchSlug == slug).Select(i => i.Id).SingleAsync());

    /// <summary>A patient accepting the invitation (as the join page will), through the one use case.</summary>
    public static async Task<Enrollment?> AcceptAsync(LibraryFactory factory, int invitationId, string patientId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var programs = scope.ServiceProvider.GetRequiredService<Programs>();
        return await programs.AcceptAsync(invitationId, patientId, shareSessions: true, sharePain: true, shareNotes: false, CancellationToken.None);
    }
}
