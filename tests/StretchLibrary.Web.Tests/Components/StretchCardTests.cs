using Bunit;
using StretchLibrary.Web.Components;
using StretchLibrary.Web.Library.Content;

namespace StretchLibrary.Web.Tests.Components;

public class StretchCardTests : BunitContext
{
    private static Stretch Make(IReadOnlyList<Tag> equipment, string title = "Chin tucks") => new()
    {
        Slug = "chin-tucks",
        Title = title,
        Category = Category.Neck,
        Summary = "A small nod.",
        Positions = [new Tag("lying on back", "lying-on-back"), new Tag("seated", "seated")],
        Equipment = equipment,
        Targets = [],
        Aliases = [],
        Dosage = new Dosage { Hold = Amount.Between(2, 3), Reps = Amount.Exactly(10) },
        Cautions = [],
        StopIf = [],
        Easier = [],
        Harder = [],
        Related = [],
        BodyHtml = "<p>x</p>",
        BodyText = "x",
        Steps = [],
        SourcePath = "x.md",
    };

    [Fact]
    public void Links_the_title_category_and_every_tag_to_their_pages()
    {
        var cut = Render<StretchCard>(ps => ps.Add(p => p.Stretch, Make([new Tag("towel", "towel")])));

        Assert.Equal("/stretches/chin-tucks", cut.Find("h3 a").GetAttribute("href"));
        Assert.Equal("Neck · Hold 2-3 s, 10 reps", cut.Find(".card-meta").TextContent);
        Assert.Equal(
            ["/stretches?category=neck", "/stretches?position=lying-on-back", "/stretches?position=seated", "/stretches?equipment=towel", "/routines/add/chin-tucks"],
            cut.FindAll("a").Skip(1).Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void A_stretch_without_equipment_links_to_the_no_equipment_list()
    {
        var cut = Render<StretchCard>(ps => ps.Add(p => p.Stretch, Make([])));

        var tag = cut.Find("a.tag-equipment");
        Assert.Equal("no equipment", tag.TextContent);
        Assert.Equal("/stretches?equipment=none", tag.GetAttribute("href"));
    }

    [Fact]
    public void Text_is_encoded_not_interpreted()
    {
        var cut = Render<StretchCard>(ps => ps.Add(p => p.Stretch, Make([], "<b>Bold</b>")));

        Assert.Equal("<b>Bold</b>", cut.Find("h3 a").TextContent);
        Assert.Empty(cut.FindAll("h3 b"));
    }
}
