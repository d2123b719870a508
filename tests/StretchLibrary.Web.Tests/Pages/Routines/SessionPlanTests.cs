using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Routines;
using StretchLibrary.Web.Routines.Sessions;

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

    [Fact]
    public void Lying_on_the_side_a_hold_does_every_set_on_one_side_before_rolling_over()
    {
        var blocks = SessionPlan.Blocks(new Dosage { Hold = Amount.Between(30, 60), Sets = Amount.Between(2, 3), Sides = Sides.Each }, 1, oneSideFirst: true);

        Assert.Equal([("left", 1), ("left", 2), ("right", 1), ("right", 2)], blocks.Select(b => (b.Side, b.Set)));
    }

    [Fact]
    public void Switching_sides_is_costly_only_when_every_position_is_side_lying()
    {
        Assert.True(SessionPlan.SwitchingSidesIsCostly(StretchIn("side-lying")));
        Assert.False(SessionPlan.SwitchingSidesIsCostly(StretchIn("side-lying", "seated")));
        Assert.False(SessionPlan.SwitchingSidesIsCostly(StretchIn("lying-on-back")));
        Assert.False(SessionPlan.SwitchingSidesIsCostly(StretchIn()));
    }

    [Fact]
    public void Pacing_puts_get_ready_first_then_switch_sides_or_rest_between_sets()
    {
        var blocks = SessionPlan.Blocks(new Dosage { Reps = Amount.Exactly(5), Sets = Amount.Exactly(2), Sides = Sides.Each }, 1);

        var pauses = SessionPlan.Paced(blocks, 1, rollOver: false).Select(b => b.Pause!).ToArray();

        Assert.Equal([SessionPause.Ready, SessionPause.Rest, SessionPause.Switch, SessionPause.Rest], pauses.Select(p => p.Kind));
        Assert.Equal([5_000, 10_000, 5_000, 10_000], pauses.Select(p => p.Ms));
        Assert.Equal("Get ready: left side first", pauses[0].Text);
        Assert.Equal("Switch to the right side", pauses[2].Text);
        Assert.Equal("Relax before set 2 of 2", pauses[3].Text);
    }

    [Fact]
    public void Rolling_over_gets_a_longer_pause_that_says_so_and_pauses_scale_like_holds()
    {
        var blocks = SessionPlan.Blocks(new Dosage { Hold = Amount.Exactly(30), Sides = Sides.Each }, 0.01, oneSideFirst: true);

        var pauses = SessionPlan.Paced(blocks, 0.01, rollOver: true).Select(b => b.Pause!).ToArray();

        Assert.Equal([(SessionPause.Ready, 50), (SessionPause.Switch, 100)], pauses.Select(p => (p.Kind, p.Ms)));
        Assert.Equal("Roll over: right side next", pauses[1].Text);
    }

    [Fact]
    public void Reps_without_a_hold_are_paced_out_and_back_in_the_tempo_scaled_like_holds()
    {
        var blocks = SessionPlan.Blocks(new Dosage { Reps = Amount.UpTo(10) }, 0.01);
        var tempo = new Tempo { MoveSeconds = 4, ReturnSeconds = 2 };

        var block = Assert.Single(SessionPlan.Paced(blocks, 0.01, rollOver: false, tempo));

        Assert.Equal((40, 20), (block.MoveMs, block.ReturnMs));
        Assert.Null(block.RelaxMs);
        Assert.Null(block.HoldMs);
    }

    [Fact]
    public void Without_a_tempo_reps_take_3_seconds_each_way()
    {
        var block = Assert.Single(SessionPlan.Paced(SessionPlan.Blocks(new Dosage { Reps = Amount.Exactly(10) }, 1), 1, rollOver: false));

        Assert.Equal((3_000, 3_000), (block.MoveMs, block.ReturnMs));
    }

    [Fact]
    public void Held_reps_relax_between_reps_for_the_tempo_or_5_seconds()
    {
        var blocks = SessionPlan.Blocks(new Dosage { Hold = Amount.Between(2, 3), Reps = Amount.Exactly(10) }, 1);

        var withTempo = Assert.Single(SessionPlan.Paced(blocks, 1, rollOver: false, new Tempo { RelaxSeconds = 3 }));
        var byDefault = Assert.Single(SessionPlan.Paced(blocks, 1, rollOver: false));

        Assert.Equal((2_000, 3_000), (withTempo.HoldMs, withTempo.RelaxMs));
        Assert.Equal(5_000, byDefault.RelaxMs);
        Assert.Null(withTempo.MoveMs);
    }

    [Fact]
    public void A_single_hold_has_no_relax_and_sets_relax_for_the_tempos_rest()
    {
        var blocks = SessionPlan.Blocks(new Dosage { Hold = Amount.Exactly(30), Sets = Amount.Exactly(2) }, 1);

        var paced = SessionPlan.Paced(blocks, 1, rollOver: false, new Tempo { RestSeconds = 20 });

        Assert.All(paced, b => Assert.Null(b.RelaxMs));
        Assert.Equal(new SessionPause(SessionPause.Rest, 20_000, "Relax before set 2 of 2"), paced[1].Pause);
    }

    [Fact]
    public void A_stretch_in_the_plan_carries_its_words_for_the_move_and_the_way_back()
    {
        var stretch = StretchIn("seated") with { Dosage = new Dosage { Reps = Amount.Exactly(10) }, Tempo = new Tempo { MoveWord = "turn", ReturnWord = "and back" } };
        var item = new ItemView(1, 0, "test", stretch, stretch.Dosage, null, false);

        var planned = Assert.Single(SessionPlan.For([item], 1));

        Assert.Equal(("turn", "and back"), (planned.MoveWord, planned.ReturnWord));
        Assert.Equal((3_000, 3_000), (planned.Blocks[0].MoveMs, planned.Blocks[0].ReturnMs));
    }

    private static Stretch StretchIn(params string[] positions) => new()
    {
        Slug = "test",
        Title = "Test",
        Category = Category.Back,
        Summary = "",
        Positions = [.. positions.Select(p => new Tag(p, p))],
        Equipment = [],
        Targets = [],
        Aliases = [],
        Dosage = new Dosage { Hold = Amount.Exactly(30) },
        Cautions = [],
        StopIf = [],
        Easier = [],
        Harder = [],
        Related = [],
        BodyHtml = "",
        BodyText = "",
        Steps = [],
        SourcePath = "test.md",
    };
}
