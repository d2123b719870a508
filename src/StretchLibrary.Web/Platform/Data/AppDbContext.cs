using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Accounts.Tokens;
using StretchLibrary.Web.Clinic;
using StretchLibrary.Web.Routines;
using StretchLibrary.Web.Routines.Reminders;
using StretchLibrary.Web.Routines.Sessions;
using StretchLibrary.Web.Routines.Sharing;

namespace StretchLibrary.Web.Platform.Data;

/// <summary>
/// The app's data on SQLite (its migrations are in <c>Data/Migrations</c>); <see cref="PostgresAppDbContext"/> is the
/// same model on PostgreSQL with its own migrations.
/// </summary>
public class AppDbContext : IdentityDbContext<AppUser>
{
    public AppDbContext(DbContextOptions<AppDbContext> options)
        : base(options)
    {
    }

    /// <summary>For a provider's subclass.</summary>
    protected AppDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Routine> Routines => Set<Routine>();

    public DbSet<RoutineItem> RoutineItems => Set<RoutineItem>();

    public DbSet<Completion> Completions => Set<Completion>();

    public DbSet<ShareLink> ShareLinks => Set<ShareLink>();

    public DbSet<ReminderSettings> Reminders => Set<ReminderSettings>();

    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<ClinicianProfile> ClinicianProfiles => Set<ClinicianProfile>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<Enrollment> Enrollments => Set<Enrollment>();

    public DbSet<AccessLogEntry> AccessLog => Set<AccessLogEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<AppUser>(user => user.Property(u => u.TimeZoneId).HasMaxLength(64));

