using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using CityMgmt.Domain.Components;
using CityMgmt.Infrastructure.Geo.Export;
using CityMgmt.Infrastructure.Geo.Import;
using CityMgmt.Tests.Support;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;
using static CityMgmt.Tests.Infrastructure.Geo.Import.ImportHost;

namespace CityMgmt.Tests.Infrastructure.Geo.Import;

/// <summary>Exports read back by independent readers (System.Text.Json, the shapefile reader, a CSV reader) and compared with the database.</summary>
public sealed class ExportTests
{
    private static async Task<byte[]> ExportAsync(TestServices services, BaseDataKind kind, BaseDataFormat format)
    {
        using var output = new MemoryStream();
        await services.Services.CreateScope().ServiceProvider.GetRequiredService<BaseDataExportService>().WriteAsync(kind, format, output);
        return output.ToArray();
    }

    private static async Task<Dictionary<string, CityComponent>> ComponentsAsync(TestServices services)
    {
        await using var db = services.NewDb();
        return await db.Components.AsNoTracking().ToDictionaryAsync(c => c.Code.Value);
    }

    [Fact]
    public async Task WriteAsync_ComponentsGeoJson_ParsesAndMatchesDatabase()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var stored = await ComponentsAsync(services);

        using var json = JsonDocument.Parse(await ExportAsync(services, BaseDataKind.Component, BaseDataFormat.GeoJson));

        json.RootElement.GetProperty("type").GetString().ShouldBe("FeatureCollection");
        var features = json.RootElement.GetProperty("features").EnumerateArray().ToList();
        features.Count.ShouldBe(stored.Count);
        foreach (var feature in features.Where((_, i) => i % 97 == 0))
        {
            var props = feature.GetProperty("properties");
            var component = stored[props.GetProperty("ObjID").GetString()!];
            props.GetProperty("ObjName").GetString().ShouldBe(component.Name);
            props.GetProperty("ObjState").GetString().ShouldBe(component.State.DisplayName());
            props.GetProperty("CHDate").GetString().ShouldBe(component.ChangeDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            var geometry = feature.GetProperty("geometry");
            geometry.GetProperty("type").GetString().ShouldBe(component.Shape!.GeometryType);
            var first = geometry.GetProperty("type").GetString() switch
            {
                "Point" => geometry.GetProperty("coordinates"),
                "LineString" => geometry.GetProperty("coordinates")[0],
                _ => geometry.GetProperty("coordinates")[0][0],
            };
            first[0].GetDouble().ShouldBe(component.Shape.Coordinates[0].X, 1e-9);
            first[1].GetDouble().ShouldBe(component.Shape.Coordinates[0].Y, 1e-9);
        }
    }

