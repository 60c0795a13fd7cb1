using System.Data.Common;
using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Common;
using CityMgmt.Domain.Workflows.Runtime;
using CityMgmt.Infrastructure.Cases;
using CityMgmt.Infrastructure.Persistence;
using CityMgmt.Infrastructure.Persistence.Interceptors;
using CityMgmt.Infrastructure.Persistence.Providers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace CityMgmt.Infrastructure.Workflows;

/// <summary>
/// Saves a workflow step or a case report on SQLite (the number counter, the case, its search row and receipt, its
/// new history lines, the instance, its tasks and timers) with one statement per row shape, prepared once per native
/// connection and run on the context's own connection and transaction, in place of SaveChanges (ADR 0015). The
/// change tracker still says what changed; the auditing stamps, the version checks and the append-only rule are the
/// same as SaveChanges'. A unit of work holding anything else, or no transaction, or another provider, is saved by
/// SaveChanges as before.
/// </summary>
internal static class StepRowWriter
{
    // Parents before children: SQLite checks foreign keys statement by statement.
    private static readonly Type[] Order =
    [
        typeof(CaseNumberCounter), typeof(CityCase), typeof(CaseSearchEntry), typeof(ReportReceipt), typeof(WorkflowInstance),
        typeof(CaseHistoryEntry), typeof(WorkflowTask), typeof(WorkflowTimer),
    ];

    /// <summary>Sees every row statement and its values before it runs; the workflow-host benchmark records them here.</summary>
    internal static Action<string, string[], object?[]>? Observer { get; set; }

