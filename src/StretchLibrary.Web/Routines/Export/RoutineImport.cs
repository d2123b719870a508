using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Platform;
using StretchLibrary.Web.Platform.Data;

namespace StretchLibrary.Web.Routines.Export;

/// <summary>What an import added, or why it added nothing: the first problems (see <see cref="ImportReader.MaxErrors"/>) and how many there are.</summary>
public sealed record ImportOutcome(int Routines, int Sessions, IReadOnlyList<string> Errors, int ErrorCount)
{
    public bool Succeeded => ErrorCount == 0;

    public static ImportOutcome Refused(IReadOnlyList<string> errors, int count) => new(0, 0, errors, count);
}

/// <summary>
/// Imports routines and sessions from a JSON export as new routines of the current user (a guest is created for a
/// visitor). Every value is checked first, and what the account already holds counts toward its limits
/// (<see cref="AccountLimits"/>): the file is imported whole or not at all.
/// </summary>
public sealed class RoutineImport(AppDbContext db, CurrentUser currentUser, GuestAccounts guests, TimeProvider clock)
{
    /// <summary>
    /// Room for the most sessions an import accepts as the export writes them (compact): 20,000 sessions of ten
    /// stretches and a 300-character note each come to about 11 MB.
    /// </summary>
    public const int MaxFileBytes = 16 * 1024 * 1024;

    /// <summary>The file plus the form around it.</summary>
    public const int MaxRequestBytes = MaxFileBytes + (64 * 1024);

    public static readonly string TooLargeMessage = $"The file is larger than {MaxFileBytes / 1024 / 1024} MB.";

    /// <summary>Why an uploaded file is not read at all (none, too large, not .json), or null.</summary>
    public static string? UploadProblem(IFormFile? upload) => upload switch
    {
        null or { Length: 0 } => "Choose a file to import.",
        { Length: > MaxFileBytes } => TooLargeMessage,
        _ when !upload.FileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) => "Choose a .json file downloaded from “Download my data”.",
        _ => null,
    };

    /// <summary>Imports the uploaded export (see <see cref="UploadProblem"/> first) for <paramref name="user"/>.</summary>
    /// <param name="browserZone">The browser's time zone, when it reports one: the user's zone after the import.</param>
    public async Task<ImportOutcome> ImportAsync(ClaimsPrincipal user, IFormFile upload, string? browserZone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        using var reader = new StreamReader(upload.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var json = await reader.ReadToEndAsync(cancellationToken);

        // "Today" in the zone the user will have after the import (the browser's, when it reports one).
        var now = clock.GetUtcNow();
        var zone = LocalClock.IsKnownZone(browserZone) ? browserZone : currentUser.TimeZoneId;
        var result = ImportReader.Read(json, LocalClock.Today(now, LocalClock.FindZone(zone)), now);
        if (!result.Succeeded)
        {
            return ImportOutcome.Refused(result.Errors, result.ErrorCount);
        }

        var sessions = result.Routines.Sum(r => r.Completions.Count);
        if (user.UserId() is { } userId && await OverLimitsAsync(userId, result.Routines.Count, sessions, cancellationToken) is { Count: > 0 } over)
        {
            return ImportOutcome.Refused(over, over.Count);
        }

        // One unit for the execution strategy: a busy database retries the whole import (a new guest included).
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var owner = await guests.GetOrCreateAsync(user, browserZone);
            db.Routines.AddRange(result.Routines.Select(r => r.ToEntity(owner.Id, now)));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
        return new ImportOutcome(result.Routines.Count, sessions, [], 0);
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
}
