using StackExchange.Redis;

namespace StretchLibrary.Web.Platform.Caching;

/// <summary>
/// Forgets what memory holds about users (their <see cref="UserFacts"/> and cached pages), here and, through Redis
/// when configured, on every other instance. Told only by <see cref="UserDataChanges"/>, the rule that every change
/// to a user's rows goes through.
/// </summary>
public sealed partial class UserChanges(UserFacts facts, PageCache pages, ILogger<UserChanges> logger, IConnectionMultiplexer? redis = null)
{
    /// <summary>Marks an entry of <see cref="Forget"/> that forgets only that user's pages (their data changed, not their row).</summary>
    internal const string PagesPrefix = "pages:";

    /// <summary>
    /// These users' rows changed (their facts and pages go), or with <see cref="PagesPrefix"/> only their data (their
    /// pages go); <see cref="SharedState.Everyone"/> among them: every user's.
    /// </summary>
    internal void Forget(IReadOnlyCollection<string> userIds)
    {
        if (userIds.Contains(SharedState.Everyone))
        {
            ForgetEverywhere(SharedState.Everyone);
            return;
        }

        foreach (var id in userIds)
        {
            ForgetEverywhere(id);
        }
    }

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
