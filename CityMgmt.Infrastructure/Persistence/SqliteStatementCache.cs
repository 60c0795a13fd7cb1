using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CityMgmt.Infrastructure.Persistence;

/// <summary>
/// Prepared SQLite statements kept per native connection (ADR 0015). Microsoft.Data.Sqlite finalizes a command's
/// statements when its <see cref="SqliteConnection"/> closes, i.e. after every operation, while the native
/// connection underneath lives on in its pool; a statement prepared here lives as long as that native connection.
/// A statement is only ever used by whoever holds the open connection, and is reset after every use, so it never
/// keeps a transaction or a lock open. When the pool closes the native connection (close_v2), the statements are
/// finalized by their own handles once this cache is collected.
/// </summary>
internal sealed class SqliteStatementCache
{
    /// <summary>Statements per native connection: more than this and the cache starts over.</summary>
    private const int Capacity = 64;

    private static readonly ConditionalWeakTable<sqlite3, SqliteStatementCache> Caches = new();

    private readonly Dictionary<string, sqlite3_stmt> _statements = new(StringComparer.Ordinal);

    /// <summary>The statement for <paramref name="sql"/> on the open connection's native handle, prepared once.</summary>
    public static sqlite3_stmt Prepared(SqliteConnection connection, string sql)
    {
        var handle = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        var cache = Caches.GetValue(handle, _ => new SqliteStatementCache());
        if (cache._statements.TryGetValue(sql, out var statement))
        {
            return statement;
        }

        if (cache._statements.Count >= Capacity)
        {
            foreach (var old in cache._statements.Values)
            {
                old.Dispose();
            }

            cache._statements.Clear();
        }

        var rc = raw.sqlite3_prepare_v3(handle, sql, raw.SQLITE_PREPARE_PERSISTENT, out statement, out _);
        SqliteException.ThrowExceptionForRC(rc, handle);
        cache._statements[sql] = statement;
        return statement;
    }

    /// <summary>
    /// How often SQLite had to prepare the statements cached for this connection again (they were expired, e.g. by a
    /// flag pragma or by registering a function), summed since each was prepared.
    /// </summary>
    public static long Reprepared(SqliteConnection connection)
    {
        const int StmtStatusReprepare = 5; // SQLITE_STMTSTATUS_REPREPARE, not among SQLitePCLRaw's constants
        return connection.Handle is { } handle && Caches.TryGetValue(handle, out var cache)
            ? cache._statements.Values.Sum(s => (long)raw.sqlite3_stmt_status(s, StmtStatusReprepare, 0))
            : 0;
    }

    /// <summary>
    /// Steps a bound statement once. Another connection may hold the write lock (busy), or with the shared cache a table
    /// lock, for a moment: like Microsoft.Data.Sqlite, try again until the connection's timeout, but without blocking
    /// the thread. Answers the final result code; the caller resets the statement.
    /// </summary>
    public static async ValueTask<int> StepAsync(SqliteConnection connection, sqlite3_stmt statement, CancellationToken ct)
    {
        var started = Environment.TickCount64;
        int rc;
        while ((rc = raw.sqlite3_step(statement)) is raw.SQLITE_BUSY or raw.SQLITE_LOCKED or raw.SQLITE_LOCKED_SHAREDCACHE
            && Environment.TickCount64 - started < connection.DefaultTimeout * 1000L)
        {
            raw.sqlite3_reset(statement);
            await Task.Delay(10, ct);
        }

        return rc;
    }

    /// <summary>Runs a statement without parameters or rows (BEGIN, COMMIT, ROLLBACK) through the cache.</summary>
    public static async ValueTask ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        var statement = Prepared(connection, sql);
        try
        {
            var rc = await StepAsync(connection, statement, ct);
            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, connection.Handle);
            }
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }
}
