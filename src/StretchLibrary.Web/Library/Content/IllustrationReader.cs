using System.Globalization;
using StretchLibrary.Web.Library.Figures;
using YamlDotNet.RepresentationModel;

namespace StretchLibrary.Web.Library.Content;

/// <summary>Reads a stretch's <c>illustration:</c> block and reports every unknown name or impossible angle.</summary>
internal static class IllustrationReader
{
    public const int MaxFrames = 4;

    public static IllustrationSpec? Read(YamlFields fields)
    {
        var viewName = fields.String("view", maxLength: 20) ?? "side";
        if (View.Find(viewName) is null)
        {
            fields.Problem(fields.Node("view"), $"unknown view '{viewName}' (expected one of: {string.Join(", ", View.All.Select(v => v.Name))})");
        }

        var props = fields.List("props");
        foreach (var prop in props.Where(p => !Prop.Names.Contains(p)))
        {
            fields.Problem(fields.Node("props"), $"unknown prop '{prop}' (expected one of: {string.Join(", ", Prop.Names)})");
        }

        var highlight = fields.List("highlight");
        foreach (var part in highlight.Where(p => !Skeleton.SegmentNames.Contains(p)))
        {
            fields.Problem(fields.Node("highlight"), $"unknown body part '{part}' to highlight (expected one of: {string.Join(", ", Skeleton.SegmentNames)})");
        }

        var focus = fields.String("focus", maxLength: 20) ?? "body";
        if (focus is not ("body" or "head"))
        {
            fields.Problem(fields.Node("focus"), $"unknown focus '{focus}' (expected body or head)");
        }

        var arrows = fields.String("arrows", maxLength: 20) ?? "one way";
        if (arrows is not ("one way" or "both ways"))
        {
            fields.Problem(fields.Node("arrows"), $"unknown arrows '{arrows}' (expected one way or both ways)");
        }

        var frames = ReadFrames(fields);
        fields.RejectUnknown();
        return new IllustrationSpec(viewName, props, highlight, focus == "head", frames, arrows == "both ways");
    }

    private static List<FigureFrame> ReadFrames(YamlFields fields)
    {
        var frames = new List<FigureFrame>();
        var node = fields.Node("frames");
        if (node is not YamlSequenceNode sequence || sequence.Children.Count is 0 or > MaxFrames)
        {
            fields.Problem(node, $"'frames' must be a list of 1 to {MaxFrames} frames");
            return frames;
        }

        foreach (var item in sequence)
        {
            if (item is not YamlMappingNode map)
            {
                fields.Problem(item, "every frame needs 'name', 'base', 'pose' and 'alt'");
                continue;
            }

            var frame = fields.Child(map);
            var name = frame.String("name", required: true, maxLength: 30);
            if (name is not null && !ArticleParser.IsValidSlug(name))
            {
                frame.Problem(frame.Node("name"), $"frame name '{name}' must be lower-case letters, digits and hyphens (it is part of the figure's address)");
            }
            else if (name is not null && frames.Any(f => f.Name == name))
            {
                frame.Problem(frame.Node("name"), $"frame name '{name}' is used twice");
            }

            var baseName = frame.String("base", required: true, maxLength: 30);
            if (baseName is not null && BasePosition.Find(baseName) is null)
            {
                frame.Problem(frame.Node("base"), $"unknown base position '{baseName}' (expected one of: {string.Join(", ", BasePosition.All.Select(b => b.Name))})");
            }

            var pose = ReadPose(frame);
            var frameProps = frame.Node("props") is null ? null : frame.List("props");
            foreach (var prop in (frameProps ?? []).Where(p => !Prop.Names.Contains(p)))
            {
                frame.Problem(frame.Node("props"), $"unknown prop '{prop}' (expected one of: {string.Join(", ", Prop.Names)})");
            }

            var frameView = frame.String("view", maxLength: 20);
            if (frameView is not null && View.Find(frameView) is null)
            {
                frame.Problem(frame.Node("view"), $"unknown view '{frameView}' (expected one of: {string.Join(", ", View.All.Select(v => v.Name))})");
            }

            var hands = frame.String("hands", maxLength: 30);
            if (hands is not null && !FigureFrame.HandsValues.Contains(hands))
            {
                frame.Problem(frame.Node("hands"), $"unknown hands '{hands}' (expected one of: {string.Join(", ", FigureFrame.HandsValues)})");
            }

            var head = frame.String("head", maxLength: 20);
            if (head is not null && head != FigureFrame.Lifted)
            {
                frame.Problem(frame.Node("head"), $"unknown head '{head}' (expected {FigureFrame.Lifted}, for a lying figure that raises its head)");
            }

            var alt = frame.String("alt", required: true, maxLength: 250);
            frame.RejectUnknown();
            if (name is not null && baseName is not null && alt is not null)
            {
                frames.Add(new FigureFrame(name, baseName, pose, alt, frameProps, frameView, hands, head, frame.Line));
            }
        }

        return frames;
    }

    private static Dictionary<string, double> ReadPose(YamlFields frame)
    {
        var pose = new Dictionary<string, double>(StringComparer.Ordinal);
        var node = frame.Node("pose");
        if (node is null or YamlScalarNode { Value: null or "" })
        {
            return pose;
        }

        if (node is not YamlMappingNode map)
        {
            frame.Problem(node, "'pose' must be joint: degrees pairs, e.g. { neck.flex: 20 }");
            return pose;
        }

        foreach (var (keyNode, valueNode) in map.Children)
        {
            var joint = (keyNode as YamlScalarNode)?.Value ?? "?";
            if (Joints.Find(joint) is not { } range)
            {
                frame.Problem(keyNode, $"unknown joint '{joint}' (content/README.md lists the joints)");
                continue;
            }

            if (valueNode is not YamlScalarNode { Value: { } text }
                || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var degrees) || !double.IsFinite(degrees))
            {
                frame.Problem(valueNode, $"'{joint}' must be a number of degrees");
                continue;
            }

            if (degrees < range.Min || degrees > range.Max)
            {
                frame.Problem(valueNode, $"'{joint}' of {text} degrees is outside its range {range.Min:0} to {range.Max:0} ({range.Meaning})");
                continue;
            }

            pose[joint] = degrees;
        }

        return pose;
    }
}
