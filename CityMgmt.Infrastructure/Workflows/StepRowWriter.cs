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

    /// <summary>
    /// One save: each row's statement is prepared once per native connection (<see cref="SqliteStatementCache"/>),
    /// bound and stepped on the context's own connection inside its transaction, then reset.
    /// </summary>
    private sealed class Execution(CityDbContext db)
    {
        private readonly SqliteConnection _connection = (SqliteConnection)db.Database.GetDbConnection();
        private readonly ISqlGenerationHelper _sql = db.GetService<ISqlGenerationHelper>();

        public async Task<int> RunAsync(EntityEntry entry, CancellationToken ct)
        {
            var shape = RowShape.For(entry.Metadata)!;
            var insert = entry.State == EntityState.Added;
            var columns = insert ? shape.All : shape.Modified(entry);
            if (columns == 0)
            {
                return 1;
            }

            var row = shape.Statement(_sql, insert, columns);
            var values = new object?[row.Parameters.Length];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = row.Parameters[i].StoreValue(entry);
            }

            Observer?.Invoke(row.Sql, row.Parameters.Select(p => p.Name).ToArray(), values);
            var statement = SqliteStatementCache.Prepared(_connection, row.Sql);
            try
            {
                for (var i = 0; i < values.Length; i++)
                {
                    Check(RowStatement.Bind(statement, i + 1, values[i]));
                }

                // Another connection of the shared cache may hold a table lock for a moment: wait as
                // Microsoft.Data.Sqlite does, up to the connection's timeout.
                var started = Environment.TickCount64;
                int rc;
                while ((rc = raw.sqlite3_step(statement)) is raw.SQLITE_BUSY or raw.SQLITE_LOCKED or raw.SQLITE_LOCKED_SHAREDCACHE
                    && Environment.TickCount64 - started < _connection.DefaultTimeout * 1000L)
                {
                    raw.sqlite3_reset(statement);
                    await Task.Delay(10, ct);
                }

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
