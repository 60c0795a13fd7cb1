using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Categories;
using CityMgmt.Domain.Geo;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Cases;
using CityMgmt.Infrastructure.Cases.Intake;
using CityMgmt.Infrastructure.Identity;
using CityMgmt.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityMgmt.Tests.Infrastructure.Intake;

/// <summary>Reports placed at known points, classes, streets and times, for the 受理队列's tests.</summary>
internal static class IntakeKit
{
    /// <summary>A spot away from the demo county's own cases, so only a test's reports are near it.</summary>
    public static readonly GeoPoint Spot = new(104.3, 30.8);

    public static GeoPoint East(double metres)
    {
        var (lon, lat) = GeoMetrics.Offset(Spot.Longitude, Spot.Latitude, metres, 0);
        return new GeoPoint(lon, lat);
    }

    public static async Task<CityCase> ReportAsync(
        TestServices services, GeoPoint at, CaseSource source = CaseSource.Hotline, string street = "城关街道", string minor = "02", IReadOnlyList<StoredFile>? photos = null)
    {
        await using var db = services.NewDb();
        var category = await db.Categories.FirstAsync(c => c.Kind == CategoryKind.Event && c.MajorCode == "01" && c.MinorCode == minor);
        var grid = await (from g in db.Grids
                          join s in db.Divisions on g.StreetId equals s.Id
                          where s.Name == street
                          orderby g.Code
                          select g).FirstAsync();
        var reporter = source == CaseSource.SupervisorReport ? "jdy" : "sly";
        var report = new NewCaseReport(source, category.Id, at, "人民路12号", "井盖旁堆放垃圾",
            new CaseLocation(grid.Id, grid.Code.Value, grid.CommunityId, grid.StreetId), ReporterPhone: source == CaseSource.Hotline ? "13800001111" : null);
        var number = await services.Get<CaseReportingService>().ReportAsync(await services.StaffAsync(reporter), report, photos);
        number.IsSuccess.ShouldBeTrue(number.IsFailure ? number.Error.Message : null);
        await using var check = services.NewDb();
        return await check.Cases.SingleAsync(c => c.Number == number.Value);
    }

    public static async Task<IReadOnlyList<DuplicateCandidate>> CandidatesAsync(TestServices services, string user, Guid caseId) =>
        await services.Get<IntakeQueries>().CandidatesAsync(await services.StaffAsync(user), caseId);

    /// <summary>A second 监督员 of the centre, made responsible for another grid area of <paramref name="street"/>.</summary>
    public static async Task<string> SecondSupervisorAsync(TestServices services, string street = "城关街道", string name = "孙监督")
    {
        await using var db = services.NewDb();
        var centre = await db.OrgUnits.Where(o => o.Kind == OrgUnitKind.Centre).Select(o => o.Id).FirstAsync();
        var users = services.Services.CreateScope().ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = "sjd" + Guid.NewGuid().ToString("N")[..6], DisplayName = name, OrgUnitId = centre };
        (await users.CreateAsync(user, "Demo@2026x")).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, StaffRole.Supervisor)).Succeeded.ShouldBeTrue();
        var streetId = await db.Divisions.Where(d => d.Name == street).Select(d => d.Id).SingleAsync();
        var firstGrid = await db.Grids.Where(g => g.StreetId == streetId).OrderBy(g => g.Code).Select(g => g.ResponsibilityGridId).FirstAsync();
        var area = await db.ResponsibilityGrids.Where(r => r.StreetId == streetId && r.Id != firstGrid).OrderBy(r => r.Code).FirstAsync();
        area.AssignSupervisor(user.Id);
        await db.SaveChangesAsync();
        return user.Id;
    }
}
