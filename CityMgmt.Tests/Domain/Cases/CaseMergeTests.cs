using CityMgmt.Domain.Cases;
using static CityMgmt.Tests.Domain.Builders;

namespace CityMgmt.Tests.Domain.Cases;

public class CaseMergeTests
{
    private static readonly CityMgmt.Domain.Categories.Category Garbage = EventMinor();

    private static CityCase Reported(int sequence, CaseSource source = CaseSource.Citizen) =>
        CityCase.Report(Report(source), CaseNumber.Create(new DateOnly(2026, 3, 2), sequence).Value, Garbage, Operator, Now).Value;

    [Fact]
    public void MergeInto_EndsTheReportAndWritesALineOnBothCases()
    {
        var target = Reported(1);
        target.Register(Operator, Now.AddMinutes(1), Now.AddMinutes(30)).IsSuccess.ShouldBeTrue();
        var repeat = Reported(2);

        repeat.MergeInto(Operator, Now.AddMinutes(5), target, null).IsSuccess.ShouldBeTrue();

        (repeat.Status, repeat.MergedIntoId, repeat.Status.IsFinal()).ShouldBe((CaseStatus.Merged, (Guid?)target.Id, true));
        repeat.History.Last().Comment.ShouldBe("重复上报，已合并至案件20260302-00001");
        (target.Status, target.History.Last().Action, target.History.Last().FromStatus).ShouldBe((CaseStatus.PendingVerification, CaseAction.DuplicateMerged, CaseStatus.PendingVerification));
        target.History.Last().Comment.ShouldBe("合并重复上报案件20260302-00002（市民）");
    }

    [Fact]
    public void MergeInto_OnlyFromTheQueue_IntoAnotherOpenCaseOfTheSameClass()
    {
        var target = Reported(1);
        var registered = Reported(3);
        registered.Register(Operator, Now, Now.AddMinutes(30));
        var otherClass = CityCase.Report(Report(CaseSource.Citizen), CaseNumber.Create(new DateOnly(2026, 3, 2), 4).Value, EventMinor(), Operator, Now).Value;
        var cancelled = Reported(5);
        cancelled.Cancel(Leader, Now, "无效");
        var repeat = Reported(2);

        registered.MergeInto(Operator, Now, target, null).Error.Message.ShouldBe("案件当前状态为“待核实”，不能合并");
        repeat.MergeInto(Operator, Now, repeat, null).Error.Code.ShouldBe("Case.MergeIntoSelf");
        repeat.MergeInto(Operator, Now, otherClass, null).Error.Code.ShouldBe("Case.MergeOtherClass");
        repeat.MergeInto(Operator, Now, cancelled, null).Error.Message.ShouldBe("目标案件已“已作废”，不能合并到已办结的案件");
        (repeat.Status, repeat.History.Count, target.History.Count).ShouldBe((CaseStatus.Reported, 1, 1));
    }
}
