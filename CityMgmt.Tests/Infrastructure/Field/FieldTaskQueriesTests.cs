using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Geo;
using CityMgmt.Domain.Workflows.Model;
using CityMgmt.Infrastructure.Cases;
using CityMgmt.Infrastructure.Field;
using CityMgmt.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CityMgmt.Tests.Infrastructure.Cases.CaseActionKit;
using K = CityMgmt.Infrastructure.Cases.CaseActionKind;

namespace CityMgmt.Tests.Infrastructure.Field;

public class FieldTaskQueriesTests
{
    [Fact]
    public async Task MineAsync_WithAPosition_ListsMyVerifyAndCheckTasksNearestFirstWithDistances()
    {
        var clock = TestClock.Create();
        await using var services = await TestServices.FromTemplateAsync(clock);
        var places = await FieldKit.PlacesAsync(services, 3);
        var first = await FieldKit.HotlineAwaitingVerificationAsync(services, places[0], "甲处垃圾");
        clock.Advance(TimeSpan.FromMinutes(5));
        var second = await FieldKit.HotlineAwaitingVerificationAsync(services, places[1], "乙处垃圾");
        clock.Advance(TimeSpan.FromMinutes(5));
        var check = await AwaitingCheckAsync(services, places[2]);
        var here = places[2].Point;

        var rows = Ours(await Queries(services).MineAsync(await services.StaffAsync("jdy"), here), first, second, check);

        var nearestFirst = new[] { (first, places[0].Point), (second, places[1].Point), (check, here) }
            .OrderBy(x => GeoMetrics.DistanceMetres(here, x.Item2)).Select(x => x.Item1).ToList();
        nearestFirst[0].ShouldBe(check, "the 核查 task opened last but lies where the phone is");
        rows.Select(r => r.CaseId).ShouldBe(nearestFirst);
        rows.Single(r => r.CaseId == check).ShouldSatisfyAllConditions(
            r => r.Stage.ShouldBe(StandardStage.Check),
            r => r.DistanceMetres.ShouldNotBeNull().ShouldBeLessThan(1),
            r => r.Answers.ShouldBe((K.CheckPass, K.CheckFail)));
        rows.Single(r => r.CaseId == first).ShouldSatisfyAllConditions(
            r => r.Stage.ShouldBe(StandardStage.Verification),
            r => r.DistanceMetres.ShouldNotBeNull().ShouldBe(GeoMetrics.DistanceMetres(here, places[0].Point), 0.01),
            r => r.DueAt.ShouldNotBeNull());
    }

    [Fact]
    public async Task MineAsync_WithoutAPosition_OrdersByDeadlineAndShowsNoDistance()
    {
        var clock = TestClock.Create();
        await using var services = await TestServices.FromTemplateAsync(clock);
        var places = await FieldKit.PlacesAsync(services, 2);
        var earlier = await FieldKit.HotlineAwaitingVerificationAsync(services, places[1], "先受理");
        clock.Advance(TimeSpan.FromMinutes(10));
        var later = await FieldKit.HotlineAwaitingVerificationAsync(services, places[0], "后受理");

        var rows = Ours(await Queries(services).MineAsync(await services.StaffAsync("jdy"), null), earlier, later);

        rows.Select(r => r.CaseId).ShouldBe([earlier, later]);
        rows.ShouldAllBe(r => r.DistanceMetres == null);
        rows[0].DueAt!.Value.ShouldBeLessThan(rows[1].DueAt!.Value);
    }

    [Fact]
    public async Task MineAsync_TaskOfAnotherSupervisorsGrid_IsNeitherListedNorOpenable()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var places = await FieldKit.PlacesAsync(services, 2, distinctAreas: true);
        await using (var db = services.NewDb())
        {
            var area = await db.Grids.Where(g => g.Id == places[1].Location.GridId).Select(g => g.ResponsibilityGridId).SingleAsync();
            (await db.ResponsibilityGrids.SingleAsync(r => r.Id == area)).AssignSupervisor("another-supervisor");
            await db.SaveChangesAsync();
        }

        var mine = await FieldKit.HotlineAwaitingVerificationAsync(services, places[0], "我的网格");
        var theirs = await FieldKit.HotlineAwaitingVerificationAsync(services, places[1], "他人网格");
        var jdy = await services.StaffAsync("jdy");

        var rows = await Queries(services).MineAsync(jdy, places[0].Point);

        rows.ShouldContain(r => r.CaseId == mine);
        rows.ShouldNotContain(r => r.CaseId == theirs);
        await using var check = services.NewDb();
        var theirTask = await check.WorkflowTasks.Where(t => t.CaseId == theirs && t.Stage == StandardStage.Verification).Select(t => t.Id).SingleAsync();
        (await Queries(services).GetAsync(jdy, theirTask)).ShouldBeNull();
        (await ActAsync(services, "jdy", theirs, K.VerifyTrue)).IsFailure.ShouldBeTrue();
    }

    [Fact]
    public async Task MineAsync_OtherRolesAndAnsweredTasks_ListNothing()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var places = await FieldKit.PlacesAsync(services, 1);
        var id = await FieldKit.HotlineAwaitingVerificationAsync(services, places[0], "已核实");

        (await Queries(services).MineAsync(await services.StaffAsync("sly"), null)).ShouldBeEmpty();
        await OkAsync(services, "jdy", id, K.VerifyTrue, new("现场属实"));
        (await Queries(services).MineAsync(await services.StaffAsync("jdy"), null)).ShouldNotContain(r => r.CaseId == id);
    }

    private static FieldTaskQueries Queries(TestServices services) => services.Get<FieldTaskQueries>();

    private static List<FieldTaskRow> Ours(IReadOnlyList<FieldTaskRow> rows, params Guid[] ids) => rows.Where(r => ids.Contains(r.CaseId)).ToList();

    /// <summary>A supervisor's report walked to 待核查: 受理, 立案, 派遣 to 市政, 签收, 处置反馈.</summary>
    private static async Task<Guid> AwaitingCheckAsync(TestServices services, (GeoPoint Point, CityMgmt.Domain.Geocoding.PointLocation Location) place)
    {
        var at = place.Location;
        var report = new NewCaseReport(CaseSource.SupervisorReport, await FieldKit.CategoryAsync(services), place.Point, "城关街道待核查", "待核查的案件",
            new CaseLocation(at.GridId, at.GridCode, at.CommunityId, at.StreetId));
        var number = await services.Get<CaseReportingService>().ReportAsync(await services.StaffAsync("jdy"), report);
        await using var db = services.NewDb();
        var id = await db.Cases.Where(c => c.Number == number.Value).Select(c => c.Id).SingleAsync();
        var sz = await db.OrgUnits.Where(o => o.Code == "SZ").Select(o => o.Id).SingleAsync();
        await OkAsync(services, "sly", id, K.Register);
        await OkAsync(services, "zbz", id, K.File);
        await OkAsync(services, "pqy", id, K.Dispatch, new(DepartmentId: sz));
        await OkAsync(services, "czry", id, K.SignFor);
        await OkAsync(services, "czry", id, K.ReportDisposal, new("已处理"));
        (await db.Cases.AsNoTracking().SingleAsync(c => c.Id == id)).Status.ShouldBe(CaseStatus.PendingCheck);
        return id;
    }
}