    [Fact]
    public async Task WriteAsync_ComponentsShapefile_ReadBackWithUtf8CpgAndCgcs2000Prj()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var stored = await ComponentsAsync(services);
        var folder = TestServices.NewFolder();
        try
        {
            await using (var zip = new ZipArchive(new MemoryStream(await ExportAsync(services, BaseDataKind.Component, BaseDataFormat.Shapefile))))
            {
                zip.ExtractToDirectory(folder);
            }

            File.ReadAllText(Path.Combine(folder, "components_point.cpg")).Trim().ShouldBe("UTF-8");
            File.ReadAllText(Path.Combine(folder, "components_point.prj")).ShouldContain("China_2000");
            var seen = 0;
            foreach (var shp in Directory.GetFiles(folder, "*.shp"))
            {
                foreach (var feature in Shapefile.ReadAllFeatures(shp, new() { Encoding = Encoding.UTF8 }))
                {
                    var component = stored[(string)feature.Attributes["ObjID"]];
                    ((string)feature.Attributes["ObjName"]).ShouldBe(component.Name);
                    ((string)feature.Attributes["DeptName3"] ?? string.Empty).ShouldBe(component.MaintenanceUnit ?? string.Empty);
                    ((DateTime)feature.Attributes["ORDate"]).ShouldBe(component.InitialDate.ToDateTime(TimeOnly.MinValue));
                    feature.Geometry.Coordinates[0].X.ShouldBe(component.Shape!.Coordinates[0].X, 1e-9);
                    seen++;
                }
            }

            seen.ShouldBe(stored.Count);
            Directory.GetFiles(folder, "*.shp").Select(Path.GetFileName).ShouldBe(["components_line.shp", "components_point.shp", "components_polygon.shp"], ignoreOrder: true);
        }
        finally
        {
            TestServices.TryDelete(folder);
        }
    }

    [Fact]
    public async Task WriteAsync_ComponentsCsv_ParsesAndMatchesDatabase()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var stored = await ComponentsAsync(services);
        var bytes = await ExportAsync(services, BaseDataKind.Component, BaseDataFormat.Csv);
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });

        using var csv = CsvReader.Create(new MemoryStream(bytes), new CsvReaderOptions(), leaveOpen: false);
        var rows = 0;
        while (csv.Read())
        {
            var component = stored[csv.GetString("ObjID")!];
            csv.GetString("ObjName").ShouldBe(component.Name);
            csv.GetString("DeptName3").ShouldBe(component.MaintenanceUnit ?? string.Empty);
            if (component.Shape is Point point)
            {
                double.Parse(csv.GetString("Longitude")!, CultureInfo.InvariantCulture).ShouldBe(point.X, 1e-7);
                csv.GetString("WKT").ShouldBeNullOrEmpty();
            }
            else
            {
                csv.GetString("WKT")!.ShouldStartWith(component.Shape!.GeometryType.ToUpperInvariant());
            }

            rows++;
        }

        rows.ShouldBe(stored.Count);
    }

    [Fact]
    public async Task WriteAsync_GridsGeoJson_CarriesCodesCommunityAndArea()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var db = services.NewDb();
        var grids = await db.Grids.AsNoTracking().ToDictionaryAsync(g => g.Code.Value);

        using var json = JsonDocument.Parse(await ExportAsync(services, BaseDataKind.Grid, BaseDataFormat.GeoJson));

        var features = json.RootElement.GetProperty("features").EnumerateArray().ToList();
        features.Count.ShouldBe(grids.Count);
        var props = features[0].GetProperty("properties");
        var grid = grids[props.GetProperty("BGID").GetString()!];
        props.GetProperty("CommCode").GetString().ShouldBe(grid.Code.CommunityCode);
        props.GetProperty("Area").GetDouble().ShouldBe(grid.AreaSquareMetres, 0.01);
        features[0].GetProperty("geometry").GetProperty("type").GetString().ShouldBe("Polygon");
    }

    [Theory]
    [InlineData(BaseDataFormat.GeoJson, "round.geojson")]
    [InlineData(BaseDataFormat.Shapefile, "round.zip")]
    [InlineData(BaseDataFormat.Csv, "round.csv")]
    public async Task Export_ThenImport_EveryComponentUnchanged(BaseDataFormat format, string fileName)
    {
        await using var services = await TestServices.FromTemplateAsync();
        var before = await CountsAsync(services);
        var file = await ExportAsync(services, BaseDataKind.Component, format);

        var report = (await ImportAsync(services, BaseDataKind.Component, format, file, fileName)).Ok();

        report.Errors.ShouldBeEmpty();
        report.Unchanged.ShouldBe(before.Components);
        (await CountsAsync(services)).ShouldBe(before with { Audit = before.Audit + 1 });
    }

    [Fact]
    public async Task Export_GridsAndCommunitiesThenImport_Unchanged()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var before = await CountsAsync(services);

        var communities = (await ImportAsync(services, BaseDataKind.Community, BaseDataFormat.Shapefile,
            await ExportAsync(services, BaseDataKind.Community, BaseDataFormat.Shapefile), "c.zip")).Ok();
        var grids = (await ImportAsync(services, BaseDataKind.Grid, BaseDataFormat.GeoJson,
            await ExportAsync(services, BaseDataKind.Grid, BaseDataFormat.GeoJson), "g.geojson")).Ok();

        communities.Errors.ShouldBeEmpty();
        grids.Errors.ShouldBeEmpty();
        grids.Unchanged.ShouldBe(before.Grids);
        (await CountsAsync(services)).Grids.ShouldBe(before.Grids);
    }
}
