using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace StretchLibrary.Web.Platform.Security;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>
    /// Security headers, cookie names and flags, the password policy and session rules, request size limits and
    /// rate limits. Call after <c>AddAppData</c> (it adjusts Identity's settings).
    /// </summary>
    public static WebApplicationBuilder AddAppSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section)
            .Validate(o => o.MaxRequestBodyBytes > 0 && o.MaxFormValueBytes > 0 && o.MaxFormFields > 0, "Security size limits must be positive.")
            .ValidateOnStart();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<SecurityOptions>>((kestrel, security) =>
        {
            kestrel.Limits.MaxRequestBodySize = security.Value.MaxRequestBodyBytes;
            // No "Server: Kestrel" on any response, cached pages included (the header policy removes it only
            // from responses that pass through it).
            kestrel.AddServerHeader = false;
        });
        services.AddOptions<FormOptions>().Configure<IOptions<SecurityOptions>>((form, security) =>
        {
            form.ValueLengthLimit = security.Value.MaxFormValueBytes;
            form.MultipartBodyLengthLimit = security.Value.MaxFormValueBytes;
            form.ValueCountLimit = security.Value.MaxFormFields;
        });

        // Behind a reverse proxy on this machine (loopback only, the default), take the client's address and scheme
        // from X-Forwarded-For and X-Forwarded-Proto: rate limits count real clients, and cookies know it is HTTPS.
        services.Configure<ForwardedHeadersOptions>(forwarded => forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        services.Configure<MvcOptions>(mvc => mvc.Filters.Add<UnknownHandlerFilter>());
        services.AddAppSecurityHeaders(builder.Environment.IsDevelopment());
        services.AddAppCookies(SecurityOptions.IsHttpsOnly(builder.Configuration, builder.Environment));
        services.AddPasswordPolicy();
        services.AddRememberedTickets();
        services.AddAppRateLimits();
        return builder;
    }

    /// <summary>
    /// Forwarded headers, then HTTPS redirection when HTTPS only: first in the pipeline, so nothing (not even a
    /// cached page) is answered over plain HTTP or with the proxy's address and scheme.
    /// </summary>
    public static IApplicationBuilder UseAppTransport(this IApplicationBuilder app)
    {
        app.UseForwardedHeaders();
        var services = app.ApplicationServices;
        if (SecurityOptions.IsHttpsOnly(services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>()))
        {
            // Secure cookies cannot be set over plain HTTP; send such visitors to HTTPS when its port is known.
            app.UseHttpsRedirection();
        }

        return app;
    }

    /// <summary>
    /// Security headers, the cross-site check on unsafe requests, authentication, then rate limits (which count
    /// writes per signed-in user). Goes where <c>UseAuthentication</c> would, after status-code pages, so a refused
    /// request gets the friendly 403 or 429 page.
    /// </summary>
    public static IApplicationBuilder UseAppSecurity(this IApplicationBuilder app)
    {
        app.UseSecurityHeaders();
        app.UseCrossSiteRequestCheck();
        app.UseAuthentication();
        app.UseRateLimiter();
        return app;
    }
}
