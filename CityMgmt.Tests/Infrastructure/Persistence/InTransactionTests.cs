using CityMgmt.Domain.Common;
using CityMgmt.Infrastructure.Persistence;
using CityMgmt.Infrastructure.Persistence.Providers;
using CityMgmt.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Tests.Infrastructure.Persistence;

/// <summary>
/// Units of work in a transaction under a retrying execution strategy, as SQL Server's EnableRetryOnFailure makes
/// them: SQLite stands in for the server, with a strategy that treats a timeout as transient.
/// </summary>
public class InTransactionTests
{
    [Fact]
    public async Task InTransactionAsync_TransientFailure_RunsTheWholeUnitAgainAndCommitsItOnce()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var db = RetryingContext(services);
        var key = $"test-{Guid.NewGuid():N}";
        var attempts = 0;

        var result = await db.InTransactionAsync(async ct =>
        {
            attempts++;
            db.Settings.Add(new AppSetting { Key = key, Value = attempts.ToString() });
            await db.SaveChangesAsync(ct);
            if (attempts == 1)
            {
                throw new TimeoutException("transient");
            }

            return Result.Success();
        });

        result.IsSuccess.ShouldBeTrue();
        attempts.ShouldBe(2);
        await using var check = services.NewDb();
        (await check.Settings.Where(s => s.Key == key).Select(s => s.Value).ToListAsync()).ShouldBe(["2"]);
    }

    [Fact]
    public async Task InTransactionAsync_FailedResult_RollsBackEverything()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var db = RetryingContext(services);
        var key = $"test-{Guid.NewGuid():N}";

        var result = await db.InTransactionAsync(async ct =>
        {
            db.Settings.Add(new AppSetting { Key = key, Value = "x" });
            await db.SaveChangesAsync(ct);
            return Result.Failure(new Error("Test.Refused", "拒绝"));
        });

        result.IsFailure.ShouldBeTrue();
        await using var check = services.NewDb();
        (await check.Settings.AnyAsync(s => s.Key == key)).ShouldBeFalse();
    }

    [Fact]
    public async Task BeginTransaction_OutsideTheStrategy_IsRefusedByARetryingStrategy()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var db = RetryingContext(services);

        // What InTransactionAsync avoids: the retrying strategy cannot replay a transaction it did not start.
        await using var tx = await db.Database.BeginTransactionAsync();
        await Should.ThrowAsync<InvalidOperationException>(() => db.Settings.CountAsync());
    }

    private static SqliteCityDbContext RetryingContext(TestServices services) => new(RetryingContexts.Options(services));
}
