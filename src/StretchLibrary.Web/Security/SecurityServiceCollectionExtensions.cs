using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace StretchLibrary.Web.Security;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>
    /// Security headers, cookie names and flags, and request size limits. Call after <c>AddAppData</c> (it adjusts
    /// Identity's settings).
    /// </summary>
    public static WebApplicationBuilder AddAppSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section)
            .Validate(o => o.MaxRequestBodyBytes > 0 && o.MaxFormValueBytes > 0 && o.MaxFormFields > 0, "Security size limits must be positive.")
            .ValidateOnStart();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<SecurityOptions>>((kestrel, security) =>
            kestrel.Limits.MaxRequestBodySize = security.Value.MaxRequestBodyBytes);
        services.AddOptions<FormOptions>().Configure<IOptions<SecurityOptions>>((form, security) =>
        {
            form.ValueLengthLimit = security.Value.MaxFormValueBytes;
            form.MultipartBodyLengthLimit = security.Value.MaxFormValueBytes;
            form.ValueCountLimit = security.Value.MaxFormFields;
        });

        services.AddAppSecurityHeaders(builder.Environment.IsDevelopment());
        services.AddAppCookies(SecurityOptions.IsHttpsOnly(builder.Configuration, builder.Environment));
        return builder;
    }

    /// <summary>Security headers, then authentication. Goes where <c>UseAuthentication</c> would.</summary>
    public static IApplicationBuilder UseAppSecurity(this IApplicationBuilder app)
    {
        app.UseSecurityHeaders();
        app.UseAuthentication();
        return app;
    }
}
