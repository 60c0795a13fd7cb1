using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Workflows.Runtime;
using CityMgmt.Infrastructure.Workflows;
using CityMgmt.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CityMgmt.Tests.Infrastructure.Workflows.WorkflowTestKit;

namespace CityMgmt.Tests.Infrastructure.Workflows;

public class WorkflowTimerTests
{
    [Fact]
    public async Task Sweep_DisposalAt80And100Percent_WarnsThenMarksOverdueExactlyOnce()
    {
        var clock = TestClock.Create(); // Monday 10:00 China time
        await using var services = await TestServices.FromTemplateAsync(clock);
        var item = await ReportAsync(services); // 暴露垃圾: 4 工作时
        (await CompleteAsync(services, "sly", item.Id, "受理")).IsSuccess.ShouldBeTrue();
        (await CompleteAsync(services, "zbz", item.Id, "立案")).IsSuccess.ShouldBeTrue();
        (await CompleteAsync(services, "pqy", item.Id, "派遣", new TaskForm(null, await DepartmentAsync(services, "SZ")))).IsSuccess.ShouldBeTrue();
        var sweeper = services.Get<TimerSweeper>();

        (await sweeper.SweepAsync(CancellationToken.None)).ShouldBe(0);
        clock.Advance(TimeSpan.FromHours(5.3)); // 10:00 + 3.2 working hours (lunch 12–14) = 15:12: 80 % used
        (await sweeper.SweepAsync(CancellationToken.None)).ShouldBe(1);
        (await sweeper.SweepAsync(CancellationToken.None)).ShouldBe(0);
        clock.Advance(TimeSpan.FromHours(1)); // past 16:00: 100 %
        (await sweeper.SweepAsync(CancellationToken.None)).ShouldBe(1);

        var saved = await CaseAsync(services, item.Id);
        saved.History.Count(h => h.Action == CaseAction.DeadlineWarning).ShouldBe(1);
        saved.History.Count(h => h.Action == CaseAction.Overdue).ShouldBe(1);
        saved.Status.ShouldBe(CaseStatus.InDisposal);
        await using var db = services.NewDb();
        var instance = await db.WorkflowInstances.SingleAsync(i => i.CaseId == item.Id);
        (await db.WorkflowTimers.Where(t => t.InstanceId == instance.Id).Select(t => t.Status).ToListAsync())
            .Count(s => s == WorkflowTimerStatus.Fired).ShouldBe(2);
    }

    [Fact]
    public async Task Sweep_TimerOfACompletedTask_NeverFires()
    {
        var clock = TestClock.Create();
        await using var services = await TestServices.FromTemplateAsync(clock);
        var item = await ReportAsync(services);
        (await CompleteAsync(services, "sly", item.Id, "受理")).IsSuccess.ShouldBeTrue();
        (await CompleteAsync(services, "zbz", item.Id, "立案")).IsSuccess.ShouldBeTrue();
        (await CompleteAsync(services, "pqy", item.Id, "派遣", new TaskForm(null, await DepartmentAsync(services, "SZ")))).IsSuccess.ShouldBeTrue();
        (await CompleteAsync(services, "czry", item.Id, "处置完毕")).IsSuccess.ShouldBeTrue();

        clock.Advance(TimeSpan.FromDays(3));
        await services.Get<TimerSweeper>().SweepAsync(CancellationToken.None);

        var saved = await CaseAsync(services, item.Id);
        saved.History.Count(h => h.Action == CaseAction.DeadlineWarning).ShouldBe(0);
        saved.History.ShouldNotContain(h => h.Action == CaseAction.Overdue && h.Comment!.Contains("处置", StringComparison.Ordinal));
        await using var db = services.NewDb();
        var instance = await db.WorkflowInstances.SingleAsync(i => i.CaseId == item.Id);
        var disposalTimers = await db.WorkflowTimers.Where(t => t.InstanceId == instance.Id && t.NodeId.StartsWith("Timer_Dispose")).ToListAsync();
        disposalTimers.Count.ShouldBe(2);
        disposalTimers.ShouldAllBe(t => t.Status == WorkflowTimerStatus.Cancelled);
    }
}
