using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Categories;
using CityMgmt.Domain.Common;
using CityMgmt.Domain.Geo;
using CityMgmt.Infrastructure.Cases;
using CityMgmt.Infrastructure.Workflows;
using CityMgmt.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Tests.Infrastructure.Workflows;

/// <summary>Reports cases through the real service and works their tasks as the demo users.</summary>
internal static class WorkflowTestKit
{
    public static async Task<CityCase> ReportAsync(TestServices services, CaseSource source = CaseSource.SupervisorReport, string major = "01", string minor = "02", string? street = null)
    {
        await using var db = services.NewDb();
        var category = await db.Categories.FirstAsync(c => c.Kind == CategoryKind.Event && c.MajorCode == major && c.MinorCode == minor);
        var grid = await (from g in db.Grids
                          join s in db.Divisions on g.StreetId equals s.Id
                          where street == null || s.Name == street
                          orderby g.Code
                          select g).FirstAsync();
        var reporter = source is CaseSource.SupervisorReport or CaseSource.SelfHandled ? "jdy" : "sly";
        var report = new NewCaseReport(source, category.Id, new GeoPoint(104.01, 30.51), "人民路12号附近", "测试案件",
            new CaseLocation(grid.Id, grid.Code.Value, grid.CommunityId, grid.StreetId), ReporterPhone: source == CaseSource.Hotline ? "13800001111" : null);
        var number = await services.Get<CaseReportingService>().ReportAsync(await services.StaffAsync(reporter), report);
        number.IsSuccess.ShouldBeTrue(number.IsFailure ? number.Error.Message : null);
        await using var check = services.NewDb();
        return await check.Cases.SingleAsync(c => c.Number == number.Value);
    }

    /// <summary>The one open task of the case that <paramref name="user"/> may act on, completed with <paramref name="outcome"/>.</summary>
    public static async Task<Result> CompleteAsync(TestServices services, string user, Guid caseId, string outcome, TaskForm? form = null)
    {
        var staff = await services.StaffAsync(user);
        var inbox = services.Get<TaskInbox>();
        var task = (await inbox.ForCaseAsync(staff, caseId)).SingleOrDefault();
        if (task is null)
        {
            return new Error("Test.NoTask", $"{user} has no task on the case");
        }

        return await inbox.CompleteAsync(staff, task.Id, outcome, form ?? TaskForm.Empty);
    }

    public static async Task<Guid> DepartmentAsync(TestServices services, string code)
    {
        await using var db = services.NewDb();
        return await db.OrgUnits.Where(o => o.Code == code).Select(o => o.Id).SingleAsync();
    }

    public static async Task<CityCase> CaseAsync(TestServices services, Guid id)
    {
        await using var db = services.NewDb();
        return await db.Cases.Include(c => c.History).SingleAsync(c => c.Id == id);
    }
}
