using System.ComponentModel;
using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Platform.Api;
using StretchLibrary.Web.Platform.Caching;

namespace StretchLibrary.Web.Library.Api;

/// <summary>The read-only library: stretches, guides and starter routines, open to everyone and every origin.</summary>
internal static class LibraryEndpoints
{
    public static void MapLibrary(this IEndpointRouteBuilder api)
    {
        var library = api.MapGroup("")
            .RequireCors(ApiEndpoints.PublicReadCors)
            .AddEndpointFilter(AllowAnyOrigin)
            // Anonymous answers are the same bytes for everyone until the content reloads: the page cache keeps them.
            .WithMetadata(new CacheForAnonymousAttribute())
            .WithTags("Library");

        library.MapGet("/stretches", ListStretches)
            .WithName("ListStretches")
            .WithSummary("List stretches")
            .WithDescription("Stretches by category, then order. Filters combine; with q, results come in search order (typos forgiven). Paged with a cursor: follow the Link rel=\"next\" header or pass nextCursor.")
            .Produces<StretchListDto>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        library.MapGet("/stretches/{slug}", GetStretch)
            .WithName("GetStretch")
            .WithSummary("One stretch")
            .WithDescription("Dosage, steps, cautions, when to stop, easier and harder variants, related stretches, positions, equipment and figures.")
            .Produces<StretchDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        library.MapGet("/guides", (HttpContext http, ContentStore content) =>
                LibraryResponse.Json(http, new GuideListDto([.. content.Current.Guides.Select(GuideSummaryDto.From)])))
            .WithName("ListGuides")
            .WithSummary("List guides")
            .Produces<GuideListDto>();
        library.MapGet("/guides/{slug}", (HttpContext http, ContentStore content, string slug) =>
                content.Current.FindGuide(slug) is { } guide ? LibraryResponse.Json(http, GuideDto.From(guide)) : ApiProblems.NotFound($"No guide '{slug}'."))
            .WithName("GetGuide")
            .WithSummary("One guide")
            .Produces<GuideDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        library.MapGet("/starter-routines", (HttpContext http, ContentStore content) =>
                LibraryResponse.Json(http, new StarterRoutineListDto([.. content.Current.Starters.Select(s => StarterRoutineDto.From(s, content.Current))])))
            .WithName("ListStarterRoutines")
            .WithSummary("List starter routines")
            .WithDescription("Ready-made routines with their stretches and dosages; stretches no longer in the library are left out.")
            .Produces<StarterRoutineListDto>();
    }

    private static IResult ListStretches(
        HttpContext http,
        ContentStore content,
        [Description("back, posture or neck.")] string? category,
        [Description("A position slug, e.g. sitting.")] string? position,
        [Description("An equipment slug, or none for stretches that need nothing.")] string? equipment,
        [Description("Search words.")] string? q,
        [Description("Items per page, 1-100 (default 20).")] int? limit,
        [Description("nextCursor from the previous page.")] string? cursor)
    {
        var filter = new StretchFilter(StretchFilter.CleanQuery(q), category, position, equipment);
        var (page, problem) = StretchListPage.Read(content.Current, filter, limit, cursor);
        if (page is null)
        {
            return ApiProblems.BadRequest(problem!);
        }

        if (page.NextCursor is not null)
        {
            http.Response.Headers.Link = page.NextLink(http.Request.PathBase, filter, limit);
        }

        return LibraryResponse.Json(http, new StretchListDto([.. page.Stretches.Select(StretchSummaryDto.From)], page.NextCursor));
    }

    private static IResult GetStretch(HttpContext http, ContentStore content, string slug) =>
        content.Current.FindStretch(slug) is { } stretch
            ? LibraryResponse.Json(http, StretchDto.From(stretch, content.Current))
            : ApiProblems.NotFound($"No stretch '{slug}'.");

    // Every answer (cached ones too) says any origin may read it, whether or not this request sent Origin.
    private static async ValueTask<object?> AllowAnyOrigin(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        context.HttpContext.Response.Headers.AccessControlAllowOrigin = "*";
        return await next(context);
    }
}
