using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Workflows.Runtime;
using CityMgmt.Infrastructure.Workflows;
using CityMgmt.Tests.Support;
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
}
