namespace StretchLibrary.Web.Caching;

/// <summary>
/// The one place told that a user's row or data changed: it forgets what memory holds about that user (their
/// <see cref="UserFacts"/> and cached pages). Identity's writes reach it through <c>AppUserStore</c>; code that
/// writes user rows directly calls it. When the change happens inside a request it is forgotten again when the
/// request ends, after any transaction around it has committed.
/// </summary>
public sealed class UserChanges(UserFacts facts, PageCache pages, IHttpContextAccessor requests)
{
    private static readonly object PendingKey = new();

    /// <summary>That user's row or data changed.</summary>
    public void Forget(string userId)
    {
        ForgetHere(userId);
        if (requests.HttpContext is { } context)
        {
            if (context.Items[PendingKey] is not HashSet<string> pending)
            {
                context.Items[PendingKey] = pending = new HashSet<string>(StringComparer.Ordinal);
                context.Response.OnCompleted(() =>
                {
                    foreach (var id in pending)
                    {
                        ForgetHere(id);
                    }

                    return Task.CompletedTask;
                });
            }

            pending.Add(userId);
        }
    }

    /// <summary>Many users changed at once (a bulk delete).</summary>
    public void ForgetEveryone()
    {
        facts.ForgetEveryone();
        pages.Clear();
    }

    private void ForgetHere(string userId)
    {
        facts.Forget(userId);
        pages.Invalidate(userId);
    }
}
