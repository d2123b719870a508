using System.Text;
using Serilog.Core;
using Serilog.Events;

namespace StretchLibrary.Web.Platform.Security;

/// <summary>
/// Request paths as they may be written to the log: the secret in a share link (<c>/s/{token}</c>) or a calendar
/// feed (<c>/calendar/{token}.ics</c>) replaced by its route parameter's name. The database keeps only their
/// hashes, so the log must not keep them either. (Reset and confirmation codes travel in the query string, which is
/// never logged.)
/// </summary>
public static class LoggedPaths
{
    public static string Redact(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return path ?? "";
        }

        var segments = path.Split('/');
        // segments[0] is the empty string before the leading '/'.
        if (segments.Length > 2 && segments[0].Length == 0)
        {
            if (segments[1].Equals("s", StringComparison.OrdinalIgnoreCase))
            {
                segments[2] = "{token}";
            }
            else if (segments[1].Equals("calendar", StringComparison.OrdinalIgnoreCase))
            {
                segments[2] = segments[2].EndsWith(".ics", StringComparison.OrdinalIgnoreCase) ? "{token}.ics" : "{token}";
            }
        }

        return string.Join('/', segments);
    }

    /// <summary>Request logging's properties, as Serilog's own, with the path redacted.</summary>
    public static IEnumerable<LogEventProperty> RequestProperties(HttpContext context, string requestPath, double elapsedMs, int statusCode) =>
    [
        new("RequestMethod", new ScalarValue(context.Request.Method)),
        new("RequestPath", new ScalarValue(Redact(requestPath))),
        new("StatusCode", new ScalarValue(statusCode)),
        new("Elapsed", new ScalarValue(elapsedMs)),
    ];
}

/// <summary>
/// Writes control characters in every logged value as escapes (<c>\n</c>, <c>\r</c>, <c>\u001b</c>), so a value a
/// visitor chose (a path, a header) can never start a new, fake log line or drive the terminal. Applies to every
/// event, whoever logs it; the message templates themselves are the app's own text.
/// </summary>
public sealed class ControlCharacterEscaper : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        List<LogEventProperty>? escaped = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            if (Escape(value) is var safe && !ReferenceEquals(safe, value))
            {
                (escaped ??= []).Add(new LogEventProperty(name, safe));
            }
        }

        foreach (var property in escaped ?? [])
        {
            logEvent.AddOrUpdateProperty(property);
        }
    }

    /// <summary><paramref name="text"/> with each control character (and Unicode line/paragraph separator) escaped.</summary>
    public static string Escape(string text)
    {
        if (!text.Any(IsUnsafe))
        {
            return text;
        }

        var output = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\n' => output.Append("\\n"),
                '\r' => output.Append("\\r"),
                '\t' => output.Append("\\t"),
                _ when IsUnsafe(c) => output.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)),
                _ => output.Append(c),
            };
        }

        return output.ToString();
    }

    private static bool IsUnsafe(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';

    /// <summary>The same value if nothing in it needs escaping (the common case allocates nothing).</summary>
    private static LogEventPropertyValue Escape(LogEventPropertyValue value)
    {
        switch (value)
        {
            case ScalarValue { Value: string text } when Escape(text) is var safe && !ReferenceEquals(safe, text):
                return new ScalarValue(safe);
            case SequenceValue sequence:
                var elements = sequence.Elements.Select(Escape).ToList();
                return elements.SequenceEqual(sequence.Elements) ? value : new SequenceValue(elements);
            case StructureValue structure:
                var properties = structure.Properties.Select(p => Escape(p.Value) is var v && !ReferenceEquals(v, p.Value) ? new LogEventProperty(p.Name, v) : p).ToList();
                return properties.SequenceEqual(structure.Properties) ? value : new StructureValue(properties, structure.TypeTag);
            case DictionaryValue dictionary:
                var entries = dictionary.Elements.Select(e => new KeyValuePair<ScalarValue, LogEventPropertyValue>((ScalarValue)Escape(e.Key), Escape(e.Value))).ToList();
                return entries.Zip(dictionary.Elements).All(p => ReferenceEquals(p.First.Key, p.Second.Key) && ReferenceEquals(p.First.Value, p.Second.Value)) ? value : new DictionaryValue(entries);
            default:
                return value;
        }
    }
}
