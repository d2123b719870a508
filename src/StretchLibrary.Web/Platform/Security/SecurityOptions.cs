namespace StretchLibrary.Web.Platform.Security;

/// <summary>The <c>Security</c> section: how the app is served and how big a request may be.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// True when every visitor reaches the app over HTTPS (directly or through a TLS proxy): cookies are then
    /// <c>Secure</c> and <c>__Host-</c> prefixed. Unset: true when the app itself listens on HTTPS (an https://
    /// URL in <c>urls</c>/<c>ASPNETCORE_URLS</c>, or <c>HTTPS_PORTS</c>), so a plain-HTTP deployment keeps working
    /// (its cookies are still Secure whenever a request does arrive over HTTPS).
    /// </summary>
    public bool? HttpsOnly { get; set; }

    /// <summary>Largest request body Kestrel accepts (the import page needs about 1 MB).</summary>
    public long MaxRequestBodyBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Largest single form value, and largest multipart body.</summary>
    public int MaxFormValueBytes { get; set; } = 1024 * 1024;

    /// <summary>Most form fields one request may carry.</summary>
    public int MaxFormFields { get; set; } = 256;

    public static bool IsHttpsOnly(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool?>($"{Section}:{nameof(HttpsOnly)}")
            ?? (!environment.IsDevelopment()
                && ((configuration["urls"] ?? "").Contains("https://", StringComparison.OrdinalIgnoreCase) || !string.IsNullOrEmpty(configuration["https_ports"])));
}
