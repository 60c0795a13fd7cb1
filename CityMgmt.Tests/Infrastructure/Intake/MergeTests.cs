using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Workflows.Runtime;
using CityMgmt.Infrastructure.Cases;
using CityMgmt.Infrastructure.Cases.Intake;
using CityMgmt.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CityMgmt.Tests.Infrastructure.Cases.CaseActionKit;
using static CityMgmt.Tests.Infrastructure.Intake.IntakeKit;
using static CityMgmt.Tests.Infrastructure.Workflows.WorkflowTestKit;
using K = CityMgmt.Infrastructure.Cases.CaseActionKind;

namespace CityMgmt.Tests.Infrastructure.Intake;

public class MergeTests
{
    private static readonly StoredFile Photo = new("现场.jpg", new string('a', 64), "image/jpeg", 2048);

    [Fact]
    public async Task Merge_EndsTheRepeatedReport_BothTimelinesNameTheOther_NoTaskOrTimerIsLeft()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var first = await ReportAsync(services, Spot);
        await OkAsync(services, "sly", first.Id, K.Register);
        var repeat = await ReportAsync(services, East(30), CaseSource.Citizen, photos: [Photo]);

        await OkAsync(services, "sly", repeat.Id, K.Merge, new("同一处垃圾", TargetCaseId: first.Id));

        var merged = await CaseAsync(services, repeat.Id);
        (merged.Status, merged.MergedIntoId).ShouldBe((CaseStatus.Merged, (Guid?)first.Id));
        var line = merged.History.OrderBy(h => h.Sequence).Last();
        (line.Action, line.ActorName, line.Comment).ShouldBe((CaseAction.MergedInto, "李受理", $"重复上报，已合并至案件{first.Number.Value}，同一处垃圾"));
        var target = await CaseAsync(services, first.Id);
        target.Status.ShouldBe(CaseStatus.PendingVerification);
        target.History.OrderBy(h => h.Sequence).Last().Comment.ShouldBe($"合并重复上报案件{repeat.Number.Value}（市民），同一处垃圾");

        await using var db = services.NewDb();
        (await db.WorkflowInstances.SingleAsync(i => i.CaseId == repeat.Id)).Status.ShouldBe(WorkflowInstanceStatus.Terminated);
        (await db.WorkflowTasks.CountAsync(t => t.CaseId == repeat.Id && t.Status == WorkflowTaskStatus.Open)).ShouldBe(0);
        var instance = await db.WorkflowInstances.Where(i => i.CaseId == repeat.Id).Select(i => i.Id).SingleAsync();
        (await db.WorkflowTimers.CountAsync(t => t.InstanceId == instance && t.Status == WorkflowTimerStatus.Scheduled)).ShouldBe(0);
        (await db.WorkflowTasks.CountAsync(t => t.CaseId == first.Id && t.Status == WorkflowTaskStatus.Open)).ShouldBe(1);

