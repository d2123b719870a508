using StretchLibrary.Web.Content;

namespace StretchLibrary.Web.Tests.Content;

public class SearchIndexTests
{
    private static readonly ContentSnapshot Shipped = ContentLoader.Load(TempContent.ShippedRoot);

    private static string[] Slugs(string query) => [.. Shipped.Search.Search(query).Select(s => s.Slug)];

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
    public void Every_word_must_match()
    {
        Assert.Equal(["foam-roller-i-y-t", "thoracic-extension"], Slugs("foam roller").Order());
        Assert.Empty(Slugs("foam zebra"));
    }

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
