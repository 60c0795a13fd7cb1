using CityMgmt.Infrastructure.Identity;
using CityMgmt.Infrastructure.Persistence.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CityMgmt.Infrastructure.Persistence;

/// <summary>
/// Hands out the provider's context for one operation from the pool and stamps it with the current user's name
/// for the who-columns. Registered scoped, so in Blazor Server it follows the circuit's user.
/// </summary>
public sealed class CityDbContextFactory(ContextOptionsHolder holder, ICurrentUser currentUser) : IDbContextFactory<CityDbContext>
{
    public CityDbContext CreateDbContext()
    {
        var context = holder.Rent();
        context.AuditUserName = currentUser.UserName;
        return context;
    }
}

/// <summary>
/// The options built once at start (provider, connection, interceptors) and the pool of contexts made from them.
/// Pooling (ADR 0016) keeps each context's internal services between operations; disposing a context returns it
/// with its change tracker cleared, so nothing but <see cref="CityDbContext.AuditUserName"/> (set on every rent)
/// outlives an operation. On SQLite it also owns the database's <see cref="SqliteStepConnection"/> (ADR 0018).
/// </summary>
public sealed class ContextOptionsHolder(DatabaseProvider provider, DbContextOptions<CityDbContext> options) : IDisposable
{
    private readonly Lazy<SqliteStepConnection?> _stepConnection = new(() => provider == DatabaseProvider.Sqlite ? new SqliteStepConnection(options) : null);

    private readonly Lazy<Func<CityDbContext>> _pool = new(() => provider switch
    {
        DatabaseProvider.SqlServer => Pool<SqlServerCityDbContext>(options),
        _ => Pool<SqliteCityDbContext>(options),
    });

    public DatabaseProvider Provider => provider;

    public DbContextOptions<CityDbContext> Options => options;

    /// <summary>On SQLite, the database's step connection (ADR 0018); null on SQL Server.</summary>
    internal SqliteStepConnection? StepConnection => _stepConnection.Value;

    /// <summary>A pooled context; dispose it to give it back.</summary>
    public CityDbContext Rent()
    {
        var context = _pool.Value();
        context.StepConnection = StepConnection;
        return context;
    }

    public void Dispose()
    {
        if (_stepConnection.IsValueCreated)
        {
            _stepConnection.Value?.Dispose();
        }
    }

    private static Func<CityDbContext> Pool<TContext>(DbContextOptions<CityDbContext> options)
        where TContext : CityDbContext
    {
        var typed = new DbContextOptions<TContext>(options.Extensions.ToDictionary(e => e.GetType()));
        return new PooledDbContextFactory<TContext>(typed).CreateDbContext;
    }
}
