using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Components;
using CityMgmt.Domain.Divisions;
using CityMgmt.Domain.Grids;
using CityMgmt.Domain.Organisation;
using CityMgmt.Domain.Workflows.Runtime;
using CityMgmt.Infrastructure.Seeding;
using CityMgmt.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityMgmt.Tests.Infrastructure.Seeding;

public class DemoSeedTests
{
    [Fact]
    public void FullLayout_HasAtLeast1300GridsOfAbout100Metres()
    {
        var geography = DemoGeography.Build(DemoLayout.For(SeedProfile.Full));

        geography.Grids.Count.ShouldBeGreaterThanOrEqualTo(1300);
        geography.Grids.ShouldAllBe(g => g.AreaSquareMetres > 9_000 && g.AreaSquareMetres < 11_000);
        geography.Grids.Select(g => g.Code).Distinct().Count().ShouldBe(geography.Grids.Count);
        DemoLayout.For(SeedProfile.Full).Components.ShouldBe(170_000);
    }

    [Fact]
    public void FullLayout_GridsDoNotOverlapAndLieInTheirCommunity()
    {
        var geography = DemoGeography.Build(DemoLayout.For(SeedProfile.Full));
        var communities = geography.Divisions.Where(d => d.Level == DivisionLevel.Community).ToDictionary(d => d.Id);

        geography.Grids.ShouldAllBe(g => communities[g.CommunityId].Shape!.Covers(g.Shape!));
        var overlapping = geography.Grids.Sum(g => geography.Grids.Count(o => o != g && o.Shape!.Relate(g.Shape!, "2********")));
        overlapping.ShouldBe(0);
    }

    [Fact]
    public async Task Seed_UnderARetryingStrategy_TransientFailureAtTheMarker_LeavesWhatOneUndisturbedSeedLeaves()
    {
        // SQL Server's retrying strategy refuses a transaction begun outside it, and reruns the unit after a
        // transient failure: the rerun must start from nothing and leave exactly one demo county.
        await using var undisturbed = await SeedAsync(new FailFirstInsertInto("NoSuchTable"));
        var failOnce = new FailFirstInsertInto("Settings");

        await using var retried = await SeedAsync(failOnce);

        failOnce.Failed.ShouldBeTrue();
        var counts = await CountsAsync(retried);
        counts.ShouldBe(await CountsAsync(undisturbed));
        counts.Cases.ShouldBe(DemoLayout.For(SeedProfile.Small).Cases);
        await using var db = retried.NewDb();
        (await db.Settings.CountAsync(s => s.Key == DemoCountySeeder.MarkerKey)).ShouldBe(1);
    }

    private static async Task<TestServices> SeedAsync(FailFirstInsertInto interceptor)
    {
        var services = await TestServices.CreateEmptyAsync();
        await using var scope = services.Services.CreateAsyncScope();
        var factory = RetryingContexts.Factory(services, interceptor);
        await ActivatorUtilities.CreateInstance<DemoCountySeeder>(scope.ServiceProvider, factory).SeedAsync(CancellationToken.None);
        return services;
    }

    private static async Task<(int Cases, int History, int OrgUnits, int Grids, int Components, int Instances, int Tasks)> CountsAsync(TestServices services)
    {
        await using var db = services.NewDb();
        return (await db.Cases.CountAsync(), await db.CaseHistory.CountAsync(), await db.OrgUnits.CountAsync(), await db.Grids.CountAsync(),
            await db.Components.CountAsync(), await db.WorkflowInstances.CountAsync(), await db.WorkflowTasks.CountAsync());
    }

    [Fact]
    public async Task SmallDemo_HasOneUserPerRoleAndEveryRowHasValidCodesAndOwners()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var db = services.NewDb();

        var roles = await db.Roles.Where(r => db.UserRoles.Any(ur => ur.RoleId == r.Id)).Select(r => r.Name).ToListAsync();
        roles.ShouldBe(StaffRole.All, ignoreOrder: true);
        var grids = await db.Grids.AsNoTracking().ToListAsync();
        grids.ShouldAllBe(g => GridCode.Parse(g.Code.Value).IsSuccess);
        var components = await db.Components.AsNoTracking().ToListAsync();
        components.Count.ShouldBeGreaterThan(2500);
        components.ShouldAllBe(c => ComponentCode.Parse(c.Code.Value, ComponentCodeScheme.Standard16).IsSuccess);
        var departments = await db.OrgUnits.Where(o => o.Kind == OrgUnitKind.Department).Select(o => o.Id).ToListAsync();
        components.ShouldAllBe(c => departments.Contains(c.OwnerDepartmentId));
        (await db.OrgUnits.CountAsync(o => o.Kind == OrgUnitKind.SubCentre)).ShouldBe(4);
        departments.Count.ShouldBe(12);
    }

    [Fact]
    public async Task SmallDemo_CasesHaveConsistentTimelinesWithinTheLast90Days()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var db = services.NewDb();
        var cases = await db.Cases.AsNoTracking().Include(c => c.History).ToListAsync();
        var now = DateTimeOffset.UtcNow;

        cases.Count.ShouldBe(40);
        cases.ShouldAllBe(c => c.ReportedAt > now.AddDays(-91) && c.ReportedAt <= now);
        cases.ShouldAllBe(c => c.History.Count == c.HistoryCount && c.History.OrderBy(h => h.Sequence).Last().ToStatus == c.Status);
        cases.Where(c => c.Status == CaseStatus.InDisposal).ShouldAllBe(c => c.DepartmentId != null && c.DisposalDeadline != null);
        cases.Select(c => c.Number).Distinct().Count().ShouldBe(cases.Count);
    }

    [Fact]
    public async Task SmallDemo_EveryOpenCaseWaitsAtExactlyOneTask_TheReplayClosedTheEarlierOnes()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var db = services.NewDb();
        var open = await db.WorkflowTasks.AsNoTracking()
            .Where(t => t.Status == WorkflowTaskStatus.Open)
            .GroupBy(t => t.CaseId).Select(g => new { CaseId = g.Key, Count = g.Count() }).ToListAsync();
        var openCases = await db.Cases.AsNoTracking().Select(c => new { c.Id, c.Status }).ToListAsync();

        open.ShouldAllBe(t => t.Count == 1);
        open.Select(t => t.CaseId).ShouldBe(openCases.Where(c => !c.Status.IsFinal()).Select(c => c.Id), ignoreOrder: true);
    }

    [Fact]
    public async Task Seed_RunAgainOnASeededDatabase_CreatesNothingTwice()
    {
        await using var services = await TestServices.FromTemplateAsync();
        async Task<int[]> CountAsync()
        {
            await using var db = services.NewDb();
            return [await db.Grids.CountAsync(), await db.Components.CountAsync(), await db.Cases.CountAsync(), await db.Users.CountAsync(), await db.Categories.CountAsync(), await db.Divisions.CountAsync(), await db.CalendarDays.CountAsync()];
        }

        var before = await CountAsync();
        await services.MigrateAsync();
        await services.MigrateAsync();

        (await CountAsync()).ShouldBe(before);
    }
}