        builder.Entity<Routine>(routine =>
        {
            routine.Property(r => r.Name).HasMaxLength(Routine.NameMaxLength);
            routine.Property(r => r.Notes).HasMaxLength(Routine.NotesMaxLength);
            routine.HasIndex(r => r.OwnerId);
            routine.HasIndex(r => new { r.OwnerId, r.CopiedFromShareLinkId });
            routine.HasOne<AppUser>().WithMany().HasForeignKey(r => r.OwnerId).OnDelete(DeleteBehavior.Cascade);
            routine.HasMany(r => r.Items).WithOne().HasForeignKey(i => i.RoutineId).OnDelete(DeleteBehavior.Cascade);
            routine.HasMany(r => r.Completions).WithOne().HasForeignKey(c => c.RoutineId).OnDelete(DeleteBehavior.Cascade);
            routine.HasMany<ShareLink>().WithOne().HasForeignKey(l => l.RoutineId).OnDelete(DeleteBehavior.Cascade);
            routine.HasOne<ReminderSettings>().WithOne().HasForeignKey<ReminderSettings>(r => r.RoutineId).OnDelete(DeleteBehavior.Cascade);
            routine.HasMany<CalendarFeed>().WithOne().HasForeignKey(f => f.RoutineId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<RoutineItem>(item =>
        {
            item.Property(i => i.StretchSlug).HasMaxLength(100);
            item.Property(i => i.Note).HasMaxLength(RoutineItem.NoteMaxLength);
            item.Property(i => i.Side).HasMaxLength(5);
            item.HasIndex(i => new { i.RoutineId, i.Position });
        });

        builder.Entity<Completion>(completion =>
        {
            completion.Property(c => c.Note).HasMaxLength(Completion.NoteMaxLength);
            if (Database.IsSqlite())
            {
                // A user's sessions lie scattered through the table among everyone else's, one page each; the export
                // reads all of them. On SQLite (a B-tree entry may be any size) the index carries every column the
                // export and the routine pages read, in the export's order, so they come from the owner's few adjacent
                // index pages: at 10 million sessions the export was 1.9x its small-database time, on a table read.
                // PostgreSQL keeps the narrow index (an entry is limited to 2,704 bytes, and a note or a long list
                // of stretches could pass it); there large shared buffers hold the pages.
                // bench/README.md, "Data scale, second round".
                completion.HasIndex(c => new { c.OwnerId, c.RoutineId, c.LocalDate, c.Id, c.CompletedAtUtc, c.StretchSlugs, c.PainBefore, c.PainAfter, c.Note })
                    .HasDatabaseName("IX_Completions_OwnerSessions");
            }
            else
            {
                completion.HasIndex(c => new { c.OwnerId, c.RoutineId, c.LocalDate });
            }

            // The idempotency key of a log; both providers let many rows share a null ClientId.
            completion.Property(c => c.ClientId).HasMaxLength(Completion.ClientIdMaxLength);
            completion.HasIndex(c => new { c.OwnerId, c.ClientId }).IsUnique();
        });

        builder.Entity<ShareLink>(link =>
        {
            link.Property(l => l.TokenHash).HasMaxLength(64);
            link.HasIndex(l => l.TokenHash).IsUnique();
            link.HasIndex(l => new { l.OwnerId, l.RoutineId });
        });

        builder.Entity<ReminderSettings>(reminder =>
        {
            reminder.HasKey(r => r.RoutineId);
            reminder.Property(r => r.RoutineId).ValueGeneratedNever();
            reminder.Property(r => r.Times).HasMaxLength(ReminderSettings.MaxTimesPerDay * 6);
            reminder.HasIndex(r => r.OwnerId);
        });

        builder.Entity<CalendarFeed>(feed =>
        {
            feed.Property(f => f.TokenHash).HasMaxLength(64);
            feed.HasIndex(f => f.TokenHash).IsUnique();
            feed.HasIndex(f => new { f.OwnerId, f.RoutineId });
        });

        builder.Entity<ApiToken>(token =>
        {
            token.Property(t => t.Name).HasMaxLength(ApiToken.NameMaxLength);
            token.Property(t => t.TokenHash).HasMaxLength(64);
            token.Property(t => t.Scopes).HasMaxLength(100);
            token.HasIndex(t => t.TokenHash).IsUnique();
            token.HasIndex(t => t.OwnerId);
            token.HasOne<AppUser>().WithMany().HasForeignKey(t => t.OwnerId).OnDelete(DeleteBehavior.Cascade);
        });

        OnClinicCreating(builder);
    }

    private static void OnClinicCreating(ModelBuilder builder)
    {
        builder.Entity<ClinicianProfile>(profile =>
        {
            profile.HasKey(p => p.UserId);
            profile.Property(p => p.DisplayName).HasMaxLength(ClinicianProfile.NameMaxLength);
            profile.Property(p => p.ClinicName).HasMaxLength(ClinicianProfile.NameMaxLength);
            profile.Property(p => p.ContactLine).HasMaxLength(ClinicianProfile.ContactMaxLength);
            profile.HasOne<AppUser>().WithOne().HasForeignKey<ClinicianProfile>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Invitation>(invitation =>
        {
            invitation.Property(i => i.PatientName).HasMaxLength(Invitation.PatientNameMaxLength);
            invitation.Property(i => i.Email).HasMaxLength(Invitation.EmailMaxLength);
            invitation.Property(i => i.TokenHash).HasMaxLength(64);
            invitation.Property(i => i.CodeHash).HasMaxLength(64);
            invitation.Property(i => i.Sealed).HasMaxLength(1000);
            invitation.HasIndex(i => i.TokenHash).IsUnique();
            invitation.HasIndex(i => i.CodeHash).IsUnique();
            invitation.HasIndex(i => new { i.OwnerId, i.ProgramId });
            invitation.HasOne<AppUser>().WithMany().HasForeignKey(i => i.OwnerId).OnDelete(DeleteBehavior.Cascade);
            invitation.HasOne<Routine>().WithMany().HasForeignKey(i => i.ProgramId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Enrollment>(enrollment =>
        {
            enrollment.Property(e => e.PatientName).HasMaxLength(Invitation.PatientNameMaxLength);
            enrollment.Property(e => e.Change).HasMaxLength(Enrollment.ChangeMaxLength);
            enrollment.HasIndex(e => e.OwnerId);
            enrollment.HasIndex(e => new { e.ClinicianId, e.ProgramId });
            enrollment.HasIndex(e => e.RoutineId).IsUnique();
            // Either account, the program or the patient's routine going ends the link; the patient's routine and
            // sessions stay theirs when the clinician's side goes.
            enrollment.HasOne<AppUser>().WithMany().HasForeignKey(e => e.OwnerId).OnDelete(DeleteBehavior.Cascade);
            enrollment.HasOne<AppUser>().WithMany().HasForeignKey(e => e.ClinicianId).OnDelete(DeleteBehavior.Cascade);
            enrollment.HasOne<Routine>().WithMany().HasForeignKey(e => e.ProgramId).OnDelete(DeleteBehavior.Cascade);
            enrollment.HasOne<Routine>().WithOne().HasForeignKey<Enrollment>(e => e.RoutineId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<AccessLogEntry>(entry =>
        {
            entry.Property(e => e.ClinicianId).HasMaxLength(450);
            entry.Property(e => e.ClinicianName).HasMaxLength(2 * ClinicianProfile.NameMaxLength + 2);
            entry.Property(e => e.ProgramName).HasMaxLength(Routine.NameMaxLength);
            entry.Property(e => e.What).HasMaxLength(AccessLogEntry.WhatMaxLength);
            entry.HasIndex(e => new { e.OwnerId, e.At });
            entry.HasOne<AppUser>().WithMany().HasForeignKey(e => e.OwnerId).OnDelete(DeleteBehavior.Cascade);
        });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no DateTimeOffset type; store UTC ticks so values sort and compare correctly in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
    }
}
