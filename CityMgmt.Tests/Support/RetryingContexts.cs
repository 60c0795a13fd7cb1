using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CityMgmt.Tests.Support;

/// <summary>
/// The app's SQLite contexts under a retrying execution strategy, as SQL Server's EnableRetryOnFailure makes them
/// (SQL Server cannot run here): a <see cref="TimeoutException"/> counts as transient.
/// </summary>
internal static class RetryingContexts
{
    public static DbContextOptions<CityDbContext> Options(TestServices services, params IInterceptor[] interceptors)
    {
        var app = services.Services.GetRequiredService<ContextOptionsHolder>().Options;
        var connection = RelationalOptionsExtension.Extract(app).ConnectionString!;
        return new DbContextOptionsBuilder<CityDbContext>(app)
            .UseSqlite(connection, o => o.ExecutionStrategy(d => new RetryOnTimeout(d)))
            .AddInterceptors(interceptors)
            .Options;
    }

    public static IDbContextFactory<CityDbContext> Factory(TestServices services, params IInterceptor[] interceptors) =>
        new CityDbContextFactory(new ContextOptionsHolder(DatabaseProvider.Sqlite, Options(services, interceptors)), services.User);

    private sealed class RetryOnTimeout(ExecutionStrategyDependencies dependencies)
        : ExecutionStrategy(dependencies, maxRetryCount: 3, maxRetryDelay: TimeSpan.FromMilliseconds(10))
    {
        protected override bool ShouldRetryOn(Exception exception) => exception is TimeoutException;
    }
}
