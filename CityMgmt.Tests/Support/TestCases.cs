using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Categories;
using CityMgmt.Domain.Geo;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Cases;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Tests.Support;

/// <summary>Cases made through the aggregate and saved, for tests that need known departments, places and times.</summary>
public static class TestCases
{
    private static readonly Actor Supervisor = new("demo-jdy", "张监督", StaffRole.Supervisor);
    private static readonly Actor Operator = new("demo-sly", "李受理", StaffRole.Operator);
    private static readonly Actor ShiftLeader = new("demo-zbz", "王值班", StaffRole.ShiftLeader);
    private static readonly Actor Dispatcher = new("demo-pqy", "赵派遣", StaffRole.Dispatcher);

    /// <summary>Reports a case at <paramref name="reportedAt"/> and walks it to 处置中 at the department with <paramref name="departmentCode"/>.</summary>
    public static async Task<CityCase> DispatchedAsync(
        TestServices services, string departmentCode, DateTimeOffset reportedAt, int sequence,
        string? streetName = null, CaseSource source = CaseSource.SupervisorReport, string address = "测试路1号", string? phone = null, string? description = null)
    {
        await using var db = services.NewDb();
        var department = await db.OrgUnits.Where(o => o.Code == departmentCode).Select(o => o.Id).SingleAsync();
        var category = await db.Categories.Where(c => c.Kind == CategoryKind.Event && c.MinorCode != null && c.IsActive)
            .OrderBy(c => c.MajorCode).ThenBy(c => c.MinorCode).FirstAsync();
        var grids = from g in db.Grids
                    join s in db.Divisions on g.StreetId equals s.Id
                    where streetName == null || s.Name == streetName
                    orderby g.Code
                    select g;
        var grid = await grids.FirstAsync();
        phone ??= source == CaseSource.Hotline ? "13800001111" : null;
        var report = new NewCaseReport(
            source, category.Id, new GeoPoint(104.01, 30.51), address, description ?? "测试：" + category.Name,
            new CaseLocation(grid.Id, grid.Code.Value, grid.CommunityId, grid.StreetId), ReporterName: phone is null ? null : "市民王先生", ReporterPhone: phone);
        var reporter = source == CaseSource.SupervisorReport ? Supervisor : Operator;
        var item = CityCase.Report(report, CaseNumber.Create(ChinaDay.Today(reportedAt), sequence).Value, category, reporter, reportedAt).Value;
        var t = reportedAt;
        item.Register(Operator, t = t.AddMinutes(5), t.AddMinutes(30)).IsSuccess.ShouldBeTrue();
        if (item.Status == CaseStatus.PendingVerification)
        {
            item.ConfirmVerification(Supervisor, t = t.AddMinutes(5), t.AddMinutes(30)).IsSuccess.ShouldBeTrue();
        }

        item.File(ShiftLeader, t = t.AddMinutes(5), t.AddMinutes(30)).IsSuccess.ShouldBeTrue();
        item.Dispatch(Dispatcher, t = t.AddMinutes(5), department, t.AddHours(4)).IsSuccess.ShouldBeTrue();
        db.Cases.Add(item);
        await db.SaveChangesAsync();
        return item;
    }
}
