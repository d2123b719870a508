using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Platform.Data;

namespace StretchLibrary.Web.Pages.Account;

/// <summary>
/// Every time a clinician opened the signed-in person's data (written by <c>Clinic.PatientRecords</c>), newest first:
/// who, for which program, what, and when. It stays after the person leaves a program.
/// </summary>
[Authorize]
public sealed class AccessLogModel(AppDbContext db, CurrentUser currentUser) : PageModel
{
    /// <summary>The newest entries shown; older ones are kept but not listed.</summary>
    public const int MaxShown = 500;

    public sealed record Row(DateTimeOffset At, string ClinicianName, string ProgramName, string What);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>Whether the person follows a program now (else the page explains when entries appear).</summary>
    public bool FollowsAny { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = currentUser.Id!;
        var rows = await db.AccessLog.AsNoTracking().Where(e => e.OwnerId == userId).OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(MaxShown)
            .Select(e => new Row(e.At, e.ClinicianName, e.ProgramName, e.What)).ToListAsync(cancellationToken);
        Rows = [.. rows.Select(r => r with { At = currentUser.Local(r.At) })];
        FollowsAny = await db.Enrollments.AnyAsync(e => e.OwnerId == userId, cancellationToken);
    }
}