    /// <summary>Saves the unit of work inside the caller's transaction; a version conflict or refused row returns <paramref name="conflict"/>.</summary>
    public static async Task<Result> SaveAsync(CityDbContext db, DateTimeOffset now, Error conflict, CancellationToken ct, DetachedRows? detached = null)
    {
        // The scans are explicit: one for the step's changes here, one per written row for the stamps below.
        var tracker = db.ChangeTracker;
        var autoDetect = tracker.AutoDetectChangesEnabled;
        tracker.DetectChanges();
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            if (db is not SqliteCityDbContext || !InTransaction(db) || !tracker.Entries().All(Writable))
            {
                if (detached is not null)
                {
                    throw new InvalidOperationException("Rows read outside the change tracker can only be saved by the step writer.");
                }

                tracker.AutoDetectChangesEnabled = autoDetect;
                return await db.TrySaveAsync(conflict, conflict, ct);
            }

            AuditingInterceptor.Apply(db, now, detectChanges: false);
            var changed = tracker.Entries()
                .Where(e => e.State is EntityState.Added or EntityState.Modified)
                .OrderBy(e => Array.IndexOf(Order, e.Metadata.ClrType))
                .ToList();
            var execution = new Execution(db);
            if (detached is not null && !await SaveDetachedAsync(db, execution, detached, now, ct))
            {
                return conflict;
            }

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

    /// <summary>
    /// The rows of a step kept out of the change tracker (ADR 0017). A row read: the columns whose values changed since,
    /// checked against the version read; a row added, or a child its aggregate collected since it was read (a case's
    /// history line): inserted. Stamped by the rules of <see cref="AuditingInterceptor"/>.
    /// </summary>
    private static async Task<bool> SaveDetachedAsync(CityDbContext db, Execution execution, DetachedRows rows, DateTimeOffset now, CancellationToken ct)
    {
        var user = db.AuditUserName;
        var inserts = new List<object>();
        foreach (var added in rows.Added)
        {
            inserts.Add(added);
            inserts.AddRange(Children(db, added));
            if (added is CityCase item)
            {
                // A new case's text goes into the full-text index in the same transaction, as AuditingInterceptor does.
                inserts.Add(CaseSearchIndex.EntryFor(item));
            }
        }

        foreach (var row in rows.Read)
        {
            var children = Children(db, row.Entity);
            var current = row.Shape.Materializer.StoreValues(row.Entity);
            if (RowMaterializer.Changed(row.Read, current) == 0 && children.Count == 0)
            {
                continue;
            }

            if (row.Entity is IAppendOnly)
            {
                throw new InvalidOperationException($"{row.Entity.GetType().Name} is append-only: rows may be added, never changed or deleted.");
            }

            if (row.Entity is Entity entity)
            {
                (entity.ModifiedAt, entity.ModifiedBy) = (now, user);
            }

            if (row.Entity is AggregateRoot root)
            {
                root.Version++;
            }

            current = row.Shape.Materializer.StoreValues(row.Entity);
            var statement = row.Shape.Statement(execution.Sql, insert: false, RowMaterializer.Changed(row.Read, current));
            if (await execution.RunAsync(statement, statement.Values(current, row.Read), ct) != 1)
            {
                return false;
            }

            inserts.AddRange(children);
        }

        // Parents before children, as SaveAsync orders the tracked rows.
        foreach (var added in inserts.OrderBy(r => Array.IndexOf(Order, r.GetType()) is var i and >= 0 ? i : Order.Length))
        {
            if (added is Entity entity)
            {
                (entity.CreatedAt, entity.CreatedBy) = (now, user);
            }

            var shape = RowShape.For(db.Model.FindEntityType(added.GetType())!)
                ?? throw new InvalidOperationException($"{added.GetType().Name} is not a plain row shape.");
            var statement = shape.Statement(execution.Sql, insert: true, shape.All);
            await execution.RunAsync(statement, statement.Values(shape.Materializer.StoreValues(added), null), ct);
        }

        return true;
    }

    /// <summary>The items of a detached row's collection navigations: it was read without them, so every one is new.</summary>
    private static List<object> Children(CityDbContext db, object entity)
    {
        var children = new List<object>();
        var collections = Collections.GetOrAdd(entity.GetType(), type => [.. db.Model.FindEntityType(type)!.GetNavigations().Where(n => n.IsCollection)]);
        foreach (var navigation in collections)
        {
            if (navigation.GetGetter().GetClrValue(entity) is System.Collections.IEnumerable items)
            {
                children.AddRange(items.Cast<object>());
            }
        }

        return children;
    }

    /// <summary>Collection navigations per entity type of the SQLite model (the only one whose steps run detached).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, INavigation[]> Collections = new();

    /// <summary>In EF's transaction, or in one begun on the native connection (<see cref="SaveResults.InSqliteTransactionAsync{TResult}"/>).</summary>
    private static bool InTransaction(CityDbContext db) =>
        db.Database.CurrentTransaction is not null
        || (db.Database.GetDbConnection() is SqliteConnection { Handle: { } handle } && raw.sqlite3_get_autocommit(handle) == 0);

    private static bool Writable(EntityEntry entry) =>
        entry.State switch
        {
            EntityState.Unchanged or EntityState.Detached => true,
            EntityState.Added or EntityState.Modified => Array.IndexOf(Order, entry.Metadata.ClrType) >= 0 && RowShape.For(entry.Metadata) is not null,
            _ => false,
        };

    /// <summary>
    /// One save: each row's statement is prepared once per native connection (<see cref="SqliteStatementCache"/>),
    /// bound and stepped on the context's own connection inside its transaction, then reset.
    /// </summary>
    private sealed class Execution(CityDbContext db)
    {
        private readonly SqliteConnection _connection = (SqliteConnection)db.Database.GetDbConnection();
        public ISqlGenerationHelper Sql { get; } = db.GetService<ISqlGenerationHelper>();

        public async Task<int> RunAsync(EntityEntry entry, CancellationToken ct)
        {
            var shape = RowShape.For(entry.Metadata)!;
            var insert = entry.State == EntityState.Added;
            var columns = insert ? shape.All : shape.Modified(entry);
            if (columns == 0)
            {
                return 1;
            }

            var row = shape.Statement(Sql, insert, columns);
            var values = new object?[row.Parameters.Length];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = row.Parameters[i].StoreValue(entry);
            }

            return await RunAsync(row, values, ct);
        }

        public async Task<int> RunAsync(RowStatement row, object?[] values, CancellationToken ct)
        {
            Observer?.Invoke(row.Sql, row.ParameterNames, values);
            var statement = SqliteStatementCache.Prepared(_connection, row.Sql);
            try
            {
                for (var i = 0; i < values.Length; i++)
                {
                    Check(RowStatement.Bind(statement, i + 1, values[i]));
                }

                var rc = await SqliteStatementCache.StepAsync(_connection, statement, ct);
                if (rc != raw.SQLITE_DONE)
                {
                    Check(rc);
                }

                return raw.sqlite3_changes(_connection.Handle);
            }
            finally
            {
                raw.sqlite3_reset(statement);
                raw.sqlite3_clear_bindings(statement);
            }
        }

        private void Check(int rc) => SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
    }
}
