using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Categories;
using static CityMgmt.Tests.Domain.Builders;

namespace CityMgmt.Tests.Domain.Cases;

public class CaseCreationTests
{
    private static readonly CaseNumber Number = CaseNumber.Create(new DateOnly(2026, 3, 2), 1).Value;

    [Fact]
    public void Report_ValidSupervisorReport_StartsAtReportedWithOneHistoryLine()
    {
        var item = CityCase.Report(Report(), Number, EventMinor(), Supervisor, Now).Value;

        item.Status.ShouldBe(CaseStatus.Reported);
        item.ReportedAt.ShouldBe(Now);
        item.ReporterUserId.ShouldBe(Supervisor.UserId);
        item.History.Count.ShouldBe(1);
        var entry = item.History.Single();
        (entry.Sequence, entry.Action, entry.ActorName, entry.Comment).ShouldBe((1, CaseAction.Reported, "张监督", "来源：监督员上报"));
    }

    [Theory]
    [InlineData("", "问题描述不能为空")]
    [InlineData("   ", "问题描述不能为空")]
    public void Report_NoDescription_IsRefused(string description, string message) =>
        CityCase.Report(Report(description: description), Number, EventMinor(), Supervisor, Now).Error.Message.ShouldBe(message);

    [Fact]
    public void Report_DescriptionOver2000Characters_IsRefused() =>
        CityCase.Report(Report(description: new string('垃', 2001)), Number, EventMinor(), Supervisor, Now).Error.Code.ShouldBe("Case.DescriptionTooLong");

    [Fact]
    public void Report_EmptyAddress_IsRefused() =>
        CityCase.Report(Report() with { Address = " " }, Number, EventMinor(), Supervisor, Now).Error.Message.ShouldContain("请填写问题地址");

    [Fact]
    public void Report_HotlineWithoutCallerPhone_IsRefused() =>
        CityCase.Report(Report(CaseSource.Hotline), Number, EventMinor(), Operator, Now).Error.Message.ShouldBe("热线来电必须登记来电号码");

    [Theory]
    [InlineData("13800001111", true)]
    [InlineData("0838-1234567", true)]
    [InlineData("+86 13800001111", true)]
    [InlineData("12345", false)]
    [InlineData("phone", false)]
    public void Report_CallerPhone_IsChecked(string phone, bool ok) =>
        CityCase.Report(Report(CaseSource.Hotline, phone: phone), Number, EventMinor(), Operator, Now).IsSuccess.ShouldBe(ok);

    [Fact]
    public void Report_MajorClass_IsRefused()
    {
        var major = Category.CreateMajor(CategoryKind.Event, "01", "市容环境").Value;

        CityCase.Report(Report(), Number, major, Supervisor, Now).Error.Message.ShouldBe("请选择具体的部件或事件小类");
    }

    [Fact]
    public void Report_InactiveClass_IsRefused()
    {
        var category = EventMinor();
        category.Deactivate();

        CityCase.Report(Report(), Number, category, Supervisor, Now).Error.Code.ShouldBe("Case.CategoryInactive");
    }

    [Theory]
    [InlineData(CaseSource.Citizen, CaseStatus.PendingVerification)]
    [InlineData(CaseSource.Video, CaseStatus.PendingVerification)]
    [InlineData(CaseSource.Media, CaseStatus.PendingVerification)]
    [InlineData(CaseSource.SupervisorReport, CaseStatus.PendingFiling)]
    [InlineData(CaseSource.UpperAssignment, CaseStatus.PendingFiling)]
    public void Register_BySource_GoesToVerificationOrFiling(CaseSource source, CaseStatus expected)
    {
        var item = NewCase(source);

        item.Register(Operator, Now.AddMinutes(1), Now.AddMinutes(31)).IsSuccess.ShouldBeTrue();

        item.Status.ShouldBe(expected);
        item.StageDeadline.ShouldBe(Now.AddMinutes(31));
    }
}
