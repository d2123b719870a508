using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace StretchLibrary.Web.Platform.Caching;

/// <summary>
/// The one cache-invalidation rule: whatever changes a user's rows through <c>AppDbContext</c> makes every instance
/// forget what memory holds about that user once the change is committed: their cached pages, and when their user
/// row changed (or a bulk statement ran), their <see cref="UserFacts"/> too. No handler, job or command forgets by hand, so none can forget to.
/// <list type="bullet">
/// <item>Tracked changes (<c>SaveChanges</c>): the owner of each added, changed or deleted row: the user row itself,
/// a row's <c>OwnerId</c> or <c>UserId</c> (before and after, when it moves), or for a row without one (a routine's
/// item) the owner of the row its foreign key points to.</item>
/// <item>Bulk statements (<c>ExecuteUpdate</c>, <c>ExecuteDelete</c>, raw SQL): the users named by
/// <see cref="TagOwners"/> in the statement's tags; an untagged bulk statement makes every user forgotten.</item>
/// </list>
/// Inside a transaction the owners are kept until it commits (a rollback changed nothing). A page rendered
/// before the commit is never served after it: <see cref="PageCache"/> drops the user's bucket, and a render still
/// running lands in the dropped one.
/// </summary>
public sealed class UserDataChanges(UserChanges? changes = null) : SaveChangesInterceptor, IDbCommandInterceptor, IDbTransactionInterceptor
{
    private const string TagPrefix = "owners:";

    private static readonly ConditionalWeakTable<DbContext, HashSet<string>> Pending = [];

    /// <summary>The tag that names the users a bulk statement changes: <c>query.TagWith(UserDataChanges.TagOwners(id))</c>.</summary>
    public static string TagOwners(params string[] userIds) => TagPrefix + string.Join(' ', userIds);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            Collect(context, OwnersOf(context));
        }

        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        new(SavingChanges(eventData, result));

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ForgetUnlessInTransaction(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        new(SavedChanges(eventData, result));

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => ForgetUnlessInTransaction(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    int IDbCommandInterceptor.NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Bulk(command, eventData, result);
        return result;
    }

    ValueTask<int> IDbCommandInterceptor.NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken)
    {
        Bulk(command, eventData, result);
        return new(result);
    }

    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Discard(eventData.Context);

    Task IDbTransactionInterceptor.TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Discard(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A statement outside SaveChanges that changed rows: its tagged owners, else everyone. One that changed none (a
    /// background job's clean-up with nothing to clean) forgets nothing; -1 (a count the database does not give) counts
    /// as a change.
    /// </summary>
    private void Bulk(DbCommand command, CommandExecutedEventData eventData, int rowsAffected)
    {
        if (eventData.CommandSource is CommandSource.SaveChanges or CommandSource.Migrations || rowsAffected == 0 || eventData.Context is not { } context)
        {
            return;
        }

        var owners = new List<string>();
        foreach (var line in command.CommandText.AsSpan().EnumerateLines())
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("-- " + TagPrefix, StringComparison.Ordinal))
            {
                owners.AddRange(trimmed[("-- " + TagPrefix).Length..].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }
        }

        Collect(context, owners.Count > 0 ? owners : [SharedState.Everyone]);
        ForgetUnlessInTransaction(context);
    }

    private static void Collect(DbContext context, IEnumerable<string> owners)
    {
        var pending = Pending.GetOrCreateValue(context);
        lock (pending)
        {
            pending.UnionWith(owners);
        }
    }

    private void ForgetUnlessInTransaction(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null)
        {
            Forget(context);
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is null || !Pending.TryGetValue(context, out var pending))
        {
            return;
        }

        string[] owners;
        lock (pending)
        {
            owners = [.. pending];
            pending.Clear();
        }

        // Commands (migrate, backup) run without the caches: nothing to forget.
        changes?.Forget(owners);
    }

    private static void Discard(DbContext? context)
    {
        if (context is not null && Pending.TryGetValue(context, out var pending))
        {
            lock (pending)
            {
                pending.Clear();
            }
        }
    }

    /// <summary>Whose data the tracked changes touch.</summary>
    private static HashSet<string> OwnersOf(DbContext context)
    {
        var owners = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            // The user row itself, or a row keyed by the user's id alone that extends it (a clinician profile): what
            // memory keeps about them (stamp, time zone, facts read with the row) goes with their pages.
            var prefix = entry.Entity is Microsoft.AspNetCore.Identity.IdentityUser || ExtendsUserRow(entry.Metadata) ? "" : UserChanges.PagesPrefix;
            if (OwnerProperty(entry.Metadata) is { } owner)
            {
                AddValue(owners, prefix, entry.Property(owner.Name).CurrentValue);
                AddValue(owners, prefix, entry.Property(owner.Name).OriginalValue);
                continue;
            }

            // A row without an owner of its own (a routine's item): the owner of the row it belongs to.
            foreach (var foreignKey in entry.Metadata.GetForeignKeys())
            {
                if (OwnerProperty(foreignKey.PrincipalEntityType) is not { } principalOwner)
                {
                    continue;
                }

                var key = foreignKey.Properties.Select(p => entry.Property(p.Name).CurrentValue).ToArray();
                if (key.All(k => k is not null) && context.Find(foreignKey.PrincipalEntityType.ClrType, key) is { } principal)
                {
                    AddValue(owners, prefix, context.Entry(principal).Property(principalOwner.Name).CurrentValue);
                }
            }
        }

        return owners;
    }

    /// <summary>A row whose key is the user's id and nothing else: one per user, read with the user row.</summary>
    private static bool ExtendsUserRow(IReadOnlyEntityType type) => type.FindPrimaryKey()?.Properties is [{ Name: "UserId" }];

    /// <summary>The user row's key, or a row's <c>OwnerId</c> or (Identity's tables) <c>UserId</c>.</summary>
    private static IReadOnlyProperty? OwnerProperty(IReadOnlyEntityType type) =>
        typeof(Microsoft.AspNetCore.Identity.IdentityUser).IsAssignableFrom(type.ClrType) ? type.FindPrimaryKey()?.Properties[0]
        : type.FindProperty("OwnerId") ?? type.FindProperty("UserId");

    private static void AddValue(HashSet<string> owners, string prefix, object? value)
    {
        if (value is string { Length: > 0 } id)
        {
            owners.Add(prefix + id);
        }
    }
}
