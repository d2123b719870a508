using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace StretchLibrary.Web.Tests;

/// <summary>A Serilog sink keeping every event, and the log as the console would show it.</summary>
public sealed class LogCapture : ILogEventSink
{
    // appsettings.json's console output template.
    private static readonly MessageTemplateTextFormatter Console =
        new("[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");

    private readonly ConcurrentQueue<LogEvent> _events = new();

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    /// <summary>Everything logged so far, formatted as the console sink writes it.</summary>
    public string Text
    {
        get
        {
            using var text = new StringWriter();
            foreach (var logEvent in _events)
            {
                Console.Format(logEvent, text);
            }

            return text.ToString();
        }
    }

    /// <summary>The lines written so far.</summary>
    public string[] Lines => Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// Waits (up to 10 s) until a line contains <paramref name="fragment"/>: request logging writes its line after the
    /// response has gone, so a test may read the answer first.
    /// </summary>
    public async Task<string> LineContainingAsync(string fragment)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!timeout.IsCancellationRequested)
        {
            if (Lines.FirstOrDefault(l => l.Contains(fragment, StringComparison.Ordinal)) is { } line)
            {
                return line;
            }

            await Task.Delay(20, CancellationToken.None);
        }

        throw new Xunit.Sdk.XunitException($"No log line contains '{fragment}'. The log:\n{Text}");
    }
}
