using CityMgmt.Domain.Cases;
using static CityMgmt.Tests.Domain.Builders;

namespace CityMgmt.Tests.Domain.Cases;

public class CaseBranchTests
{
    [Fact]
    public void ReturnToDispatch_ClearsTheDepartmentAndRecordsWhoReturnedIt()
    {
        var item = CaseIn(CaseStatus.InDisposal);
        var department = item.DepartmentId;

        item.ReturnToDispatch(Handler, Now.AddHours(1), Now.AddHours(2), "不属于本单位职责").IsSuccess.ShouldBeTrue();

        (item.Status, item.DepartmentId, item.DisposalDeadline).ShouldBe((CaseStatus.PendingDispatch, (Guid?)null, (DateTimeOffset?)null));
        item.History.Last().DepartmentId.ShouldBe(department);
        item.ReturnToDispatch(Handler, Now.AddHours(1), Now.AddHours(2), "x").Error.Code.ShouldBe("Case.WrongState");
    }

    [Fact]
    public void ReturnToDispatch_WithoutReason_IsRefused() =>
        CaseIn(CaseStatus.InDisposal).ReturnToDispatch(Handler, Now, Now.AddHours(1), " ").Error.Message.ShouldBe("请填写原因");

    [Fact]
    public void Extend_MovesTheDeadlineLaterOnly()
    {
        var item = CaseIn(CaseStatus.InDisposal);
        var current = item.DisposalDeadline!.Value;

        item.Extend(Dispatcher, Now.AddHours(1), current.AddHours(-1), null).Error.Message.ShouldBe("延期后的处置期限必须晚于原期限");
        item.Extend(Dispatcher, Now.AddHours(1), current.AddDays(2), "同意延期").IsSuccess.ShouldBeTrue();

        item.DisposalDeadline.ShouldBe(current.AddDays(2));
        (item.Status, item.History.Last().Action).ShouldBe((CaseStatus.InDisposal, CaseAction.Extended));
    }

    [Fact]
    public void Park_ThenResume_GoesBackToDisposalWithTheNewDeadline()
    {
        var item = CaseIn(CaseStatus.InDisposal);
        var department = item.DepartmentId;

        item.Park(Dispatcher, Now.AddHours(1), "纳入年度改造计划").IsSuccess.ShouldBeTrue();
        item.Status.ShouldBe(CaseStatus.Parked);
        item.ReportDisposal(Handler, Now.AddHours(2), Now.AddHours(3)).Error.Message.ShouldBe("案件当前状态为“已挂账”，不能处置反馈");
        item.Resume(Dispatcher, Now.AddDays(3), Now.AddDays(3).AddHours(2), null).IsSuccess.ShouldBeTrue();

        (item.Status, item.DepartmentId, item.DisposalDeadline).ShouldBe((CaseStatus.InDisposal, department, (DateTimeOffset?)Now.AddDays(3).AddHours(2)));
        item.History.TakeLast(2).Select(h => h.Action).ShouldBe([CaseAction.Parked, CaseAction.Resumed]);
    }

    [Fact]
    public void Park_OutsideDisposal_AndResumeNotParkedOrIntoThePast_AreRefused()
    {
        CaseIn(CaseStatus.PendingCheck).Park(Dispatcher, Now, null).Error.Message.ShouldBe("案件当前状态为“待核查”，不能挂账");
        CaseIn(CaseStatus.InDisposal).Resume(Dispatcher, Now, Now.AddHours(1), null).Error.Message.ShouldBe("案件当前状态为“处置中”，不能挂账恢复");
        var parked = CaseIn(CaseStatus.InDisposal);
        parked.Park(Dispatcher, Now.AddHours(1), null);
        parked.Resume(Dispatcher, Now.AddHours(2), Now.AddHours(1), null).Error.Code.ShouldBe("Case.DeadlineInPast");
        parked.Status.ShouldBe(CaseStatus.Parked);
    }

    [Theory]
    [InlineData(CaseAction.SignedFor)]
    [InlineData(CaseAction.Urged)]
    [InlineData(CaseAction.ParkRequested)]
    [InlineData(CaseAction.ParkRefused)]
    [InlineData(CaseAction.CancelRequested)]
    [InlineData(CaseAction.CancelRefused)]
    [InlineData(CaseAction.ExtensionRequested)]
    [InlineData(CaseAction.ExtensionRefused)]
    public void Note_RequestsAndDecisionsWithoutStatusChange_AreTimelineLines(CaseAction action)
    {
        var item = CaseIn(CaseStatus.InDisposal);

        item.Note(Handler, Now.AddHours(1), action, "意见").IsSuccess.ShouldBeTrue();

        (item.Status, item.History.Last().Action, item.History.Last().Comment).ShouldBe((CaseStatus.InDisposal, action, "意见"));
    }

    [Theory]
    [InlineData(CaseAction.Parked)]
    [InlineData(CaseAction.Resumed)]
    [InlineData(CaseAction.Closed)]
    public void Note_StatusChangingAction_IsRefused(CaseAction action) =>
        CaseIn(CaseStatus.InDisposal).Note(Handler, Now, action, null).Error.Code.ShouldBe("Case.NotInformational");

    [Fact]
    public void Close_WithKind_KeepsTheKindUnlessOverdue()
    {
        var special = CaseIn(CaseStatus.PendingClose);
        special.Close(Leader, Now.AddHours(3), ClosingKind.Special, "领导交办").IsSuccess.ShouldBeTrue();
        special.ClosingKind.ShouldBe(ClosingKind.Special);
        special.History.Last().Comment.ShouldBe("特殊结案：领导交办");
    }
}
