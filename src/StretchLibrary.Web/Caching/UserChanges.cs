using StackExchange.Redis;

namespace StretchLibrary.Web.Caching;

/// <summary>
/// The one place told that a user's row or data changed: it forgets what memory holds about that user (their
/// <see cref="UserFacts"/> and cached pages), here and, through Redis when configured, on every other instance.
/// Identity's writes reach it through <c>AppUserStore</c>; code that writes user rows directly calls it. When the
/// change happens inside a request it is forgotten again when the request ends, after any transaction around it
/// has committed.
/// </summary>
public sealed partial class UserChanges(UserFacts facts, PageCache pages, IHttpContextAccessor requests, ILogger<UserChanges> logger, IConnectionMultiplexer? redis = null)
{
    private const string PagesPrefix = "pages:";

    private static readonly object PendingKey = new();

    /// <summary>That user's row or data changed.</summary>
    public void Forget(string userId)
    {
        ForgetEverywhere(userId);
        if (requests.HttpContext is { } context)
        {
            if (context.Items[PendingKey] is not HashSet<string> pending)
            {
                context.Items[PendingKey] = pending = new HashSet<string>(StringComparer.Ordinal);
                context.Response.OnCompleted(() =>
                {
                    foreach (var id in pending)
                    {
                        ForgetEverywhere(id);
                    }

                    return Task.CompletedTask;
                });
            }

            pending.Add(userId);
        }
    }

    /// <summary>That user wrote something (any POST): their cached pages go, here and on every instance.</summary>
    public void ForgetPages(string userId)
    {
        pages.Invalidate(userId);
        Publish(PagesPrefix + userId);
    }

    /// <summary>Many users changed at once (a bulk delete).</summary>
    public void ForgetEveryone() => ForgetEverywhere(SharedState.Everyone);

    /// <summary>
    /// True when what memory holds about users can be trusted: one instance, or Redis connected (so changes made on
    /// other instances reach this one). Otherwise user facts are read from the database and user pages not cached.
    /// </summary>
    public bool MemoryIsCurrent => redis is null || redis.IsConnected;

    /// <summary>Forgets on this instance only (a change announced by another instance, or <c>*</c> for everyone).</summary>
    internal void ForgetHere(string userId)
    {
        if (userId.StartsWith(PagesPrefix, StringComparison.Ordinal))
        {
            pages.Invalidate(userId[PagesPrefix.Length..]);
            return;
        }

        if (userId == SharedState.Everyone)
        {
            facts.ForgetEveryone();
            pages.Clear();
            return;
        }

        facts.Forget(userId);
        pages.Invalidate(userId);
    }

    private void ForgetEverywhere(string userId)
    {
        ForgetHere(userId);
        Publish(userId);
    }

    private void Publish(string message)
    {
        if (redis is null)
        {
            return;
        }

        try
        {
            redis.GetSubscriber().Publish(SharedState.ForgetChannel, message, CommandFlags.FireAndForget);
        }
        catch (RedisException ex)
        {
            // Other instances drop everything they kept when they reconnect, so nothing stale outlives the outage.
            LogNotPublished(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not announce a user change through Redis")]
    private static partial void LogNotPublished(ILogger logger, Exception exception);
}
