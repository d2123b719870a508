using StretchLibrary.Web.Content;
using StretchLibrary.Web.Pages.Routines;

namespace StretchLibrary.Web.Tests.Pages.Routines;

public class SessionPlanTests
{
    [Fact]
    public void Reps_on_each_side_do_every_set_on_one_side_then_the_other()
    {
        var blocks = SessionPlan.Blocks(new Dosage { Reps = Amount.Between(10, 15), Sets = Amount.Exactly(2), Sides = Sides.Each }, 1);

        Assert.Equal(
            [new("left", 1, 2, 10, null), new("left", 2, 2, 10, null), new("right", 1, 2, 10, null), new SessionBlock("right", 2, 2, 10, null)],
            blocks);
    }

    [Fact]
    public void A_hold_on_each_side_alternates_sides_every_round()
    {
        var blocks = SessionPlan.Blocks(new Dosage { Hold = Amount.Between(30, 60), Sets = Amount.Between(2, 3), Sides = Sides.Each }, 1);

        Assert.Equal(["left", "right", "left", "right"], blocks.Select(b => b.Side));
        Assert.All(blocks, b => Assert.Equal((1, 30_000), (b.Reps, b.HoldMs!.Value)));
    }

    [Fact]
    public void Held_reps_hold_every_rep_and_the_scale_shortens_holds()
    {
        var block = Assert.Single(SessionPlan.Blocks(new Dosage { Hold = Amount.Between(2, 3), Reps = Amount.Exactly(10) }, 0.01));

        Assert.Equal(new SessionBlock(null, 1, 1, 10, 20), block);
    }

    [Fact]
    public void Up_to_aims_for_the_bound_and_a_plain_rep_count_has_no_timer()
    {
        var block = Assert.Single(SessionPlan.Blocks(new Dosage { Reps = Amount.UpTo(10) }, 1));

        Assert.Equal(new SessionBlock(null, 1, 1, 10, null), block);
    }
}
