using System.Collections.Concurrent;
using System.Data.Common;
using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Common;
using CityMgmt.Domain.Workflows.Runtime;
using CityMgmt.Infrastructure.Persistence;
using CityMgmt.Infrastructure.Persistence.Interceptors;
using CityMgmt.Infrastructure.Persistence.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CityMgmt.Infrastructure.Workflows;

/// <summary>
/// Saves a workflow step on SQLite — the case, its new history lines, the instance, its tasks and timers — with
/// one cached command per row shape, sent on the context's own connection and transaction, in place of
/// SaveChanges (ADR 0015). The change tracker still says what changed; the auditing stamps, the version checks
/// and the append-only rule are the same as SaveChanges'. A unit of work holding anything else, or no
/// transaction, or another provider, is saved by SaveChanges as before.
/// </summary>
internal static class StepRowWriter
{
    // Parents before children: SQLite checks foreign keys statement by statement.
    private static readonly Type[] Order = [typeof(CityCase), typeof(WorkflowInstance), typeof(CaseHistoryEntry), typeof(WorkflowTask), typeof(WorkflowTimer)];

    private static readonly ConcurrentDictionary<(IEntityType Type, bool Insert, ulong Columns), IRelationalCommand> Commands = new();

    /// <summary>Saves the unit of work inside the caller's transaction; a version conflict or refused row returns <paramref name="conflict"/>.</summary>
    public static async Task<Result> SaveAsync(CityDbContext db, DateTimeOffset now, Error conflict, CancellationToken ct)
    {
        // The scans are explicit: one for the step's changes here, one per written row for the stamps below.
        var tracker = db.ChangeTracker;
        var autoDetect = tracker.AutoDetectChangesEnabled;
        tracker.DetectChanges();
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            if (db is not SqliteCityDbContext || db.Database.CurrentTransaction is null || !tracker.Entries().All(Writable))
            {
                tracker.AutoDetectChangesEnabled = autoDetect;
                return await db.TrySaveAsync(conflict, conflict, ct);
            }

            AuditingInterceptor.Apply(db, now, detectChanges: false);
            var changed = tracker.Entries()
                .Where(e => e.State is EntityState.Added or EntityState.Modified)
                .OrderBy(e => Array.IndexOf(Order, e.Metadata.ClrType))
                .ToList();
            var execution = new Execution(db);
            foreach (var entry in changed)
            {
                entry.DetectChanges();
                var rows = await execution.RunAsync(entry, ct);
                if (entry.State == EntityState.Modified && rows != 1)
                {
                    return conflict;
                }
            }

            tracker.AcceptAllChanges();
            return Result.Success();
        }
        catch (DbException)
        {
            // A unique index or trigger refused a row: the caller's transaction is rolled back whole.
            return conflict;
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private static bool Writable(EntityEntry entry) =>
        entry.State switch
        {
            EntityState.Unchanged or EntityState.Detached => true,
            EntityState.Added or EntityState.Modified => Array.IndexOf(Order, entry.Metadata.ClrType) >= 0 && RowShape.For(entry.Metadata) is not null,
            _ => false,
        };

    /// <summary>One save's services and parameter numbering; the commands themselves are cached per row shape.</summary>
    private sealed class Execution(CityDbContext db)
    {
        private readonly IRelationalConnection _connection = db.GetService<IRelationalConnection>();
        private readonly IRelationalCommandDiagnosticsLogger _logger = db.GetService<IRelationalCommandDiagnosticsLogger>();
        private readonly IRelationalCommandBuilderFactory _builders = db.GetService<IRelationalCommandBuilderFactory>();
        private readonly ISqlGenerationHelper _sql = db.GetService<ISqlGenerationHelper>();

        public Task<int> RunAsync(EntityEntry entry, CancellationToken ct)
        {
            var shape = RowShape.For(entry.Metadata)!;
            var insert = entry.State == EntityState.Added;
            var columns = insert ? shape.All : shape.Modified(entry);
            if (columns == 0)
            {
                return Task.FromResult(1);
            }

            var values = shape.Values(entry, columns, withKey: !insert);
            var command = Commands.GetOrAdd((entry.Metadata, insert, columns), key => shape.Build(_builders.Create(), _sql, key.Insert, key.Columns));
            return command.ExecuteNonQueryAsync(new RelationalCommandParameterObject(_connection, values, null, db, _logger, CommandSource.SaveChanges), ct);
        }
    }
}
