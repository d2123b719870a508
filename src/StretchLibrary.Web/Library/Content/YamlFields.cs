using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace StretchLibrary.Web.Library.Content;

/// <summary>
/// Reads fields from a YAML mapping and records a problem, with the line it is on, for every field that is
/// missing, of the wrong shape or not known.
/// </summary>
internal sealed class YamlFields(YamlMappingNode map, string path, int lineOffset, List<ContentProblem> problems)
{
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public int LineOf(YamlNode node) => (int)node.Start.Line + lineOffset;

    public int Line => LineOf(map);

    public void Problem(YamlNode? node, string reason) => problems.Add(new ContentProblem(path, node is null ? Line : LineOf(node), reason));

    public YamlNode? Node(string key)
    {
        _read.Add(key);
        return map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;
    }

    public string? String(string key, bool required = false, int maxLength = 300)
    {
        var node = Node(key);
        if (node is null || node is YamlScalarNode { Value: null or "" })
        {
            if (required)
            {
                Problem(node, $"missing required field '{key}'");
            }

            return null;
        }

        if (node is not YamlScalarNode scalar)
        {
            Problem(node, $"'{key}' must be text");
            return null;
        }

        var value = scalar.Value!.Trim();
        if (value.Length > maxLength)
        {
            Problem(node, $"'{key}' is {value.Length} characters long; at most {maxLength} are allowed");
            return null;
        }

        return value;
    }

    public IReadOnlyList<string> List(string key, bool required = false, int maxItems = 20)
    {
        var node = Node(key);
        switch (node)
        {
            case null or YamlScalarNode { Value: null or "" }:
                if (required)
                {
                    Problem(node, $"missing required field '{key}'");
                }

                return [];
            case YamlScalarNode single:
                return [single.Value!.Trim()];
            case YamlSequenceNode sequence:
                var items = new List<string>();
                foreach (var item in sequence)
                {
                    if (item is YamlScalarNode { Value: { Length: > 0 } text })
                    {
                        items.Add(text.Trim());
                    }
                    else
                    {
                        Problem(item, $"every item of '{key}' must be text");
                    }
                }

                if (required && items.Count == 0)
                {
                    Problem(node, $"'{key}' needs at least one item");
                }

                if (items.Count > maxItems)
                {
                    Problem(node, $"'{key}' has {items.Count} items; at most {maxItems} are allowed");
                    return [];
                }

                return items;
            default:
                Problem(node, $"'{key}' must be a list");
                return [];
        }
    }

    public int? Int(string key)
    {
        var node = Node(key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } text } && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Problem(node, $"'{key}' must be a whole number");
        return null;
    }

    /// <summary>Fields of a mapping nested somewhere below this one (an item of a list), reporting to the same file.</summary>
    public YamlFields Child(YamlMappingNode node) => new(node, path, lineOffset, problems);

    public YamlFields? Map(string key)
    {
        var node = Node(key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlMappingNode child)
        {
            return new YamlFields(child, path, lineOffset, problems);
        }

        Problem(node, $"'{key}' must be a set of 'name: value' fields");
        return null;
    }

    public IEnumerable<(YamlMappingNode Node, YamlFields Fields)> MapList(string key)
    {
        var node = Node(key);
        if (node is null or YamlScalarNode { Value: null or "" })
        {
            yield break;
        }

        if (node is not YamlSequenceNode sequence)
        {
            Problem(node, $"'{key}' must be a list");
            yield break;
        }

        foreach (var item in sequence)
        {
            if (item is YamlMappingNode child)
            {
                yield return (child, new YamlFields(child, path, lineOffset, problems));
            }
            else
            {
                Problem(item, $"every item of '{key}' must have 'title' and 'text'");
            }
        }
    }

    /// <summary>Reports keys nobody asked for: usually a typo such as 'titel'.</summary>
    public void RejectUnknown()
    {
        foreach (var (keyNode, _) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "?";
            if (!_read.Contains(key))
            {
                Problem(keyNode, $"unknown field '{key}'");
            }
        }
    }
}
