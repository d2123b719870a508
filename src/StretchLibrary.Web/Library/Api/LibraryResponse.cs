using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace StretchLibrary.Web.Library.Api;

/// <summary>
/// Library answers: public and cacheable, with a strong ETag that is a hash of the exact JSON bytes (built from the
/// current content snapshot), so a client's <c>If-None-Match</c> gets 304 until the content really changes.
/// </summary>
internal static class LibraryResponse
{
    public static readonly CacheControlHeaderValue CacheControl = new() { Public = true, MaxAge = TimeSpan.FromMinutes(5) };

    public static IResult Json<T>(HttpContext http, T value)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var body = JsonSerializer.SerializeToUtf8Bytes(value, options);
        var etag = new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16)) + "\"");
        var headers = http.Response.GetTypedHeaders();
        headers.ETag = etag;
        headers.CacheControl = CacheControl;
        return Matches(http.Request, etag) ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Bytes(body, "application/json");
    }

    /// <summary>If-None-Match compares weakly (RFC 9110 13.1.2); <c>*</c> matches any current representation.</summary>
    public static bool Matches(HttpRequest request, EntityTagHeaderValue etag) =>
        request.Headers.IfNoneMatch.Count > 0
        && request.GetTypedHeaders().IfNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false));
}
