using Bunit;
using StretchLibrary.Web.Components;
using StretchLibrary.Web.Library.Content;

namespace StretchLibrary.Web.Tests.Components;

public class DosageBoxTests : BunitContext
{
    [Fact]
    public void Shows_the_dosage_in_plain_words_with_its_alternative_and_note()
    {
        var dosage = new Dosage
        {
            Reps = Amount.UpTo(10),
            Note = "Breathe in one way, out the other.",
            Alternative = new Dosage { Hold = Amount.Between(30, 60) },
        };

        var cut = Render<DosageBox>(ps => ps.Add(p => p.Dosage, dosage));

        cut.MarkupMatches("""
            <section class="dosage" aria-labelledby="dosage-heading">
              <h2 id="dosage-heading" class="dosage-heading">How much</h2>
              <p class="dosage-main">Up to 10 reps</p>
              <p class="dosage-note">Breathe in one way, out the other.</p>
              <p class="dosage-alt"><span class="dosage-or">Or:</span> Hold 30-60 s</p>
            </section>
            """);
    }

    [Fact]
    public void Leaves_out_note_and_alternative_when_there_are_none()
    {
        var cut = Render<DosageBox>(ps => ps.Add(p => p.Dosage, new Dosage { Hold = Amount.About(30), Sets = Amount.Between(2, 3), Sides = Sides.Each }));

        Assert.Equal("Hold about 30 s on each side, 2-3 times", cut.Find(".dosage-main").TextContent);
        Assert.Empty(cut.FindAll(".dosage-note"));
        Assert.Empty(cut.FindAll(".dosage-alt"));
    }
}
