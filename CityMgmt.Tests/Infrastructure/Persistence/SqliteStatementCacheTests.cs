using CityMgmt.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CityMgmt.Tests.Infrastructure.Persistence;

/// <summary>
/// Prepared statements live with the pooled native connection, not with one SqliteConnection object (ADR 0015).
/// Other tests empty every pool when they end (<c>SqliteConnection.ClearAllPools</c>), which would hand these tests a
/// new native connection half-way; so they run alone, and clear only their own pool.
/// </summary>
[Collection(Name)]
public sealed class SqliteStatementCacheTests : IDisposable
{
    public const string Name = "SQLite connection pools";

    private const string Insert = "INSERT INTO t (v) VALUES (@v0);";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "citymgmt-tests", Guid.NewGuid().ToString("N"));

    public SqliteStatementCacheTests() => Directory.CreateDirectory(_folder);

    private string ConnectionString => $"Data Source={Path.Combine(_folder, "cache.db")};Pooling=True";

    [Fact]
    public void Prepared_NextOperationOnThePooledConnection_ReusesTheStatement()
    {
        sqlite3_stmt first;
        using (var connection = Open())
        {
            Execute(connection, "CREATE TABLE t (v INTEGER);");
            first = SqliteStatementCache.Prepared(connection, Insert);
            Step(first, 1);
        }

        // A new connection object gets the same native connection from the pool, and with it the statement.
        using (var connection = Open())
        {
            var again = SqliteStatementCache.Prepared(connection, Insert);
            again.ShouldBeSameAs(first);
            Step(again, 2);
            Count(connection).ShouldBe(2);
        }
    }

    [Fact]
    public void Prepared_AfterThePoolClosedItsConnection_PreparesAgainOnTheNewOne()
    {
        sqlite3_stmt first;
        using (var connection = Open())
        {
            Execute(connection, "CREATE TABLE t (v INTEGER);");
            first = SqliteStatementCache.Prepared(connection, Insert);
            Step(first, 1);
        }

        ClearPool();
        GC.Collect();
        GC.WaitForPendingFinalizers();

        using var reopened = Open();
        var again = SqliteStatementCache.Prepared(reopened, Insert);
        again.ShouldNotBeSameAs(first);
        Step(again, 2);
        Count(reopened).ShouldBe(2);
    }

    public void Dispose()
    {
        ClearPool();
        Directory.Delete(_folder, recursive: true);
    }

    private void ClearPool()
    {
        using var connection = new SqliteConnection(ConnectionString);
        SqliteConnection.ClearPool(connection);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    private static void Step(sqlite3_stmt statement, long value)
    {
        raw.sqlite3_bind_int64(statement, 1, value).ShouldBe(raw.SQLITE_OK);
        raw.sqlite3_step(statement).ShouldBe(raw.SQLITE_DONE);
        raw.sqlite3_reset(statement);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Count(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM t";
        return (long)command.ExecuteScalar()!;
    }
}

[CollectionDefinition(SqliteStatementCacheTests.Name, DisableParallelization = true)]
public sealed class SqliteConnectionPoolCollection;
