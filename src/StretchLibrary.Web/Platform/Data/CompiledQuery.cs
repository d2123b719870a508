using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace StretchLibrary.Web.Platform.Data;

/// <summary>
/// An EF compiled query (<c>EF.CompileAsyncQuery</c>), compiled once for each model it meets. A compiled query runs
/// only against the model it was compiled for, and one process can hold two: the SQLite and the PostgreSQL context
/// (<c>copy-to-postgres</c> and its tests). Pages that render on every request use it where a side-by-side
/// measurement showed EF's per-execution work on a LINQ query costing more than the query (bench/README, "Fresh render").
/// </summary>
public sealed class CompiledQuery<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = [];

    /// <summary>The query compiled for <paramref name="db"/>'s model.</summary>
    public TQuery For(DbContext db) => _byModel.GetValue(db.Model, _ => compile());
}
