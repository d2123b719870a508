namespace StretchLibrary.Web.Platform.Caching;

/// <summary>
/// Marks an endpoint whose answers hold a secret or a person's data (a token shown once, a new share or feed link,
/// exports, the API's <c>/me</c> answers): every response it gives, errors and 429s included, is sent
/// <c>Cache-Control: no-store</c>. On a PageModel as an attribute; on endpoints with <see cref="CacheHeaders.WithNoStore{TBuilder}"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class NoStoreAttribute : Attribute;

/// <summary>
/// <c>Cache-Control: no-store</c> for <see cref="NoStoreAttribute"/> endpoints, and the one rule for every hook that
/// writes Cache-Control later: <see cref="SetCacheControl"/> never weakens it. The rule follows the endpoint, not
/// whatever the header says at the time: antiforgery writes <c>no-cache, no-store</c> on every page with a form, and
/// a signed-in user's pages replace that with <c>private, no-cache</c> on purpose (<see cref="OfflineCopies"/>;
/// the page cache keeps them per user and antiforgery cookie).
/// </summary>
public static class CacheHeaders
{
    public static TBuilder WithNoStore<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new NoStoreAttribute());

    /// <summary>Goes right after routing (it reads the endpoint), before anything that may answer early (403, 429).</summary>
    public static IApplicationBuilder UseNoStore(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<NoStoreAttribute>() is not null)
        {
            // Kept on the request, so the error page a status code re-executes into still counts as this answer.
            context.Features.Set(NoStoreFeature.Instance);
            context.Response.OnStarting(static state =>
            {
                ((HttpResponse)state).Headers.CacheControl = "no-store";
                return Task.CompletedTask;
            }, context.Response);
        }

        return next(context);
    });

    /// <summary>True when the answer comes from a <see cref="NoStoreAttribute"/> endpoint.</summary>
    public static bool IsNoStore(HttpContext context) => context.Features.Get<NoStoreFeature>() is not null;

    /// <summary>Sets Cache-Control, except on a <see cref="NoStoreAttribute"/> endpoint's answer, which stays no-store.</summary>
    public static void SetCacheControl(this HttpResponse response, string value)
    {
        if (!IsNoStore(response.HttpContext))
        {
            response.Headers.CacheControl = value;
        }
    }

    private sealed class NoStoreFeature
    {
        public static readonly NoStoreFeature Instance = new();
    }
}
