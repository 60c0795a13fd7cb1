using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Common;
using CityMgmt.Domain.Workflows.Runtime;
using CityMgmt.Infrastructure.Persistence;
using CityMgmt.Infrastructure.Workflows;
using CityMgmt.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SQLitePCL;
using static CityMgmt.Tests.Infrastructure.Workflows.WorkflowTestKit;

namespace CityMgmt.Tests.Infrastructure.Persistence;

/// <summary>
/// On SQLite, workflow steps and case reports take turns on one connection that stays open, so the statements
/// prepared on it stay valid from step to step (ADR 0018).
/// </summary>
public class SqliteStepConnectionTests
{
    [Fact]
    public async Task Steps_OnTheStepConnection_RunTheirPreparedStatementsWithoutSqlitePreparingThemAgain()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var step = StepConnection(services);
        var item = await ReportAsync(services);
        (await CompleteAsync(services, "sly", item.Id, "受理")).IsSuccess.ShouldBeTrue();
        var handle = step.Connection.Handle.ShouldNotBeNull(); // still open after the step
        var reprepared = SqliteStatementCache.Reprepared(step.Connection);

        (await CompleteAsync(services, "zbz", item.Id, "立案")).IsSuccess.ShouldBeTrue();
        (await CompleteAsync(services, "pqy", item.Id, "派遣", new TaskForm("请处理", await DepartmentAsync(services, "SZ")))).IsSuccess.ShouldBeTrue();
        SqliteStatementCache.Reprepared(step.Connection).ShouldBe(reprepared);

        // What used to happen before every step: something expired the connection's statements (then EF's SQL functions
        // registered again at each open; here a flag pragma), and the next step had to prepare them again.
        using (var pragma = step.Connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA read_uncommitted = 0;";
            pragma.ExecuteNonQuery();
        }

        (await CompleteAsync(services, "czry", item.Id, "处置完毕")).IsSuccess.ShouldBeTrue();
        var afterExpiry = SqliteStatementCache.Reprepared(step.Connection);
        afterExpiry.ShouldBeGreaterThan(reprepared);

        (await CompleteAsync(services, "jdy", item.Id, "通过")).IsSuccess.ShouldBeTrue();
        (await CompleteAsync(services, "zbz", item.Id, "结案")).IsSuccess.ShouldBeTrue();
        SqliteStatementCache.Reprepared(step.Connection).ShouldBe(afterExpiry);
        step.Connection.Handle.ShouldBeSameAs(handle);
        (await CaseAsync(services, item.Id)).Status.ShouldBe(CaseStatus.Closed);
    }

    [Fact]
    public async Task ReportsSentAtTheSameMoment_TakeTurns_AndEachBecomesItsOwnCase()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var cases = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => ReportAsync(services))));

        cases.Select(c => c.Number).Distinct().Count().ShouldBe(8);
        await using var db = services.NewDb();
        var ids = cases.Select(c => c.Id).ToList();
        (await db.WorkflowTasks.CountAsync(t => ids.Contains(t.CaseId) && t.Status == WorkflowTaskStatus.Open)).ShouldBe(8);
    }

    [Fact]
    public async Task AStepThatFailsOrThrows_LeavesNothing_AndTheNextStepStillRuns()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var item = await ReportAsync(services);
        async Task<Result> Rename(string address, Func<Result> then)
        {
            await using var db = services.NewDb();
            return await db.InSqliteTransactionAsync(async (step, ct) =>
            {
                await step.Database.ExecuteSqlAsync($"UPDATE Cases SET Address = {address} WHERE Id = {item.Id}", ct);
                return then();
            });
        }

        (await Rename("失败的结果", () => new Error("Test.Failed", "失败"))).IsFailure.ShouldBeTrue();
        await Should.ThrowAsync<InvalidOperationException>(() => Rename("抛出异常", () => throw new InvalidOperationException("测试")));

        (await CaseAsync(services, item.Id)).Address.ShouldBe(item.Address);
        (await CompleteAsync(services, "sly", item.Id, "受理")).IsSuccess.ShouldBeTrue();
        (await Rename("成功", Result.Success)).IsSuccess.ShouldBeTrue();
        (await CaseAsync(services, item.Id)).Address.ShouldBe("成功");
    }

    [Fact]
    public async Task AStepWaitingLongerThanTheTimeoutForItsTurn_FailsAsBusy_AndTheTurnComesBackAfterwards()
    {
        var folder = TestServices.NewFolder();
        using var cleanup = new FolderCleanup(folder);
        var options = new DbContextOptionsBuilder<CityDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "turns.db")};Default Timeout=1").Options;
        using var connection = new SqliteStepConnection(options);
        var holding = new TaskCompletionSource();
        var held = new TaskCompletionSource();
        var first = connection.InTransactionAsync("a", async (_, _) =>
        {
            held.SetResult();
            await holding.Task;
            return Result.Success();
        }, default);
        await held.Task;

        var waited = await Should.ThrowAsync<SqliteException>(() => connection.InTransactionAsync("b", (_, _) => Task.FromResult(Result.Success()), default));
        waited.SqliteErrorCode.ShouldBe(raw.SQLITE_BUSY);
        waited.Message.ShouldContain("数据库正忙");

        holding.SetResult();
        (await first).IsSuccess.ShouldBeTrue();
        (await connection.InTransactionAsync("c", (_, _) => Task.FromResult(Result.Success()), default)).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task StoppingTheHost_ClosesTheStepConnection()
    {
        var services = await TestServices.FromTemplateAsync();
        await ReportAsync(services);
        var step = StepConnection(services);
        step.Connection.State.ShouldBe(System.Data.ConnectionState.Open);

        await services.DisposeAsync();

        step.Connection.State.ShouldBe(System.Data.ConnectionState.Closed);
    }

    private sealed class FolderCleanup(string folder) : IDisposable
    {
        public void Dispose()
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static SqliteStepConnection StepConnection(TestServices services) =>
        services.Services.GetRequiredService<ContextOptionsHolder>().StepConnection.ShouldNotBeNull();
}
