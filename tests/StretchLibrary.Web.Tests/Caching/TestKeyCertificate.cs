using StretchLibrary.Web.Platform.Caching;

namespace StretchLibrary.Web.Tests.Caching;

/// <summary>
/// The certificate every test app with Redis encrypts its data-protection keys to. One file for every test
/// process (both tests/run passes share one Redis, so they must share the certificate too), made once.
/// </summary>
public static class TestKeyCertificate
{
    public static string Path { get; } = Create();

    private static string Create()
    {
        var folder = System.IO.Path.Join(System.IO.Path.GetTempPath(), "stretchlibrary-tests");
        Directory.CreateDirectory(folder);
        var path = System.IO.Path.Join(folder, "data-protection-keys.pfx");
        if (!File.Exists(path))
        {
            // Written aside and moved in: a process starting at the same moment sees no file or a whole one.
            var fresh = System.IO.Path.Join(folder, Guid.NewGuid().ToString("n") + ".pfx");
            File.WriteAllBytes(fresh, KeyCertificate.CreatePfx());
            try
            {
                File.Move(fresh, path);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(fresh);
            }
        }

        return path;
    }
}
