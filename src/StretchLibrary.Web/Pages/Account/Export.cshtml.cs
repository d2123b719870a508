using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Platform;
using StretchLibrary.Web.Platform.Caching;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Routines.Export;

namespace StretchLibrary.Web.Pages.Account;

/// <summary>"Download my data": the signed-in user's routines and sessions as JSON (re-importable) or sessions as CSV.</summary>
[Authorize, NoStore]
public sealed class ExportModel(AppDbContext db, CurrentUser currentUser) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string format, CancellationToken cancellationToken)
    {
        if (format is not ("json" or "csv"))
        {
            return NotFound();
        }

        if (currentUser is not { Id: { } userId, TimeZoneId: { } zone })
        {
            return NotFound();
        }

        var now = currentUser.Now;
        var document = await ExportDocument.LoadAsync(db, userId, zone, now, cancellationToken);
        var date = LocalClock.Today(now, LocalClock.FindZone(zone)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return format == "json"
            ? File(JsonSerializer.SerializeToUtf8Bytes(document, ExportDocument.JsonOptions), "application/json", $"stretchlibrary-{date}.json")
            : File(SessionsCsv.Write(document), "text/csv; charset=utf-8", $"stretchlibrary-sessions-{date}.csv");
    }
}
