using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Workflows.Runtime;
using CityMgmt.Infrastructure.Workflows;
using CityMgmt.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using static CityMgmt.Tests.Infrastructure.Workflows.WorkflowTestKit;

namespace CityMgmt.Tests.Infrastructure.Workflows;

/// <summary>A completed task is saved by StepRowWriter (ADR 0015), not SaveChanges: the same rows, stamps and checks.</summary>
public class StepRowWriterTests
{
    [Fact]
    public async Task CompleteAsync_AcceptanceTask_WritesStampedRowsAndBumpsVersionsOnce()
    {
        var clock = TestClock.Create();
        await using var services = await TestServices.FromTemplateAsync(clock);
        var item = await ReportAsync(services);
        clock.Advance(TimeSpan.FromMinutes(5));
        services.User.UserName = "sly";

        (await CompleteAsync(services, "sly", item.Id, "受理")).IsSuccess.ShouldBeTrue();

        await using var db = services.NewDb();
        var after = await db.Cases.Include(c => c.History).SingleAsync(c => c.Id == item.Id);
        after.Status.ShouldBe(CaseStatus.PendingFiling);
        after.Version.ShouldBe(item.Version + 1);
        after.ModifiedAt.ShouldBe(clock.GetUtcNow());
        after.ModifiedBy.ShouldBe("sly");
        var line = after.History.OrderBy(h => h.Sequence).Last();
        line.Action.ShouldBe(CaseAction.Registered);
        (line.CreatedAt, line.CreatedBy).ShouldBe((clock.GetUtcNow(), "sly"));

        var tasks = await db.WorkflowTasks.Where(t => t.CaseId == item.Id).OrderBy(t => t.OpenedAt).ThenBy(t => t.TaskKey).ToListAsync();
        var accepted = tasks.Single(t => t.Name == "受理");
        (accepted.Status, accepted.Outcome, accepted.Version, accepted.ModifiedBy).ShouldBe((WorkflowTaskStatus.Completed, "受理", 1, "sly"));
        var filing = tasks.Single(t => t.Status == WorkflowTaskStatus.Open);
        (filing.Name, filing.CreatedBy, filing.CreatedAt).ShouldBe(("立案", "sly", clock.GetUtcNow()));
        var instance = await db.WorkflowInstances.SingleAsync(i => i.CaseId == item.Id);
        instance.Version.ShouldBe(1);
    }

    [Fact]
    public async Task SaveAsync_CaseChangedByAnotherUser_ReturnsConflictAndWritesNothing()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var item = await CaseAsync(services, (await ReportAsync(services)).Id);
        var historyBefore = item.History.Count;
        historyBefore.ShouldBeGreaterThan(0);

        await using (var db = services.NewDb())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var tracked = await db.Cases.Include(c => c.History).SingleAsync(c => c.Id == item.Id);
            tracked.Note(new Actor("u1", "受理员", "Operator"), DateTimeOffset.UtcNow, CaseAction.TaskCompleted, "测试").IsSuccess.ShouldBeTrue();

            // Someone else saved the case since it was read: the version this unit of work holds is stale.
            db.Entry(tracked).Property(c => c.Version).OriginalValue = tracked.Version - 1;

            var saved = await StepRowWriter.SaveAsync(db, DateTimeOffset.UtcNow, RuntimeErrors.Conflict, CancellationToken.None);
            saved.IsFailure.ShouldBeTrue();
            saved.Error.ShouldBe(RuntimeErrors.Conflict);
        }

        var after = await CaseAsync(services, item.Id);
        after.History.Count.ShouldBe(historyBefore);
        after.Version.ShouldBe(item.Version);
    }

    [Fact]
    public async Task ReportAndComplete_StoreEveryColumnAsSaveChangesStoresIt()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var item = await ReportAsync(services);
        (await CompleteAsync(services, "sly", item.Id, "受理")).IsSuccess.ShouldBeTrue();

        // The demo cases, their instances, tasks, timers, counters and search rows were written by SaveChanges;
        // the new case's rows by the step writer. Every column must hold one storage class across both, and ids
        // must be upper-case text as EF writes them, or EF's own queries would miss the new rows.
        await using var db = services.NewDb();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        string[] tables = ["Cases", "CaseHistory", "WorkflowInstances", "WorkflowTasks", "WorkflowTimers", "CaseNumberCounters", "CaseSearch"];
        foreach (var table in tables)
        {
            (await ScalarAsync(connection, $"SELECT COUNT(*) FROM \"{table}\"")).ShouldBeGreaterThan(1, table);
            foreach (var column in await ColumnsAsync(connection, table))
            {
                var classes = await ScalarAsync(connection, $"SELECT COUNT(DISTINCT typeof(\"{column}\")) FROM \"{table}\" WHERE \"{column}\" IS NOT NULL");
                classes.ShouldBeLessThanOrEqualTo(1, $"{table}.{column} holds values of more than one storage class");
                var lowerIds = await ScalarAsync(connection, $"SELECT COUNT(*) FROM \"{table}\" WHERE typeof(\"{column}\") = 'text' AND length(\"{column}\") = 36 AND \"{column}\" GLOB '*-*' AND \"{column}\" <> upper(\"{column}\")");
                lowerIds.ShouldBe(0, $"{table}.{column} holds lower-case ids");
            }
        }

        // And EF reads the rows back as it wrote them.
        var task = await db.WorkflowTasks.SingleAsync(t => t.CaseId == item.Id && t.Status == WorkflowTaskStatus.Open);
        task.Name.ShouldBe("立案");
        (await db.Cases.CountAsync(c => c.Id == item.Id && c.Number == item.Number)).ShouldBe(1);
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<string>> ColumnsAsync(SqliteConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }
}
