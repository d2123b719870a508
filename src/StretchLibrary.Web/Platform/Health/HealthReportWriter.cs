using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace StretchLibrary.Web.Platform.Health;

/// <summary>
/// <c>/healthz</c> as JSON: the overall status and each check's status and description (database, content, and
/// whatever checks are added later), so a probe sees which part failed. 200 when healthy, 503 otherwise.
/// </summary>
public static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        });
    }
}
