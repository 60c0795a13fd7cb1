using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Categories;
using CityMgmt.Domain.Geo;
using CityMgmt.Domain.Geocoding;
using CityMgmt.Infrastructure.Cases;
using CityMgmt.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Tests.Infrastructure.Field;

/// <summary>Places inside the demo county's grids and cases reported there through the real services.</summary>
internal static class FieldKit
{
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /// <summary>Centres of <paramref name="count"/> unit grids of 城关街道 that the geocoder places in that grid.</summary>
    /// <param name="distinctAreas">Each place in another supervisor responsibility grid (责任网格).</param>
    public static async Task<List<(GeoPoint Point, PointLocation Location)>> PlacesAsync(TestServices services, int count, bool distinctAreas = false)
    {
        await using var db = services.NewDb();
        var grids = await (from g in db.Grids.AsNoTracking()
                           join s in db.Divisions on g.StreetId equals s.Id
                           where s.Name == "城关街道"
                           orderby g.Code
                           select new { g.Id, g.MinX, g.MinY, g.MaxX, g.MaxY }).Take(distinctAreas ? 400 : 60).ToListAsync();
        var geocoder = services.Get<IGeocoder>();
        var places = new List<(GeoPoint, PointLocation)>();
        foreach (var grid in grids)
        {
            var point = new GeoPoint((grid.MinX + grid.MaxX) / 2, (grid.MinY + grid.MaxY) / 2);
            var location = await geocoder.LocateAsync(point);
            var fresh = !distinctAreas || places.TrueForAll(p => p.Item2.ResponsibilityGridId != location.ResponsibilityGridId);
            if (location.GridId == grid.Id && fresh && places.Count < count)
            {
                places.Add((point, location));
            }
        }

        places.Count.ShouldBe(count);
        return places;
    }

    public static async Task<Guid> CategoryAsync(TestServices services)
    {
        await using var db = services.NewDb();
        return await db.Categories.Where(c => c.Kind == CategoryKind.Event && c.MajorCode == "01" && c.MinorCode == "02").Select(c => c.Id).SingleAsync();
    }

    /// <summary>A 12319 call at <paramref name="place"/>, registered by 受理员: the grid's supervisor gets the 核实 task.</summary>
    public static async Task<Guid> HotlineAwaitingVerificationAsync(TestServices services, (GeoPoint Point, PointLocation Location) place, string description)
    {
        var at = place.Location;
        var report = new NewCaseReport(CaseSource.Hotline, await CategoryAsync(services), place.Point, "城关街道" + description, description,
            new CaseLocation(at.GridId, at.GridCode, at.CommunityId, at.StreetId), ReporterName: "市民王先生", ReporterPhone: "13800001111");
        var number = await services.Get<CaseReportingService>().ReportAsync(await services.StaffAsync("sly"), report);
        number.IsSuccess.ShouldBeTrue(number.IsFailure ? number.Error.Message : null);
        await using var db = services.NewDb();
        var id = await db.Cases.Where(c => c.Number == number.Value).Select(c => c.Id).SingleAsync();
        (await services.Get<CaseActionService>().RunAsync(await services.StaffAsync("sly"), id, CaseActionKind.Register, CaseActionInput.Empty)).IsSuccess.ShouldBeTrue();
        return id;
    }
}
