using CityMgmt.Infrastructure.Identity;
using CityMgmt.Infrastructure.Persistence.Providers;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Infrastructure.Persistence;

/// <summary>
/// Creates the provider's context for one operation and stamps it with the current user's name for
/// the who-columns. Registered scoped, so in Blazor Server it follows the circuit's user.
/// </summary>
public sealed class CityDbContextFactory(ContextOptionsHolder holder, ICurrentUser currentUser) : IDbContextFactory<CityDbContext>
{
    public CityDbContext CreateDbContext()
    {
        CityDbContext context = holder.Provider switch
        {
            DatabaseProvider.SqlServer => new SqlServerCityDbContext(holder.Options),
            _ => new SqliteCityDbContext(holder.Options),
        };
        context.AuditUserName = currentUser.UserName;
        return context;
    }
}

/// <summary>The options built once at start (provider, connection, interceptors).</summary>
public sealed record ContextOptionsHolder(DatabaseProvider Provider, DbContextOptions<CityDbContext> Options);
