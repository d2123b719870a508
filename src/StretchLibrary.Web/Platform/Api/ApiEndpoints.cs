using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using StretchLibrary.Web.Accounts.Tokens;
using StretchLibrary.Web.Clinic.Api;
using StretchLibrary.Web.Library.Api;
using StretchLibrary.Web.Routines.Api;

namespace StretchLibrary.Web.Platform.Api;

/// <summary>
/// The public API under <c>/api/v1</c>: the library for everyone, a token owner's routines, sessions and programs,
/// and a clinician's patients;
/// its OpenAPI document at <c>/openapi/v1.json</c> and an interactive reference at <c>/api</c>.
/// </summary>
public static class ApiEndpoints
{
    public const string PublicReadCors = "PublicRead";

    public static IServiceCollection AddStretchLibraryApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        // A parameter or body that cannot be read throws, and ApiProblems answers with what was wrong.
        services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);

        // Tokens authenticate API endpoints only: the default (cookie) scheme is left alone, so pages never see them.
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiTokens.RoutinesRead, Scope(ApiTokens.RoutinesRead))
            .AddPolicy(ApiTokens.SessionsWrite, Scope(ApiTokens.SessionsWrite))
            .AddPolicy(ApiTokens.ProgramsRead, Scope(ApiTokens.ProgramsRead))
            .AddPolicy(ApiTokens.ClinicRead, Scope(ApiTokens.ClinicRead));

        services.AddCors(cors => cors.AddPolicy(PublicReadCors, policy => policy
            .AllowAnyOrigin().WithMethods("GET", "HEAD").WithHeaders("If-None-Match").WithExposedHeaders("ETag", "Link")
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        services.AddApiDocument();
        return services;
    }

    /// <summary>Answers API errors as problem details; goes after the status-code pages, which it turns off for the API.</summary>
    public static IApplicationBuilder UseApiProblems(this IApplicationBuilder app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/api/v1", StringComparison.OrdinalIgnoreCase), api => api.UseMiddleware<ApiProblems>());

    public static IEndpointRouteBuilder MapStretchLibraryApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/api/v1");
        v1.MapLibrary();
        v1.MapMe();
        v1.MapClinic();

        app.MapOpenApi("/openapi/{documentName}.json").WithMetadata(new Caching.CacheForAnonymousAttribute());
        app.MapApiReference();
        return app;
    }

    private static Action<Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder> Scope(string scope) => policy => policy
        .AddAuthenticationSchemes(ApiTokenHandler.SchemeName)
        .RequireAuthenticatedUser()
        .RequireClaim(ApiTokenHandler.ScopeClaim, scope);
}
