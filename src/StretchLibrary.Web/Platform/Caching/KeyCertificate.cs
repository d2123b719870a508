using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace StretchLibrary.Web.Platform.Caching;

/// <summary>
/// The certificate that encrypts the data-protection keys kept in Redis (anyone who reads those keys could forge
/// every cookie). <c>DataProtection:CertificatePath</c>: a .pfx/.p12 (password in
/// <c>DataProtection:CertificatePassword</c>) or a PEM certificate with its RSA private key in the same file or in
/// <c>DataProtection:CertificateKeyPath</c>. The verb <c>new-key-certificate PATH</c> writes a new one.
/// </summary>
public static class KeyCertificate
{
    /// <summary>Loads the configured certificate, or says in one line why it cannot be used.</summary>
    public static X509Certificate2? Load(IConfiguration configuration, out string? problem)
    {
        var path = configuration["DataProtection:CertificatePath"];
        if (string.IsNullOrWhiteSpace(path))
        {
            problem = "Redis:Configuration is set, so the data-protection keys are kept in Redis, where they must be encrypted: "
                + "set DataProtection:CertificatePath to a certificate with its private key (make one with: dotnet StretchLibrary.Web.dll new-key-certificate keys.pfx).";
            return null;
        }

        X509Certificate2 certificate;
        try
        {
            certificate = Path.GetExtension(path).ToUpperInvariant() is ".PFX" or ".P12"
                ? X509CertificateLoader.LoadPkcs12FromFile(path, configuration["DataProtection:CertificatePassword"])
                : X509Certificate2.CreateFromPemFile(path, configuration["DataProtection:CertificateKeyPath"] is { Length: > 0 } key ? key : null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            problem = $"DataProtection:CertificatePath '{path}' could not be read: {ex.Message}";
            return null;
        }

        if (certificate.GetRSAPrivateKey() is null)
        {
            certificate.Dispose();
            problem = $"DataProtection:CertificatePath '{path}' has no RSA private key: the keys could be encrypted but never read back.";
            return null;
        }

        problem = null;
        return certificate;
    }

    /// <summary>
    /// <c>new-key-certificate PATH</c>: writes a new self-signed RSA certificate with its private key as a .pfx
    /// (no password: protect the file as the secret it is). Every instance must be given the same file.
    /// </summary>
    public static int CreateCommand(string[] args, TextWriter output, TextWriter error)
    {
        if (args is not [var path])
        {
            error.WriteLine("usage: new-key-certificate PATH.pfx");
            return 2;
        }

        if (File.Exists(path))
        {
            error.WriteLine($"{path} already exists; keys encrypted with it would become unreadable if it were replaced.");
            return 1;
        }

        try
        {
            File.WriteAllBytes(path, CreatePfx());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"{path} could not be written: {ex.Message}");
            return 1;
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        output.WriteLine($"Wrote {path}. Give every instance DataProtection__CertificatePath={Path.GetFullPath(path)}.");
        return 0;
    }

    /// <summary>A new self-signed RSA 3072 certificate with its private key, valid for ten years, as PKCS#12 bytes.</summary>
    public static byte[] CreatePfx()
    {
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=StretchLibrary data-protection keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
        return certificate.Export(X509ContentType.Pfx);
    }
}
