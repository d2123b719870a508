using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using StretchLibrary.Web.Platform.Data;

namespace StretchLibrary.Web.Tests.Data;

public sealed class DatabaseFailuresTests
{
    [Fact]
    public void A_write_refused_because_the_app_is_stopping_answers_503()
    {
        var queue = Channel.CreateUnbounded<int>();
        queue.Writer.Complete();

        var refused = Assert.Throws<ChannelClosedException>(() => queue.Writer.WriteAsync(1).AsTask().GetAwaiter().GetResult());

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, DatabaseFailures.StatusCode(refused));
    }

    [Fact]
    public void Any_other_failure_answers_500()
    {
        Assert.Equal(StatusCodes.Status500InternalServerError, DatabaseFailures.StatusCode(new InvalidOperationException("a bug")));
    }
}
