using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace StretchLibrary.Web.Data;

/// <summary>
/// Notices every update or delete of the users table, however it is issued (Identity's <c>UpdateAsync</c>, a
/// bulk <c>ExecuteDelete</c>, a merge inside a transaction) and raises <see cref="Changed"/> after it runs and
/// again when its transaction commits, so in-memory copies of user rows (security stamps) can be dropped.
/// </summary>
public sealed class UserTableWrites : DbCommandInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbTransaction, object> _uncommitted = [];

    /// <summary>A user row changed or was deleted (raised on the thread that wrote it).</summary>
    public event Action? Changed;

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Notice(command);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Notice(command);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Notice(command);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Notice(command);
        return ValueTask.FromResult(result);
    }

    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(transaction);

    Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Committed(transaction);
        return Task.CompletedTask;
    }

    internal static bool WritesUsers(string sql) =>
        sql.Contains("UPDATE \"AspNetUsers\"", StringComparison.OrdinalIgnoreCase) || sql.Contains("DELETE FROM \"AspNetUsers\"", StringComparison.OrdinalIgnoreCase);

    private void Notice(DbCommand command)
    {
        if (!WritesUsers(command.CommandText))
        {
            return;
        }

        // Now (outside a transaction the write is already committed), and again at commit: a reader that looked
        // between the two saw the old row.
        Changed?.Invoke();
        if (command.Transaction is { } transaction)
        {
            _uncommitted.AddOrUpdate(transaction, this);
        }
    }

    private void Committed(DbTransaction transaction)
    {
        if (_uncommitted.Remove(transaction))
        {
            Changed?.Invoke();
        }
    }
}
