using System.ComponentModel;
using StretchLibrary.Web.Library.Content;

namespace StretchLibrary.Web.Library.Api;

// The shapes the library API answers with, mapped by hand from the content records.

[Description("A dosage number: exactly, a range, an upper bound or an approximate figure.")]
public sealed record AmountDto(AmountKind Kind, int Min, int Max, [property: Description("As written, e.g. \"10-15\" or \"up to 30\".")] string Text)
{
    public static AmountDto? From(Amount? amount) => amount is null ? null : new(amount.Kind, amount.Min, amount.Max, amount.ToString());
}

[Description("How much to do. At least one of reps and holdSeconds is set.")]
public sealed record DosageDto(
    AmountDto? Reps,
    [property: Description("Seconds to hold each rep, or the stretch.")] AmountDto? HoldSeconds,
    AmountDto? Sets,
    [property: Description("both: both sides together or symmetric; each: one side, then the other.")] Sides Sides,
    AmountDto? PerDay,
    string? Note,
    [property: Description("An alternative way to dose the stretch.")] DosageDto? Alternative,
    [property: Description("The dosage in plain words.")] string Text)
{
    public static DosageDto From(Dosage dosage) => new(
        AmountDto.From(dosage.Reps), AmountDto.From(dosage.Hold), AmountDto.From(dosage.Sets), dosage.Sides,
        AmountDto.From(dosage.PerDay), dosage.Note, dosage.Alternative is null ? null : From(dosage.Alternative), dosage.Describe());
}

public sealed record TagDto(string Slug, string Name)
{
    public static TagDto[] From(IEnumerable<Tag> tags) => [.. tags.Select(t => new TagDto(t.Slug, t.Name))];
}

public sealed record VariantDto(string Title, string Text);

[Description("A stretch in a list: enough to choose one.")]
public sealed record StretchSummaryDto(string Slug, string Title, Category Category, string Summary, TagDto[] Positions, TagDto[] Equipment, DosageDto Dosage, [property: Description("This stretch in the API.")] string Url, [property: Description("Its page on the site.")] string HtmlUrl)
{
    public static StretchSummaryDto From(Stretch s) => new(
        s.Slug, s.Title, s.Category, s.Summary, TagDto.From(s.Positions), TagDto.From(s.Equipment),
        DosageDto.From(s.Dosage), $"/api/v1/stretches/{s.Slug}", $"/stretches/{s.Slug}");
}

public sealed record StretchListDto(StretchSummaryDto[] Items, [property: Description("Pass as ?cursor= for the next page; null on the last page. The Link header carries the same as rel=\"next\".")] string? NextCursor);

public sealed record RelatedDto(string Slug, string Title, string Url);

[Description("A figure of the stretch, one frame of its illustration.")]
public sealed record FigureDto(string Name, string Url);

[Description("One stretch with everything the site shows about it.")]
public sealed record StretchDto(
    string Slug,
    string Title,
    Category Category,
    string Summary,
    string? Setup,
    TagDto[] Positions,
    TagDto[] Equipment,
    string[] Targets,
    string[] Aliases,
    DosageDto Dosage,
    string[] Steps,
    string[] Cautions,
    [property: Description("This stretch's own reasons to stop, on top of the rule in 'safety'; often none.")] string[] StopIf,
    [property: Description("The rule every stretch shares: what to expect, and when to stop and get medical advice straight away.")] string Safety,
    VariantDto[] Easier,
    VariantDto[] Harder,
    [property: Description("Related stretches that are in the library.")] RelatedDto[] Related,
    [property: Description("Figure URLs, /figures/{slug}/{frame}.svg; empty when the stretch has no illustration.")] FigureDto[] Figures,
    [property: Description("The article body as HTML (raw HTML in the source is not rendered).")] string BodyHtml,
    string HtmlUrl)
{
    public static StretchDto From(Stretch s, ContentSnapshot content) => new(
        s.Slug, s.Title, s.Category, s.Summary, s.Setup, TagDto.From(s.Positions), TagDto.From(s.Equipment),
        [.. s.Targets], [.. s.Aliases], DosageDto.From(s.Dosage), [.. s.Steps], [.. s.Cautions], [.. s.StopIf], SafetyRule.Text,
        [.. s.Easier.Select(v => new VariantDto(v.Title, v.Text))], [.. s.Harder.Select(v => new VariantDto(v.Title, v.Text))],
        [.. s.Related.Select(content.FindStretch).OfType<Stretch>().Select(r => new RelatedDto(r.Slug, r.Title, $"/api/v1/stretches/{r.Slug}"))],
        [.. (s.Illustration?.Frames ?? []).Select(f => new FigureDto(f.Name, $"/figures/{s.Slug}/{f.Name}.svg"))], s.BodyHtml, $"/stretches/{s.Slug}");
}

public sealed record GuideSummaryDto(string Slug, string Title, string Summary, string Url, string HtmlUrl)
{
    public static GuideSummaryDto From(Guide g) => new(g.Slug, g.Title, g.Summary, $"/api/v1/guides/{g.Slug}", $"/guides/{g.Slug}");
}

public sealed record GuideListDto(GuideSummaryDto[] Items);

public sealed record GuideDto(string Slug, string Title, string Summary, string BodyHtml, string HtmlUrl)
{
    public static GuideDto From(Guide g) => new(g.Slug, g.Title, g.Summary, g.BodyHtml, $"/guides/{g.Slug}");
}

[Description("A stretch in a starter routine, with the dosage the routine sets (the stretch's own where it sets none).")]
public sealed record StarterItemDto(string StretchSlug, string Title, DosageDto Dosage, string? Note, string Url);

public sealed record StarterRoutineDto(string Slug, string Title, string Summary, int? WeeklyTarget, StarterItemDto[] Items, string BodyHtml)
{
    public static StarterRoutineDto From(StarterRoutine r, ContentSnapshot content) => new(
        r.Slug, r.Title, r.Summary, r.WeeklyTarget,
        [.. r.Items.Select(i => (Item: i, Stretch: content.FindStretch(i.StretchSlug))).Where(x => x.Stretch is not null)
            .Select(x => new StarterItemDto(x.Item.StretchSlug, x.Stretch!.Title, DosageDto.From(x.Stretch.Dosage.WithOverrides(x.Item.Reps, x.Item.HoldSeconds, x.Item.Sets, x.Item.PerDay)), x.Item.Note, $"/api/v1/stretches/{x.Item.StretchSlug}"))],
        r.BodyHtml);
}

public sealed record StarterRoutineListDto(StarterRoutineDto[] Items);
