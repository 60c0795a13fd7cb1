using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Categories;
using CityMgmt.Domain.Geo;
using CityMgmt.Infrastructure.Cases;
using CityMgmt.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Tests.Infrastructure.Persistence;

public class CaseReportingTests
{
    private static async Task<NewCaseReport> ReportAsync(TestServices services, CaseSource source = CaseSource.SupervisorReport)
    {
        await using var db = services.NewDb();
        var category = await db.Categories.FirstAsync(c => c.Kind == CategoryKind.Event && c.MinorCode == "02" && c.MajorCode == "01");
        var grid = await db.Grids.FirstAsync();
        return new NewCaseReport(source, category.Id, new GeoPoint(104.01, 30.51), "人民路12号附近", "暴露垃圾约2平方米",
            new CaseLocation(grid.Id, grid.Code.Value, grid.CommunityId, grid.StreetId), ReporterPhone: source == CaseSource.Hotline ? "13800001111" : null);
    }

    [Fact]
    public async Task Report_BySupervisor_PersistsCaseNumberAndFirstHistoryLine()
    {
        var clock = TestClock.Create(new DateTimeOffset(2027, 1, 5, 1, 0, 0, TimeSpan.Zero));
        await using var services = await TestServices.FromTemplateAsync(clock);
        var jdy = await services.StaffAsync("jdy");

        var number = await services.Get<CaseReportingService>().ReportAsync(jdy, await ReportAsync(services));

        number.Value.Value.ShouldBe("20270105-00001");
        await using var db = services.NewDb();
        var saved = await db.Cases.Include(c => c.History).SingleAsync(c => c.Number == number.Value);
        saved.Status.ShouldBe(CaseStatus.Reported);
        saved.History.Single().ActorName.ShouldBe("张监督");
        saved.CreatedBy.ShouldBe("test");
    }

    [Fact]
    public async Task Report_ByDepartmentHandler_IsRefusedAndNothingIsSaved()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var czry = await services.StaffAsync("czry");
        int before;
        await using (var db = services.NewDb())
        {
            before = await db.Cases.CountAsync();
        }

        var result = await services.Get<CaseReportingService>().ReportAsync(czry, await ReportAsync(services));

        result.Error.Message.ShouldBe("您没有执行此操作的权限");
        await using var check = services.NewDb();
        (await check.Cases.CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Report_SupervisorSourceByOperator_IsRefused()
    {
        await using var services = await TestServices.FromTemplateAsync();

        var result = await services.Get<CaseReportingService>().ReportAsync(await services.StaffAsync("sly"), await ReportAsync(services));

        result.Error.Code.ShouldBe("Case.SourceRole");
    }

    [Fact]
    public async Task Report_ManyAtOnce_GetDistinctConsecutiveNumbers()
    {
        var clock = TestClock.Create(new DateTimeOffset(2027, 1, 5, 1, 0, 0, TimeSpan.Zero));
        await using var services = await TestServices.FromTemplateAsync(clock);
        var sly = await services.StaffAsync("sly");
        var report = await ReportAsync(services, CaseSource.Hotline);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => services.Get<CaseReportingService>().ReportAsync(sly, report))));

        results.ShouldAllBe(r => r.IsSuccess);
        results.Select(r => r.Value.Sequence).Order().ShouldBe([1, 2, 3, 4, 5, 6]);
    }
}
