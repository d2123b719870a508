namespace StretchLibrary.Web.Platform.Security;

/// <summary>
/// Response headers for every response (pages, static files, 404s, 429s), through NetEscapades.SecurityHeaders.
/// The CSP allows no inline script or style: pages load site.css and site.js from this origin only.
/// </summary>
public static class SecurityHeaders
{
    internal static IServiceCollection AddAppSecurityHeaders(this IServiceCollection services, bool isDevelopment)
    {
        services.AddSecurityHeaderPolicies()
            .SetDefaultPolicy(policy => Configure(policy, isDevelopment, inlineStyles: false))
            .AddPolicy(ApiReferencePolicy, policy => Configure(policy, isDevelopment, inlineStyles: true));
        return services;
    }

    /// <summary>
    /// The API reference page (/api) only: Scalar's bundle, served from this origin, sets styles at run time, which
    /// needs <c>style-src 'unsafe-inline'</c>. Scripts stay 'self' only; the page shows nothing users typed.
    /// </summary>
    public const string ApiReferencePolicy = "ApiReference";

    private static void Configure(HeaderPolicyCollection policy, bool isDevelopment, bool inlineStyles)
    {
        policy.AddContentTypeOptionsNoSniff()
            .AddFrameOptionsDeny()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .AddCrossOriginOpenerPolicy(coop => coop.SameOrigin())
            .RemoveServerHeader()
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddScriptSrc().Self();
                var styles = csp.AddStyleSrc().Self();
                if (inlineStyles)
                {
                    styles.UnsafeInline();
                }

                csp.AddImgSrc().Self();
                csp.AddObjectSrc().None();
                csp.AddBaseUri().Self();
                csp.AddFormAction().Self();
                csp.AddFrameAncestors().None();
                // The offline service worker (/sw.js) and the web app manifest, from this origin only.
                csp.AddWorkerSrc().Self();
                csp.AddManifestSrc().Self();
            })
            .AddPermissionsPolicy(permissions =>
            {
                permissions.AddAccelerometer().None();
                permissions.AddCamera().None();
                permissions.AddDisplayCapture().None();
                permissions.AddGeolocation().None();
                permissions.AddGyroscope().None();
                permissions.AddHid().None();
                permissions.AddMagnetometer().None();
                permissions.AddMicrophone().None();
                permissions.AddMidi().None();
                permissions.AddPayment().None();
                permissions.AddSerialPermissions().None();
                permissions.AddUsb().None();
                // A guided session keeps the screen awake.
                permissions.AddScreenWakeLock().Self();
            });

        // Sent on HTTPS responses only; a developer's https://localhost is never pinned.
        if (!isDevelopment)
        {
            policy.AddStrictTransportSecurityMaxAgeIncludeSubDomains(maxAgeInSeconds: 365 * 24 * 60 * 60);
        }
    }
}
