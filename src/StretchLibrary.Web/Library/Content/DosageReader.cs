namespace StretchLibrary.Web.Library.Content;

/// <summary>Reads and checks the <c>dosage</c> block of a stretch file.</summary>
internal static class DosageReader
{
    public static Dosage? Read(YamlFields fields, bool allowAlternative)
    {
        var ok = true;
        var reps = ReadAmount(fields, "reps", Dosage.MaxReps, ref ok);
        var hold = ReadAmount(fields, "hold", Dosage.MaxHoldSeconds, ref ok);
        var sets = ReadAmount(fields, "sets", Dosage.MaxSets, ref ok);
        var perDay = ReadAmount(fields, "per_day", Dosage.MaxPerDay, ref ok);
        var note = fields.String("note", maxLength: 200);
        var sides = Sides.Both;
        var sidesText = fields.String("sides", maxLength: 10);
        if (sidesText is not null && !Enum.TryParse(sidesText, ignoreCase: true, out sides))
        {
            fields.Problem(fields.Node("sides"), $"'sides' must be 'each' or 'both', not '{sidesText}'");
            ok = false;
        }

        Dosage? alternative = null;
        if (allowAlternative)
        {
            var or = fields.Map("or");
            if (or is not null)
            {
                alternative = Read(or, allowAlternative: false);
                ok &= alternative is not null;
            }
        }

        fields.RejectUnknown();
        if (reps is null && hold is null && ok)
        {
            fields.Problem(null, "dosage needs 'reps' or 'hold'");
            return null;
        }

        return ok
            ? new Dosage { Reps = reps, Hold = hold, Sets = sets, PerDay = perDay, Sides = sides, Note = note, Alternative = alternative }
            : null;
    }

    private static Amount? ReadAmount(YamlFields fields, string key, int max, ref bool ok)
    {
        var node = fields.Node(key);
        if (node is null)
        {
            return null;
        }

        var text = (node as YamlDotNet.RepresentationModel.YamlScalarNode)?.Value;
        if (text is null)
        {
            fields.Problem(node, $"'{key}' must be a number, a range like 10-15, 'up to N' or 'about N'");
            ok = false;
            return null;
        }

        var amount = Amount.TryParse(text, out var error);
        if (text.TrimStart().StartsWith('-'))
        {
            fields.Problem(node, $"'{key}' must be above zero, not '{text}'");
        }
        else if (amount is null)
        {
            fields.Problem(node, $"'{key}': {error}");
        }
        else if (amount.Min <= 0)
        {
            fields.Problem(node, $"'{key}' must be above zero, not '{text}'");
            amount = null;
        }
        else if (amount.Max > max)
        {
            fields.Problem(node, $"'{key}' of {amount.Max} is implausible; at most {max} is allowed");
            amount = null;
        }

        ok &= amount is not null;
        return amount;
    }
}
