using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using StretchLibrary.Web.Platform.Caching;

namespace StretchLibrary.Web.Tests.Caching;

public sealed class KeyCertificateTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stretchlibrary-certificate-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void New_key_certificate_writes_a_pfx_the_app_loads_with_its_private_key_readable_by_the_owner_only()
    {
        var path = Path.Join(_folder, "keys.pfx");
        var output = new StringWriter();

        var exit = KeyCertificate.CreateCommand([path], output, TextWriter.Null);

        Assert.Equal(0, exit);
        Assert.Contains($"DataProtection__CertificatePath={path}", output.ToString(), StringComparison.Ordinal);
        Assert.True(OperatingSystem.IsWindows() || File.GetUnixFileMode(path) == (UnixFileMode.UserRead | UnixFileMode.UserWrite), "the file is readable by others");
        using var certificate = KeyCertificate.Load(Settings(("DataProtection:CertificatePath", path)), out var problem);
        Assert.Null(problem);
        Assert.NotNull(certificate!.GetRSAPrivateKey());
    }

    [Fact]
    public void New_key_certificate_never_replaces_an_existing_file()
    {
        var path = Path.Join(_folder, "keys.pfx");
        File.WriteAllText(path, "the certificate in use");
        var error = new StringWriter();

        var exit = KeyCertificate.CreateCommand([path], TextWriter.Null, error);

        Assert.Equal(1, exit);
        Assert.Contains("already exists", error.ToString(), StringComparison.Ordinal);
        Assert.Equal("the certificate in use", File.ReadAllText(path));
    }

    [Fact]
    public void A_pem_certificate_without_its_private_key_is_refused()
    {
        var pfx = Path.Join(_folder, "keys.pfx");
        Assert.Equal(0, KeyCertificate.CreateCommand([pfx], TextWriter.Null, TextWriter.Null));
        using var full = KeyCertificate.Load(Settings(("DataProtection:CertificatePath", pfx)), out _);
        var pem = Path.Join(_folder, "public.pem");
        File.WriteAllText(pem, full!.ExportCertificatePem());

        using var certificate = KeyCertificate.Load(Settings(("DataProtection:CertificatePath", pem)), out var problem);

        Assert.Null(certificate);
        Assert.StartsWith($"DataProtection:CertificatePath '{pem}' could not be read: ", problem, StringComparison.Ordinal);
    }

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();
}
