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
/// outlives an operation.
/// </summary>
public sealed class ContextOptionsHolder(DatabaseProvider provider, DbContextOptions<CityDbContext> options)
{
    private readonly Lazy<Func<CityDbContext>> _pool = new(() => provider switch
    {
        DatabaseProvider.SqlServer => Pool<SqlServerCityDbContext>(options),
        _ => Pool<SqliteCityDbContext>(options),
    });

    public DatabaseProvider Provider => provider;

    public DbContextOptions<CityDbContext> Options => options;

    /// <summary>A pooled context; dispose it to give it back.</summary>
    public CityDbContext Rent() => _pool.Value();

    private static Func<CityDbContext> Pool<TContext>(DbContextOptions<CityDbContext> options)
        where TContext : CityDbContext
    {
        var typed = new DbContextOptions<TContext>(options.Extensions.ToDictionary(e => e.GetType()));
        return new PooledDbContextFactory<TContext>(typed).CreateDbContext;
    }
}
