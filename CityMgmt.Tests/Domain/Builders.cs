using CityMgmt.Domain.Calendar;
using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Categories;
using CityMgmt.Domain.Geo;

namespace CityMgmt.Tests.Domain;

/// <summary>Puts aggregates into any state for tests.</summary>
public static class Builders
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    public static readonly Actor Supervisor = new("u-jdy", "张监督", "Supervisor");
    public static readonly Actor Operator = new("u-sly", "李受理", "Operator");
    public static readonly Actor Leader = new("u-zbz", "王值班", "ShiftLeader");
    public static readonly Actor Dispatcher = new("u-pqy", "赵派遣", "Dispatcher");
    public static readonly Actor Handler = new("u-czry", "刘处置", "Handler");

    public static Category EventMinor(string name = "暴露垃圾", decimal hours = 4)
    {
        var major = Category.CreateMajor(CategoryKind.Event, "01", "市容环境").Value;
        return Category.CreateMinor(major, "02", name, new MinorClassRules("暴露垃圾超过0.5平方米", "清理干净", new TimeLimit(hours, TimeLimitUnit.WorkingHours))).Value;
    }

    public static NewCaseReport Report(CaseSource source = CaseSource.SupervisorReport, string description = "人民路口东50米暴露垃圾", string? phone = null) =>
        new(source, Guid.NewGuid(), new GeoPoint(104.01, 30.51), "人民路12号附近", description,
            new CaseLocation(Guid.NewGuid(), "519901002003017", Guid.NewGuid(), Guid.NewGuid()), ReporterPhone: phone);

    public static CityCase NewCase(CaseSource source = CaseSource.SupervisorReport, int sequence = 1) =>
        CityCase.Report(Report(source, phone: source == CaseSource.Hotline ? "13800001111" : null),
            CaseNumber.Create(new DateOnly(2026, 3, 2), sequence).Value, EventMinor(), source == CaseSource.SupervisorReport ? Supervisor : Operator, Now).Value;

    /// <summary>A case walked to the given status along the main path.</summary>
    public static CityCase CaseIn(CaseStatus status, CaseSource source = CaseSource.SupervisorReport)
    {
        var item = NewCase(source);
        var t = Now;
        var steps = new List<Func<bool>>
        {
            () => item.Register(Operator, t = t.AddMinutes(5), t.AddMinutes(30)).IsSuccess,
            () => item.Status != CaseStatus.PendingVerification || item.ConfirmVerification(Supervisor, t = t.AddMinutes(10), t.AddMinutes(30)).IsSuccess,
            () => item.File(Leader, t = t.AddMinutes(5), t.AddMinutes(30)).IsSuccess,
            () => item.Dispatch(Dispatcher, t = t.AddMinutes(5), Guid.NewGuid(), t.AddHours(4)).IsSuccess,
            () => item.ReportDisposal(Handler, t = t.AddHours(2), t.AddMinutes(30)).IsSuccess,
            () => item.PassCheck(Supervisor, t = t.AddMinutes(20), t.AddMinutes(30)).IsSuccess,
            () => item.Close(Leader, t = t.AddMinutes(5), ClosingKind.Normal).IsSuccess,
        };
        foreach (var step in steps)
        {
            if (item.Status == status)
            {
                return item;
            }

            step().ShouldBeTrue($"could not advance from {item.Status}");
        }

        item.Status.ShouldBe(status);
        return item;
    }
}
