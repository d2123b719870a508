using System.IO.Compression;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Scalar.AspNetCore;
using StretchLibrary.Web.Library.Api;
using StretchLibrary.Web.Routines.Api;

namespace StretchLibrary.Web.Platform.Api;

/// <summary>The OpenAPI 3.1 document the app builds from its own endpoints, and the Scalar reference page over it.</summary>
internal static class ApiDocument
{
    private const string BearerScheme = "bearer";

    // Examples shown in the document and the reference page, per schema.
    private static readonly Dictionary<Type, string> Examples = new()
    {
        [typeof(LogSessionRequest)] = """{"date":"2026-11-27","stretches":["chin-tucks","prone-w"],"painBefore":4,"painAfter":2,"note":"After the long meeting"}""",
        [typeof(SessionDto)] = """{"id":1289,"routineId":12,"date":"2026-11-27","completedAtUtc":"2026-11-27T10:42:17+00:00","stretches":["chin-tucks","prone-w"],"painBefore":4,"painAfter":2,"note":"After the long meeting"}""",
        [typeof(RoutineSummaryDto)] = """{"id":12,"name":"Desk break","weeklyTarget":5,"stretchCount":4,"url":"/api/v1/me/routines/12"}""",
        [typeof(ProgressDto)] = """{"today":"2026-11-27","total":41,"thisWeek":3,"weeklyTarget":5,"weekText":"3 of 5 this week","currentStreak":2,"longestStreak":9,"lastDone":"2026-11-27"}""",
        [typeof(AmountDto)] = """{"kind":"range","min":10,"max":15,"text":"10-15"}""",
        [typeof(TagDto)] = """{"slug":"sitting","name":"Sitting"}""",
        [typeof(FigureDto)] = """{"name":"before","url":"/figures/chin-tucks/before.svg"}""",
    };

    public static IServiceCollection AddApiDocument(this IServiceCollection services) => services.AddOpenApi("v1", options =>
    {
        options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
        // Only the API: not the pages, health check or the reference itself.
        options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "StretchLibrary API",
                Version = "v1",
                Description = "The stretch library (stretches, guides, starter routines) for everyone, and, with a personal access token made on your account page, your own routines, sessions and programs, or a clinician's patients. Errors are RFC 9457 problem details.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "A personal access token (slp_...) with the scope the operation names: routines:read, sessions:write, programs:read or clinic:read.",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var scopes = context.Description.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>()
                .Select(a => a.Policy).OfType<string>().ToList();
            if (scopes.Count > 0)
            {
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = scopes }];
            }

            return Task.CompletedTask;
        });
        options.AddSchemaTransformer((schema, context, _) =>
        {
            if (Examples.TryGetValue(context.JsonTypeInfo.Type, out var example))
            {
                schema.Examples = [JsonNode.Parse(example)!];
            }

            return Task.CompletedTask;
        });
    });

    /// <summary>
    /// The reference page at /api: Scalar's own bundle (embedded in the package, no CDN) started by our
    /// <c>/js/api-reference.js</c>, so the page needs no inline script (Scalar's built-in page has one).
    /// </summary>
    public static void MapApiReference(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api", () => Results.Content(ReferencePage, "text/html; charset=utf-8"))
            .ExcludeFromDescription()
            .WithSecurityHeadersPolicy(Security.SecurityHeaders.ApiReferencePolicy);
        app.MapGet("/api/scalar.js", (HttpContext http) =>
        {
            var bundle = ScalarBundle.Value;
            http.Response.Headers.Vary = "Accept-Encoding";
            http.Response.Headers.CacheControl = "public, max-age=86400";
            if (!bundle.Gzipped)
            {
                return Results.Bytes(bundle.Bytes, "text/javascript");
            }

            if (http.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
            {
                http.Response.Headers.ContentEncoding = "gzip";
                return Results.Bytes(bundle.Bytes, "text/javascript");
            }

            return Results.Stream(new GZipStream(new MemoryStream(bundle.Bytes), CompressionMode.Decompress), "text/javascript");
        }).ExcludeFromDescription();
    }

    // Scalar's standalone bundle as the package embeds it (gzipped in its release builds). Its own helper that
    // serves it is internal, and its built-in page carries an inline script, so the file is served here.
    private static readonly Lazy<(byte[] Bytes, bool Gzipped)> ScalarBundle = new(() =>
    {
        using var stream = typeof(ScalarOptions).Assembly.GetManifestResourceStream("ScalarStaticAssets.scalar.js")
            ?? throw new InvalidOperationException("Scalar.AspNetCore no longer embeds ScalarStaticAssets.scalar.js.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        return (bytes, bytes is [0x1f, 0x8b, ..]);
    });

    private const string ReferencePage = """
        <!doctype html>
        <html lang="en">
        <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>StretchLibrary API reference</title>
        </head>
        <body>
            <div id="reference" data-url="/openapi/v1.json"></div>
            <script src="/api/scalar.js"></script>
            <script src="/js/api-reference.js"></script>
        </body>
        </html>
        """;
}
