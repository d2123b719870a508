using Microsoft.Net.Http.Headers;

namespace StretchLibrary.Web.Caching;

/// <summary>
/// Marks an endpoint whose answers hold a secret or a person's data (a token shown once, a new share or feed link,
/// exports, the API's <c>/me</c> answers): every response it gives, errors and 429s included, is sent
/// <c>Cache-Control: no-store</c>. On a PageModel as an attribute; on endpoints with <see cref="CacheHeaders.WithNoStore{TBuilder}"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class NoStoreAttribute : Attribute;

/// <summary>
/// <c>Cache-Control: no-store</c> for <see cref="NoStoreAttribute"/> endpoints, and the one rule for every hook that
/// writes Cache-Control later: <see cref="SetCacheControl"/> never replaces no-store with a weaker value.
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
            context.Response.OnStarting(static state =>
            {
                ((HttpResponse)state).Headers.CacheControl = "no-store";
                return Task.CompletedTask;
            }, context.Response);
        }

        return next(context);
    });

    public static bool IsNoStore(HttpResponse response) =>
        CacheControlHeaderValue.TryParse(response.Headers.CacheControl.ToString(), out var value) && value.NoStore;

    /// <summary>Sets Cache-Control unless the response already says no-store, which nothing weakens.</summary>
    public static void SetCacheControl(this HttpResponse response, string value)
    {
        if (!IsNoStore(response))
        {
            response.Headers.CacheControl = value;
        }
    }
}
