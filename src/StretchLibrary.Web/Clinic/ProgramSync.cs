using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Routines;

namespace StretchLibrary.Web.Clinic;

/// <summary>
/// Keeps every patient's routine in step with the program it follows. Whatever saves a change to a program (its
/// name, target, notes or any item, through any page, the API or a command) also, in the same <c>SaveChanges</c>,
/// counts a new program version and rewrites each follower's routine to match, noting on the link what changed.
/// Registered before <see cref="Platform.Caching.UserDataChanges"/>, which then forgets each patient's pages.
/// The content store is looked up when a program is saved, not when the interceptor is made: the database is
/// prepared at start while the content loads, and would otherwise wait for the whole load (every figure drawn).
/// </summary>
public sealed class ProgramSync(TimeProvider clock, IServiceProvider? services = null) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext db)
        {
            foreach (var program in await ChangedProgramsAsync(db, cancellationToken))
            {
                await PublishAsync(db, program, cancellationToken);
            }

            await EndLinksAsync(db, cancellationToken);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        // The app saves asynchronously; a synchronous save touching a tracked program would leave its followers behind.
        if (eventData.Context is AppDbContext db && db.ChangeTracker.Entries<Routine>().Any(e => e.Entity.IsProgram && e.State is not EntityState.Unchanged))
        {
            throw new InvalidOperationException("Save changes to a program with SaveChangesAsync, so its followers are updated too.");
        }

        return result;
    }

    /// <summary>
    /// Programs whose own row or items are added, changed or deleted in this save (a deleted program has no followers
    /// left). An item saved without its routine loaded brings the routine in when it is a program.
    /// </summary>
    private static async Task<List<Routine>> ChangedProgramsAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        var routines = db.ChangeTracker.Entries<Routine>().ToList();
        var programs = routines.Where(e => e.Entity.IsProgram && e.State is EntityState.Modified).Select(e => e.Entity).ToList();
        var itemRoutines = db.ChangeTracker.Entries<RoutineItem>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity.RoutineId).ToHashSet();
        programs.AddRange(routines
            .Where(e => e.Entity.IsProgram && e.State is EntityState.Unchanged && itemRoutines.Contains(e.Entity.Id))
            .Select(e => e.Entity));
        itemRoutines.ExceptWith(routines.Select(e => e.Entity.Id));
        if (itemRoutines.Count > 0)
        {
            programs.AddRange(await db.Routines.Where(r => itemRoutines.Contains(r.Id) && r.IsProgram).ToListAsync(cancellationToken));
        }

        return programs;
    }

    /// <summary>
    /// A deleted program or clinician account ends its links. The database would delete them too (cascade), but
    /// deleting them here, tracked, lets the caches forget each patient's pages, which still say "from" the clinician.
    /// </summary>
    private static async Task EndLinksAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var programs = db.ChangeTracker.Entries<Routine>().Where(e => e.State is EntityState.Deleted && e.Entity.IsProgram).Select(e => e.Entity.Id).ToList();
        var clinicians = db.ChangeTracker.Entries<Accounts.AppUser>().Where(e => e.State is EntityState.Deleted).Select(e => e.Entity.Id).ToList();
        if (programs.Count == 0 && clinicians.Count == 0)
        {
            return;
        }

        db.Enrollments.RemoveRange(await db.Enrollments
            .Where(e => programs.Contains(e.ProgramId) || clinicians.Contains(e.ClinicianId)).ToListAsync(cancellationToken));
    }

    private async Task PublishAsync(AppDbContext db, Routine program, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        program.Version++;
        program.Touch(now);
        var entry = db.Entry(program);
        if (!entry.Collection(r => r.Items).IsLoaded)
        {
            await entry.Collection(r => r.Items).LoadAsync(cancellationToken);
        }

        var links = await db.Enrollments.Where(e => e.ProgramId == program.Id).ToListAsync(cancellationToken);
        if (links.Count == 0)
        {
            return;
        }

        var ids = links.Select(l => l.RoutineId).ToList();
        var followers = await db.Routines.Include(r => r.Items).Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var snapshot = services?.GetService<ContentStore>()?.Current ?? ContentSnapshot.Empty;
        foreach (var link in links)
        {
            if (!followers.TryGetValue(link.RoutineId, out var routine))
            {
                continue;
            }

            var change = ProgramChanges.Describe(routine, program, snapshot);
            routine.Follow(program, now);
            link.ProgramVersion = program.Version;
            if (change is not null)
            {
                link.ChangedAt = now;
                link.Change = change;
            }
        }
    }
}
