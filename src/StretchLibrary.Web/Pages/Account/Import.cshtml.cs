using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Platform;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Routines;
using StretchLibrary.Web.Routines.Export;

namespace StretchLibrary.Web.Pages.Account;

/// <summary>
/// Imports routines and sessions from a JSON export as new routines of the current user (a guest is created for a
/// visitor). Every value is checked first, and what the account already holds counts toward its limits
/// (<see cref="AccountLimits"/>): the file is imported whole or not at all.
/// </summary>
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
[CreatesGuest]
[TooLargeUpload]
public sealed class ImportModel(AppDbContext db, CurrentUser currentUser, GuestAccounts guests, TimeProvider clock) : PageModel
{
    /// <summary>
    /// Room for the most sessions an import accepts as the export writes them (compact): 20,000 sessions of ten
    /// stretches and a 300-character note each come to about 11 MB.
    /// </summary>
    public const int MaxFileBytes = 16 * 1024 * 1024;

    /// <summary>The file plus the form around it.</summary>
    public const int MaxRequestBytes = MaxFileBytes + (64 * 1024);

    public static readonly string TooLargeMessage = $"The file is larger than {MaxFileBytes / 1024 / 1024} MB.";

    /// <summary>At most this many problems are listed; the rest are counted.</summary>
    public const int MaxErrorsShown = ImportReader.MaxErrors;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Tz { get; set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>How many problems the file has; only the first <see cref="MaxErrorsShown"/> are in <see cref="Errors"/>.</summary>
    public int ErrorCount { get; private set; }

    /// <param name="problem">"too-large" after an upload refused before it was read (see <see cref="TooLargeUploadAttribute"/>).</param>
    public void OnGet(string? problem)
    {
        if (problem == TooLargeUploadAttribute.Problem)
        {
            ModelState.AddModelError(nameof(Upload), TooLargeMessage);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await ReadUploadAsync(cancellationToken) is not { } json)
        {
            return Page();
        }

        // "Today" in the zone the user will have after the import (the browser's, when it reports one).
        var now = clock.GetUtcNow();
        var zone = LocalClock.IsKnownZone(Tz) ? Tz : currentUser.TimeZoneId;
        var result = ImportReader.Read(json, LocalClock.Today(now, LocalClock.FindZone(zone)), now);
        if (!result.Succeeded)
        {
            (Errors, ErrorCount) = (result.Errors, result.ErrorCount);
            return Page();
        }

        var sessions = result.Routines.Sum(r => r.Completions.Count);
        if (User.UserId() is { } userId && await OverLimitsAsync(userId, result.Routines.Count, sessions, cancellationToken) is { Count: > 0 } over)
        {
            (Errors, ErrorCount) = (over, over.Count);
            return Page();
        }

        // One unit for the execution strategy: a busy database retries the whole import (a new guest included).
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var user = await guests.GetOrCreateAsync(User, Tz);
            db.Routines.AddRange(result.Routines.Select(r => r.ToEntity(user.Id, now)));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
        this.Flash($"Imported {result.Routines.Count} {(result.Routines.Count == 1 ? "routine" : "routines")} with {sessions} {(sessions == 1 ? "session" : "sessions")}.");
        return RedirectToPage("/Routines/Index");
    }

    /// <summary>What would take the account past its limits with this file added to what it holds.</summary>
    private async Task<List<string>> OverLimitsAsync(string userId, int routines, int sessions, CancellationToken cancellationToken)
    {
        var over = new List<string>();
        var heldRoutines = await db.Routines.CountAsync(r => r.OwnerId == userId, cancellationToken);
        if (heldRoutines + routines > AccountLimits.MaxRoutines)
        {
            over.Add($"routines: your account has {heldRoutines} routines and this file {routines}; an account holds up to {AccountLimits.MaxRoutines}");
        }

        var heldSessions = await db.Completions.CountAsync(c => c.OwnerId == userId, cancellationToken);
        if (heldSessions + sessions > AccountLimits.MaxSessions)
        {
            over.Add($"completions: your account has {heldSessions} sessions and this file {sessions}; an account holds up to {AccountLimits.MaxSessions}");
        }

        return over;
    }

    /// <summary>The uploaded file's text, or null with the reason in ModelState.</summary>
    private async Task<string?> ReadUploadAsync(CancellationToken cancellationToken)
    {
        string? problem = Upload switch
        {
            null or { Length: 0 } => "Choose a file to import.",
            { Length: > MaxFileBytes } => TooLargeMessage,
            _ when !Upload.FileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) => "Choose a .json file downloaded from “Download my data”.",
            _ => null,
        };
        if (problem is not null)
        {
            ModelState.AddModelError(nameof(Upload), problem);
            return null;
        }

        using var reader = new StreamReader(Upload!.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
