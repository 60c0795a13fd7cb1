using CityMgmt.Domain.Cases;
using static CityMgmt.Tests.Domain.Builders;

namespace CityMgmt.Tests.Domain.Cases;

public class CaseTransitionTests
{
    [Fact]
    public void MainPath_ToClosed_WritesOneOrderedHistoryLinePerStep()
    {
        var item = CaseIn(CaseStatus.Closed);

        item.History.Select(h => h.Action).ShouldBe(
        [
            CaseAction.Reported, CaseAction.Registered, CaseAction.Filed, CaseAction.Dispatched,
            CaseAction.DisposalReported, CaseAction.CheckPassed, CaseAction.Closed,
        ]);
        item.History.Select(h => h.Sequence).ShouldBe([1, 2, 3, 4, 5, 6, 7]);
        item.History.Zip(item.History.Skip(1)).ShouldAllBe(p => p.First.ToStatus == p.Second.FromStatus);
        item.ClosingKind.ShouldBe(ClosingKind.Normal);
        item.ClosedAt.ShouldNotBeNull();
    }

    [Fact]
    public void File_WhenStillReported_IsRefusedAndChangesNothing()
    {
        var item = NewCase();

        var result = item.File(Leader, Now, Now.AddMinutes(30));

        result.Error.Message.ShouldBe("案件当前状态为“待受理”，不能立案");
        item.Status.ShouldBe(CaseStatus.Reported);
        item.History.Count.ShouldBe(1);
    }

    [Fact]
    public void Dispatch_WithoutDepartmentOrWithPastDeadline_IsRefused()
    {
        var item = CaseIn(CaseStatus.PendingDispatch);

        item.Dispatch(Dispatcher, Now, Guid.Empty, Now.AddHours(1)).Error.Code.ShouldBe("Case.DepartmentRequired");
        item.Dispatch(Dispatcher, Now, Guid.NewGuid(), Now.AddMinutes(-1)).Error.Code.ShouldBe("Case.DeadlineInPast");
        item.Status.ShouldBe(CaseStatus.PendingDispatch);
    }

    [Fact]
    public void FailCheck_SendsBackToTheSameDepartmentAndCountsRework()
    {
        var item = CaseIn(CaseStatus.PendingCheck);
        var department = item.DepartmentId;

        item.FailCheck(Supervisor, Now.AddHours(3), "垃圾未清理干净").IsSuccess.ShouldBeTrue();

        item.Status.ShouldBe(CaseStatus.InDisposal);
        item.ReworkCount.ShouldBe(1);
        item.DepartmentId.ShouldBe(department);
        item.History.Last().Action.ShouldBe(CaseAction.CheckFailed);
        item.History.Last().Comment.ShouldBe("垃圾未清理干净");
    }

    [Fact]
    public void FailCheck_WithoutReason_IsRefused() =>
        CaseIn(CaseStatus.PendingCheck).FailCheck(Supervisor, Now, " ").Error.Message.ShouldBe("请填写原因");

    [Fact]
    public void Close_AfterTheDisposalDeadline_IsOverdueClosing()
    {
        var item = CaseIn(CaseStatus.PendingClose);

        item.Close(Leader, item.DisposalDeadline!.Value.AddHours(1), ClosingKind.Normal).IsSuccess.ShouldBeTrue();

        item.ClosingKind.ShouldBe(ClosingKind.Overdue);
        item.History.Last().Comment.ShouldBe("超时结案");
    }

    [Fact]
    public void RejectFiling_FromVerification_EndsTheCaseWithReason()
    {
        var item = CaseIn(CaseStatus.PendingVerification, CaseSource.Citizen);

        item.RejectFiling(Leader, Now.AddMinutes(20), "现场无此问题").IsSuccess.ShouldBeTrue();

        item.Status.ShouldBe(CaseStatus.NotFiled);
        item.Status.IsFinal().ShouldBeTrue();
    }

    [Fact]
    public void Cancel_ClosedCase_IsRefused() =>
        CaseIn(CaseStatus.Closed).Cancel(Leader, Now, "重复").Error.Message.ShouldBe("案件当前状态为“已结案”，不能作废");

    [Fact]
    public void IsOverdue_OpenCasePastItsDeadline_IsTrue()
    {
        var item = CaseIn(CaseStatus.InDisposal);

        item.IsOverdue(item.DisposalDeadline!.Value.AddMinutes(-1)).ShouldBeFalse();
        item.IsOverdue(item.DisposalDeadline!.Value.AddMinutes(1)).ShouldBeTrue();
    }

    [Fact]
    public void AddAttachment_TenthPhotoOfAStage_IsRefused()
    {
        var item = NewCase();
        for (var i = 0; i < 9; i++)
        {
            item.AddAttachment(Supervisor, Now, AttachmentStage.Report, $"p{i}.jpg", new string('a', 64), "image/jpeg", 1000).IsSuccess.ShouldBeTrue();
        }

        item.AddAttachment(Supervisor, Now, AttachmentStage.Report, "p9.jpg", new string('a', 64), "image/jpeg", 1000).Error.Message.ShouldBe("每个环节最多上传9张照片");
        item.AddAttachment(Supervisor, Now, AttachmentStage.Disposal, "after.jpg", new string('b', 64), "image/jpeg", 1000).IsSuccess.ShouldBeTrue();
    }
}
