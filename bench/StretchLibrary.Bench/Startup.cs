using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace StretchLibrary.Bench;

/// <summary>Time from starting the process to the first 200 on <c>/</c>, on a fresh data folder each run.</summary>
internal static class Startup
{
    public static async Task<int> RunAsync(string dll, string content, int runs)
    {
        var times = new List<double>();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var run = 0; run < runs; run++)
        {
            var data = Directory.CreateTempSubdirectory("stretchlibrary-startup-");
            var port = FreePort();
            // Started from its own folder, as a published app is deployed (appsettings.json and wwwroot/ are there).
            var info = new ProcessStartInfo("dotnet", [dll]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(dll))! };
            info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            info.Environment["App__PublicOrigin"] = $"http://127.0.0.1:{port}";
            info.Environment["ConnectionStrings__Default"] = $"Data Source={Path.Join(data.FullName, "app.db")}";
            info.Environment["Content__RootPath"] = content;
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(info)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            while (clock.Elapsed < TimeSpan.FromSeconds(30))
            {
                try
                {
                    using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/"));
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                }

                await Task.Delay(10);
            }

            times.Add(clock.Elapsed.TotalMilliseconds);
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            data.Delete(recursive: true);
        }

        var sorted = times.Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"startup: runs={runs} median={sorted[sorted.Length / 2]:0}ms min={sorted[0]:0}ms max={sorted[^1]:0}ms (process start to first 200 on /, fresh database)"));
        return 0;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
