using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Common;
using CityMgmt.Infrastructure.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CityMgmt.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Fills who/when columns, bumps the concurrency version of aggregates, and refuses to change or
/// delete append-only rows (histories and audits; the database triggers refuse it too). New cases get their
/// full-text index row here, so it commits with them.
/// </summary>
public sealed class AuditingInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Apply(eventData.Context, clock.GetUtcNow());
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Apply(eventData.Context, clock.GetUtcNow());
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    /// <summary>The stamps for a unit of work saved without SaveChanges (StepRowWriter, ADR 0015): same rules, same scan.</summary>
    internal static void Apply(DbContext? context, DateTimeOffset now, bool detectChanges = true)
    {
        if (context is null)
        {
            return;
        }

        // One scan for changes here; SaveChanges scans once more after us for the stamps set below.
        var tracker = context.ChangeTracker;
        if (detectChanges)
        {
            tracker.DetectChanges();
        }

        var autoDetect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            Stamp(context, now, (context as CityDbContext)?.AuditUserName ?? "system");
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private static void Stamp(DbContext context, DateTimeOffset now, string user)
    {
        List<CityCase>? reported = null;
        foreach (var entry in context.ChangeTracker.Entries<Entity>())
        {
            if (entry.Entity is IAppendOnly && entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException($"{entry.Entity.GetType().Name} is append-only: rows may be added, never changed or deleted.");
            }

            switch (entry.State)
            {
                case EntityState.Added:
                    entry.Entity.CreatedAt = now;
                    entry.Entity.CreatedBy = user;
                    if (entry.Entity is CityCase item)
                    {
                        (reported ??= []).Add(item);
                    }

                    break;
                case EntityState.Modified:
                    entry.Entity.ModifiedAt = now;
                    entry.Entity.ModifiedBy = user;
                    break;
            }

            if (entry.Entity is AggregateRoot root && entry.State is EntityState.Modified)
            {
                root.Version++;
            }
        }

        // A child added to an unchanged aggregate (e.g. a history line) still changes the aggregate.
        foreach (var entry in context.ChangeTracker.Entries<AggregateRoot>().Where(e => e.State == EntityState.Unchanged))
        {
            if (entry.Navigations.Any(n => n.CurrentValue is System.Collections.IEnumerable items
                && items.Cast<object>().Any(i => context.Entry(i).State == EntityState.Added)))
            {
                entry.State = EntityState.Modified;
                entry.Entity.ModifiedAt = now;
                entry.Entity.ModifiedBy = user;
                entry.Entity.Version++;
            }
        }

        // A new case's text goes into the full-text index in the same save (SQLite only).
        if (reported is not null)
        {
            CaseSearchIndex.AddFor(context, reported);
        }
    }
}
