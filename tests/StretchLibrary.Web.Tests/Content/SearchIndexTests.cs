using StretchLibrary.Web.Library.Content;

namespace StretchLibrary.Web.Tests.Content;

public class SearchIndexTests
{
    private static readonly ContentSnapshot Shipped = ContentLoader.Load(TempContent.ShippedRoot);

    private static string[] Slugs(string query) => [.. Shipped.Search.Search(query).Stretches.Select(s => s.Slug)];

    private static readonly string[] NeckStretches = ["chin-tucks", "neck-flexion-extension", "seated-cervical-rotation"];

    [Theory]
    [InlineData("Chin Tucks")]
    [InlineData("chin-tuck")]
    [InlineData("CHIN, TUCK!")]
    public void Case_punctuation_and_plurals_do_not_matter(string query) =>
        Assert.Equal("chin-tucks", Slugs(query).First());

    [Fact]
    public void One_typo_still_finds_the_thoracic_stretches()
    {
        var typo = Slugs("thorasic");

        Assert.Contains("thoracic-extension", typo);
        Assert.Contains("thoracic-rotation-stretch", typo);
        Assert.Equal(Slugs("thoracic"), typo);
    }

    [Fact]
    public void Aliases_are_searched() =>
        Assert.Equal("lying-arm-extensions", Slugs("laying arm extensions").First());

    [Fact]
    public void Title_hits_rank_above_body_hits()
    {
        var results = Slugs("rotation");

        var titleHits = results.TakeWhile(s => Shipped.FindStretch(s)!.Title.Contains("rotation", StringComparison.OrdinalIgnoreCase)).Count();
        Assert.Equal(Shipped.Stretches.Count(s => s.Title.Contains("rotation", StringComparison.OrdinalIgnoreCase)), titleHits);
        Assert.True(results.Length >= titleHits);
    }

    [Fact]
    public void When_some_stretch_matches_every_word_only_those_are_listed()
    {
        var results = Shipped.Search.Search("foam roller");

        Assert.Equal(["foam-roller-i-y-t", "thoracic-extension"], results.Stretches.Select(s => s.Slug).Order());
        Assert.False(results.Partial);
    }

    [Fact]
    public void A_word_that_matches_nothing_leaves_the_best_partial_matches_marked_as_partial()
    {
        var results = Shipped.Search.Search("chin zebra");

        Assert.True(results.Partial);
        Assert.Equal("chin-tucks", results.Stretches[0].Slug);
    }

    [Fact]
    public void Partial_matches_rank_by_how_many_words_hit()
    {
        // "foam" and "roller" hit two stretches; "chair" hits others; "zebra" hits nothing.
        var results = Shipped.Search.Search("foam roller chair zebra");

        Assert.True(results.Partial);
        Assert.Equal("thoracic-extension", results.Stretches[0].Slug);
        Assert.Equal("foam-roller-i-y-t", results.Stretches[1].Slug);
    }

    [Fact]
    public void Nothing_at_all_is_neither_a_match_nor_partial()
    {
        var results = Shipped.Search.Search("zebra giraffe");

        Assert.Empty(results.Stretches);
        Assert.False(results.Partial);
    }

    [Theory]
    [InlineData("stiff neck")]
    [InlineData("neck pain")]
    [InlineData("tight sore neck")]
    public void Neck_words_in_peoples_own_words_list_the_three_neck_stretches_first(string query)
    {
        var results = Shipped.Search.Search(query);

        Assert.False(results.Partial);
        Assert.Equal(NeckStretches, results.Stretches.Take(3).Select(s => s.Slug).Order());
    }

    [Fact]
    public void A_typo_in_a_short_word_is_forgiven() =>
        Assert.Equal(NeckStretches, Slugs("nek").Take(3).Order());

    [Fact]
    public void A_short_word_that_starts_a_term_gets_no_typo_matches()
    {
        // "arm" begins "arms"; one edit away it would also hit "art", "ear", "aim"... none of which may list a stretch.
        var results = Shipped.Search.Search("arm").Stretches;

        Assert.NotEmpty(results);
        Assert.All(results, s => Assert.Contains("arm", $"{s.Title} {s.Summary} {s.BodyText} {string.Join(' ', s.Aliases)} {string.Join(' ', s.Targets)}", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("shoulder blades", "posture")]
    [InlineData("hunched posture", "posture")]
    [InlineData("stiff upper back", "back")]
    public void Area_words_rank_that_areas_stretches_first(string query, string category)
    {
        var results = Shipped.Search.Search(query).Stretches;
        var inArea = Shipped.Stretches.Count(s => s.Category.ToString().Equals(category, StringComparison.OrdinalIgnoreCase));

        Assert.All(results.Take(inArea), s => Assert.Equal(category, s.Category.ToString(), ignoreCase: true));
    }

    [Fact]
    public void Complaints_are_searched_and_the_matched_line_comes_back_with_the_result()
    {
        var results = Shipped.Search.Search("tech neck");

        Assert.Equal("chin-tucks", results.Stretches[0].Slug);
        Assert.Equal("tech neck from looking down at a screen", results.ComplaintFor(results.Stretches[0]));
    }

    [Fact]
    public void Between_the_shoulder_blades_is_the_mid_back()
    {
        var results = Shipped.Search.Search("pain between shoulder blades");
        var back = Shipped.Stretches.Count(s => s.Category == Category.Back);

        Assert.False(results.Partial);
        Assert.All(results.Stretches.Take(back), s => Assert.Equal(Category.Back, s.Category));
        Assert.True(results.Stretches.Count > back);
    }

    [Fact]
    public void A_result_found_without_a_complaint_has_none() =>
        Assert.Null(Shipped.Search.Search("foam roller").ComplaintFor(Shipped.FindStretch("foam-roller-i-y-t")!));

    [Fact]
    public void Tags_are_searched() =>
        Assert.Contains("thoracic-rotation-stretch", Slugs("side-lying"));

    [Fact]
    public void A_word_being_typed_matches_by_its_start() =>
        Assert.Contains("thoracic-extension", Slugs("thora"));

    [Fact]
    public void Stop_words_alone_find_nothing() => Assert.Empty(Slugs("the and of"));

    [Theory]
    [InlineData("thoracic", "thorasic", true)]
    [InlineData("thoracic", "thoracci", true)]
    [InlineData("rotation", "rotatio", true)]
    [InlineData("rotation", "rotations", true)]
    [InlineData("rotation", "rotatoin", true)]
    [InlineData("rotation", "rottaoin", false)]
    [InlineData("neck", "back", false)]
    public void One_edit_apart(string a, string b, bool expected) =>
        Assert.Equal(expected, SearchIndex.IsOneEditApart(a, b));

    [Theory]
    [InlineData("stretches", "stretch")]
    [InlineData("tucks", "tuck")]
    [InlineData("bodies", "body")]
    [InlineData("press", "press")]
    [InlineData("thoracic", "thoracic")]
    public void Plurals_fold_to_the_singular(string word, string stem) => Assert.Equal(stem, SearchIndex.Stem(word));
}
