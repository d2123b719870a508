using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using StretchLibrary.Web.Platform.Caching;

namespace StretchLibrary.Web.Tests.Caching;

/// <summary>
/// One instance on the shared Redis (<c>STRETCHLIBRARY_TEST_REDIS</c>), its channels under a prefix of its own so
/// that other tests' announcements do not reach it, and its subscription connection cut by the test.
/// </summary>
public sealed class SharedStateReconnectTests : IDisposable
{
    private readonly LibraryFactory _app = new();
    private readonly string _redis;
    private readonly string _name = "reconnect-" + Guid.NewGuid().ToString("n");

    public SharedStateReconnectTests()
    {
        _redis = Environment.GetEnvironmentVariable("STRETCHLIBRARY_TEST_REDIS")
            ?? throw new InvalidOperationException("STRETCHLIBRARY_TEST_REDIS is not set: run these tests through tests/run, which starts Redis.");
        _app.Settings["Redis:Configuration"] = $"{_redis},name={_name},channelPrefix={_name}:";
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task After_a_reconnect_an_announcement_is_handled_once()
    {
        var redis = _app.Services.GetRequiredService<IConnectionMultiplexer>();
        var facts = _app.Services.GetRequiredService<UserFacts>();
        var restored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Added after the app's own handlers, so it runs when they have.
        redis.ConnectionRestored += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Subscription)
            {
                restored.TrySetResult();
            }
        };

        await using (var admin = await ConnectionMultiplexer.ConnectAsync($"{_redis},allowAdmin=true"))
        {
            var server = admin.GetServer(admin.GetEndPoints()[0]);
            var subscriber = Assert.Single(await server.ClientListAsync(), c => c.Name == _name && c.ClientType == ClientType.PubSub);
            await server.ClientKillAsync(subscriber.Id);
        }

        await restored.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // Handlers of one message run one after another: this one, subscribed last, runs after the app's.
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await redis.GetSubscriber().SubscribeAsync(SharedState.ForgetChannel, (_, _) => heard.TrySetResult());
        var before = facts.Forgets;

        await redis.GetSubscriber().PublishAsync(SharedState.ForgetChannel, "someone");
        await heard.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, facts.Forgets - before);
    }
}
