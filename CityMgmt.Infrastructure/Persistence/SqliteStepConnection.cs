using CityMgmt.Infrastructure.Persistence.Providers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using SQLitePCL;

namespace CityMgmt.Infrastructure.Persistence;

/// <summary>
/// The one connection of a SQLite database on which workflow steps and case reports run their transactions, with
/// a pool of contexts bound to it (ADR 0018). It is opened once and stays open, so the statements prepared on it
/// (ADR 0015, 0017) stay valid from one step to the next. A connection that Microsoft.Data.Sqlite opens from its pool
/// gets EF Core's SQL functions registered again and loses them at close; SQLite expires every prepared statement
/// of a connection when a function is registered or removed, so each step used to prepare all its statements again.
/// SQLite lets one writer at a time anyway: steps take turns here, waiting without blocking a thread, for at most
/// the connection's timeout.
/// </summary>
internal sealed class SqliteStepConnection : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly SqliteConnection _connection;
    private readonly TimeSpan _timeout;
    private readonly Func<SqliteCityDbContext> _contexts;
    private bool _disposed;

    /// <param name="options">The app's context options with its connection string; the step's contexts use the same options on this connection.</param>
    public SqliteStepConnection(DbContextOptions<CityDbContext> options)
    {
        var connectionString = RelationalOptionsExtension.Extract(options).ConnectionString
            ?? throw new ArgumentException("The SQLite options have no connection string.", nameof(options));
        _connection = new SqliteConnection(connectionString);
        _timeout = TimeSpan.FromSeconds(_connection.DefaultTimeout);
        var onConnection = new DbContextOptionsBuilder<SqliteCityDbContext>(new DbContextOptions<SqliteCityDbContext>(options.Extensions.ToDictionary(e => e.GetType())))
            .UseSqlite((string?)null)
            .UseSqlite(_connection, contextOwnsConnection: false)
            .Options;
        _contexts = new PooledDbContextFactory<SqliteCityDbContext>(onConnection).CreateDbContext;
    }

    /// <summary>The connection itself, for checks in tests and the benchmark; steps go through <see cref="InTransactionAsync{TResult}"/>.</summary>
    internal SqliteConnection Connection => _connection;

    /// <summary>
    /// Runs <paramref name="work"/> in this database's turn, in one transaction on the step connection, committed only
    /// when it succeeds. BEGIN IMMEDIATE, COMMIT and ROLLBACK are sent on the native connection, not through
    /// Microsoft.Data.Sqlite's transaction: that one runs PRAGMA read_uncommitted first, and a flag pragma expires every
    /// statement prepared on the connection too.
    /// </summary>
    /// <param name="auditUserName">Written into the who-columns, as <see cref="CityDbContextFactory"/> stamps it.</param>
    public async Task<TResult> InTransactionAsync<TResult>(string auditUserName, Func<CityDbContext, CancellationToken, Task<TResult>> work, CancellationToken ct)
        where TResult : CityMgmt.Domain.Common.Result
    {
        if (!await _turn.WaitAsync(_timeout, ct))
        {
            // As when SQLite's own lock stays taken past the timeout.
            throw new SqliteException("数据库正忙：其他办理操作超时未完成，请稍后重试。", raw.SQLITE_BUSY);
        }

        var (open, clean) = (false, false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_connection.State != System.Data.ConnectionState.Open)
            {
                await _connection.OpenAsync(ct);
            }

            await using var db = _contexts();
            db.AuditUserName = auditUserName;
            await SqliteStatementCache.ExecuteAsync(_connection, "BEGIN IMMEDIATE;", ct);
            open = true;
            var result = await work(db, ct);
            if (result.IsSuccess)
            {
                await SqliteStatementCache.ExecuteAsync(_connection, "COMMIT;", ct);
                open = false;
            }

            clean = true;
            return result;
        }
        finally
        {
            if (open && raw.sqlite3_exec(_connection.Handle, "ROLLBACK;") != raw.SQLITE_OK)
            {
                clean = false;
            }

            // After an exception the connection may be in a state nobody planned for: the next turn opens it afresh.
            if (!clean)
            {
                await _connection.CloseAsync();
            }

            _turn.Release();
        }
    }

    /// <summary>Closes the connection once the current turn, if any, has ended (waiting at most the connection's timeout).</summary>
    public void Dispose()
    {
        var entered = _turn.Wait(_timeout);
        try
        {
            _disposed = true;
            _connection.Dispose();
        }
        finally
        {
            if (entered)
            {
                _turn.Release();
            }
        }
    }
}
