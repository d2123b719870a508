using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace StretchLibrary.Bench;

/// <summary>
/// Time from starting the process to the first 200 on <c>/</c>, on a fresh database each run, for one or more
/// published apps taken in turns (so a busy moment costs them alike). Each app is started twice a round: with an
/// empty figure cache (its first start after a deploy: every figure drawn) and with the cache an earlier start left
/// (a restart). An app from before the cache ignores the setting, so its two lines measure the same thing.
/// </summary>
internal static class Startup
{
    public static async Task<int> RunAsync(string content, int runs, IReadOnlyList<string> dlls)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var kept = dlls.Select(_ => Directory.CreateTempSubdirectory("stretchlibrary-figures-")).ToArray();
        var cold = dlls.Select(_ => new List<double>()).ToArray();
        var warm = dlls.Select(_ => new List<double>()).ToArray();
        var coldCpu = dlls.Select(_ => new List<double>()).ToArray();
        var warmCpu = dlls.Select(_ => new List<double>()).ToArray();
        try
        {
            // One unmeasured start each, which fills the kept figure cache (and the disk cache of the binaries).
            for (var app = 0; app < dlls.Count; app++)
            {
                await TimeOneStartAsync(http, dlls[app], content, kept[app].FullName);
            }

            for (var run = 0; run < runs; run++)
            {
                for (var app = 0; app < dlls.Count; app++)
                {
                    var (elapsed, cpu) = await TimeOneStartAsync(http, dlls[app], content, figureCache: null);
                    cold[app].Add(elapsed);
                    coldCpu[app].Add(cpu);
                    (elapsed, cpu) = await TimeOneStartAsync(http, dlls[app], content, kept[app].FullName);
                    warm[app].Add(elapsed);
                    warmCpu[app].Add(cpu);
                }
            }
        }
        finally
        {
            foreach (var folder in kept)
            {
                folder.Delete(recursive: true);
            }
        }

        for (var app = 0; app < dlls.Count; app++)
        {
            var name = dlls.Count == 1 ? "" : $" {Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(dlls[app])))}";
            Print($"startup{name}: ", cold[app], "(process start to first 200 on /, fresh database, empty figure cache)");
            Print($"startup{name} again: ", warm[app], "(the same, with the figure cache an earlier start left)");
            Print($"startup{name} cpu: ", coldCpu[app], "(processor time the app used until then, all threads: the load-independent part)");
            Print($"startup{name} again cpu: ", warmCpu[app], "(the same for the start with the figure cache)");
        }

        return 0;
    }

    private static void Print(string label, List<double> times, string what)
    {
        var sorted = times.Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}runs={sorted.Length} median={sorted[sorted.Length / 2]:0}ms min={sorted[0]:0}ms max={sorted[^1]:0}ms {what}"));
    }

    /// <param name="figureCache">A figure cache folder to use and keep; null: an empty one, deleted after.</param>
    /// <returns>Milliseconds from process start to the first 200, and the processor time the app had used by then.</returns>
    private static async Task<(double Elapsed, double Cpu)> TimeOneStartAsync(HttpClient http, string dll, string content, string? figureCache)
    {
        var data = Directory.CreateTempSubdirectory("stretchlibrary-startup-");
        var port = FreePort();
        // Started from its own folder, as a published app is deployed (appsettings.json and wwwroot/ are there).
        var info = new ProcessStartInfo("dotnet", [dll]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(dll))! };
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["App__PublicOrigin"] = $"http://127.0.0.1:{port}";
        info.Environment["ConnectionStrings__Default"] = $"Data Source={Path.Join(data.FullName, "app.db")}";
        info.Environment["Content__RootPath"] = content;
        info.Environment["Content__FigureCachePath"] = figureCache ?? Path.Join(data.FullName, "figures");
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var answered = false;
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    answered = true;
                    break;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(10);
        }

        var elapsed = clock.Elapsed.TotalMilliseconds;
        var cpu = process.TotalProcessorTime.TotalMilliseconds;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        data.Delete(recursive: true);
        return answered ? (elapsed, cpu) : throw new InvalidOperationException($"{dll} did not answer 200 on / within 30 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
