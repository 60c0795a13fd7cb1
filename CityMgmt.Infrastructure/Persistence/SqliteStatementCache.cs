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
}