        var (queue, _) = await services.Get<IntakeQueries>().QueueAsync(await services.StaffAsync("sly"), null, 0, 50);
        queue.ShouldNotContain(r => r.Id == repeat.Id);
        var shown = await services.Get<CaseQueries>().GetAsync(await services.StaffAsync("sly"), repeat.Id);
        shown.Value.Case.Attachments.Single().FileName.ShouldBe("现场.jpg");
        (await CandidatesAsync(services, "sly", first.Id)).ShouldNotContain(c => c.Id == repeat.Id);
    }

    [Fact]
    public async Task Merge_ByAShiftLeaderIntoAnotherQueuedReport_IsAllowed()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var first = await ReportAsync(services, Spot);
        var repeat = await ReportAsync(services, East(10));

        await OkAsync(services, "zbz", repeat.Id, K.Merge, new(TargetCaseId: first.Id));

        (await CaseAsync(services, repeat.Id)).Status.ShouldBe(CaseStatus.Merged);
        (await CaseAsync(services, first.Id)).Status.ShouldBe(CaseStatus.Reported);
    }

    [Fact]
    public async Task Merge_ByWrongRoleOrOutsideTheScope_IsRefusedAndChangesNothing()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var first = await ReportAsync(services, Spot);
        var repeat = await ReportAsync(services, East(10));
        var town = await ReportAsync(services, East(10), street: "青龙镇");

        (await ActAsync(services, "pqy", repeat.Id, K.Merge, new(TargetCaseId: first.Id))).Error.Message.ShouldBe("您没有执行此操作的权限");
        (await ActAsync(services, "jdy", repeat.Id, K.Merge, new(TargetCaseId: first.Id))).Error.Message.ShouldBe("您没有执行此操作的权限");
        (await ActAsync(services, "qlzbz", repeat.Id, K.Merge, new(TargetCaseId: first.Id))).Error.Message.ShouldBe("案件不存在或无权查看");
        (await ActAsync(services, "qlzbz", town.Id, K.Merge, new(TargetCaseId: first.Id))).Error.Message.ShouldBe("要合并到的案件不存在或不在您的数据范围内");

        foreach (var id in new[] { first.Id, repeat.Id, town.Id })
        {
            var unchanged = await CaseAsync(services, id);
            (unchanged.Status, unchanged.History.Count).ShouldBe((CaseStatus.Reported, 1));
        }
    }

    [Fact]
    public async Task Merge_IntoItselfAClosedCaseOrAnotherClass_IsRefusedInChinese()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var repeat = await ReportAsync(services, Spot);
        var cancelled = await ReportAsync(services, East(10));
        await OkAsync(services, "sly", cancelled.Id, K.RequestCancel, new("无效来电"));
        await OkAsync(services, "zbz", cancelled.Id, K.ApproveCancel);
        var otherClass = await TestCases.DispatchedAsync(services, "SZ", TestClock.MondayMorning, 90_001);

        (await ActAsync(services, "sly", repeat.Id, K.Merge, new(TargetCaseId: repeat.Id))).Error.Message.ShouldBe("不能将案件合并到它自身，请选择另一件案件");
        (await ActAsync(services, "sly", repeat.Id, K.Merge, new(TargetCaseId: cancelled.Id))).Error.Message.ShouldBe("目标案件已“已作废”，不能合并到已办结的案件");
        (await ActAsync(services, "sly", repeat.Id, K.Merge)).Error.Message.ShouldBe("请选择要合并到的案件");
        (await ActAsync(services, "sly", repeat.Id, K.Merge, new(TargetCaseId: otherClass.Id))).Error.Message.ShouldBe("只能合并同一小类的重复上报");

        var unchanged = await CaseAsync(services, repeat.Id);
        (unchanged.Status, unchanged.History.Count).ShouldBe((CaseStatus.Reported, 1));
        await using var db = services.NewDb();
        (await db.WorkflowTasks.CountAsync(t => t.CaseId == repeat.Id && t.Status == WorkflowTaskStatus.Open)).ShouldBe(1);
        await OkAsync(services, "sly", repeat.Id, K.Register);
    }

    [Fact]
    public async Task Merge_TwoUsersAtOnce_OneWinsAndTheOtherGetsAMessage()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var first = await ReportAsync(services, Spot);
        var second = await ReportAsync(services, East(5));
        var repeat = await ReportAsync(services, East(10));
        var version = (await CaseAsync(services, repeat.Id)).Version;
        var sly = await services.StaffAsync("sly");
        var zbz = await services.StaffAsync("zbz");

        var results = await Task.WhenAll(
            Task.Run(() => services.Get<CaseActionService>().RunAsync(sly, repeat.Id, K.Merge, new(TargetCaseId: first.Id), version)),
            Task.Run(() => services.Get<CaseActionService>().RunAsync(zbz, repeat.Id, K.Merge, new(TargetCaseId: second.Id), version)));

        results.Count(r => r.IsSuccess).ShouldBe(1);
        results.Single(r => r.IsFailure).Error.Code.ShouldBeOneOf("Case.Conflict", "Case.WrongState");
        var merged = await CaseAsync(services, repeat.Id);
        merged.History.Count(h => h.Action == CaseAction.MergedInto).ShouldBe(1);
        var targets = new[] { await CaseAsync(services, first.Id), await CaseAsync(services, second.Id) };
        targets.Sum(t => t.History.Count(h => h.Action == CaseAction.DuplicateMerged)).ShouldBe(1);
        targets.Single(t => t.History.Any(h => h.Action == CaseAction.DuplicateMerged)).Id.ShouldBe(merged.MergedIntoId!.Value);
    }
}
