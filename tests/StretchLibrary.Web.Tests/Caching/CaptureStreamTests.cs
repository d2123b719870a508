using StretchLibrary.Web.Platform.Caching;

namespace StretchLibrary.Web.Tests.Caching;

/// <summary>The page cache's copy of a body: kept whole across many writes, dropped past the limit without losing bytes.</summary>
public sealed class CaptureStreamTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_written_in_many_pieces_is_copied_whole(bool holdBack)
    {
        var sent = new MemoryStream();
        var body = Body(70_000);
        using var capture = new CaptureStream(sent, limit: 1024 * 1024, () => holdBack);

        foreach (var piece in body.Chunk(4096))
        {
            await capture.WriteAsync(piece);
        }

        Assert.False(capture.Overflowed);
        Assert.Equal(holdBack, capture.Holding);
        Assert.Equal(body, capture.ToArray());
        Assert.Equal(holdBack ? [] : body, sent.ToArray());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_body_over_the_limit_drops_its_copy_and_reaches_the_client_whole_and_in_order(bool holdBack)
    {
        var sent = new MemoryStream();
        var body = Body(50_000);
        using var capture = new CaptureStream(sent, limit: 30_000, () => holdBack);

        foreach (var piece in body.Chunk(7000))
        {
            capture.Write(piece);
        }

        Assert.True(capture.Overflowed);
        Assert.False(capture.Holding);
        Assert.Empty(capture.ToArray());
        Assert.Equal(body, sent.ToArray());
    }

    private static byte[] Body(int length) => [.. Enumerable.Range(0, length).Select(i => (byte)(i * 7))];
}
