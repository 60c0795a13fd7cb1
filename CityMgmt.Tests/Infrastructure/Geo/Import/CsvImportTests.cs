using System.Text;
using CityMgmt.Domain.Geo;
using CityMgmt.Infrastructure.Geo.Import;
using CityMgmt.Tests.Support;
using NetTopologySuite.Geometries;
using static CityMgmt.Tests.Infrastructure.Geo.Import.ImportHost;

namespace CityMgmt.Tests.Infrastructure.Geo.Import;

public sealed class CsvImportTests
{
    private const string Header = "部件标识码,部件名称,主管部门,状态,经度,纬度,备注";

    private static string Line(int sequence, string name = "CSV井盖", string state = "完好", double dx = 0) =>
        $"{Code("0102", sequence)},{name},市政所,{state},{ImportFiles.Invariant(InFirstGrid.X + dx)},{ImportFiles.Invariant(InFirstGrid.Y)},备注{sequence}";

    [Fact]
    public async Task ImportAsync_Utf8WithBom_ImportsRowsWithChineseHeaders()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var csv = ImportFiles.Csv(Encoding.UTF8, bom: true, Header, Line(920001), Line(920002, dx: 0.0001));

        var report = (await ImportAsync(services, BaseDataKind.Component, BaseDataFormat.Csv, csv, "部件.csv")).Ok();

        report.Created.ShouldBe(2);
        var component = (await ComponentAsync(services, Code("0102", 920002)))!;
        component.Name.ShouldBe("CSV井盖");
        component.Note.ShouldBe("备注920002");
        ((Point)component.Shape!).X.ShouldBe(InFirstGrid.X + 0.0001, 1e-9);
    }

    [Fact]
    public async Task ImportAsync_GbkWithoutDeclaration_DetectedAndImported()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var csv = ImportFiles.Csv(ImportFiles.Gbk, bom: false, Header, Line(920011, "国标井盖"));

        (await ImportAsync(services, BaseDataKind.Component, BaseDataFormat.Csv, csv, "gbk.csv")).Ok().Created.ShouldBe(1);

        (await ComponentAsync(services, Code("0102", 920011)))!.Name.ShouldBe("国标井盖");
    }

    [Fact]
    public async Task ImportAsync_DeclaredUtf8ButGbk_RefusedAndNothingWritten()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var before = await CountsAsync(services);
        var csv = ImportFiles.Csv(ImportFiles.Gbk, bom: false, Header, Line(920021));

        var message = (await ImportAsync(services, BaseDataKind.Component, BaseDataFormat.Csv, csv, "x.csv", encoding: TextEncodingChoice.Utf8)).Refusal();

        message.ShouldContain("不是有效的 UTF-8 编码");
        (await CountsAsync(services)).ShouldBe(before);
    }

    [Fact]
    public async Task ImportAsync_NeitherUtf8NorGbk_Refused()
    {
        await using var services = await TestServices.FromTemplateAsync();
        byte[] csv = [.. Encoding.ASCII.GetBytes("ObjID,lon,lat\r\n"), 0xFF, 0xFF, 0x80, 0x0D, 0x0A];

        var message = (await ImportAsync(services, BaseDataKind.Component, BaseDataFormat.Csv, csv, "x.csv")).Refusal();

        message.ShouldContain("既不是有效的 UTF-8 也不是有效的 GBK");
    }

    [Fact]
    public async Task ImportAsync_WktLineAndBadCoordinates_LineImportedBadRowsListedByLine()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var (x, y) = InFirstGrid;
        var csv = ImportFiles.Csv(Encoding.UTF8, bom: false, "ObjID,DeptCode1,lon,lat,WKT",
            $"{Code("0211", 920031)},JJ,,,\"LINESTRING ({x} {y}, {x + 0.0002} {y})\"",
            $"{Code("0102", 920032)},SZ,abc,{y},",
            $"{Code("0102", 920033)},SZ,{y},{x},");

        var report = (await ImportAsync(services, BaseDataKind.Component, BaseDataFormat.Csv, csv, "x.csv", ImportMode.SkipInvalidRows)).Ok();

        report.Created.ShouldBe(1);
        (await ComponentAsync(services, Code("0211", 920031)))!.Shape.ShouldBeOfType<LineString>();
        report.Errors.Select(e => e.Row).ShouldBe([3, 4]);
        report.Errors[0].Message.ShouldBe("经度或纬度不是数字");
        report.Errors[1].Message.ShouldContain("请检查经纬度是否填反");
    }

    [Fact]
    public async Task ImportAsync_Gcj02Coordinates_ConvertedToCgcs2000()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var (gx, gy) = CoordinateTransforms.Wgs84ToGcj02(InFirstGrid.X, InFirstGrid.Y);
        var csv = ImportFiles.Csv(Encoding.UTF8, bom: false, "ObjID,DeptCode1,lon,lat", $"{Code("0102", 920041)},SZ,{ImportFiles.Invariant(gx)},{ImportFiles.Invariant(gy)}");
        var service = Service(services);
        var admin = await services.StaffAsync("admin");
        using var stream = new MemoryStream(csv);

        var result = await service.ImportAsync(admin, new ImportRequest(BaseDataKind.Component, BaseDataFormat.Csv, ImportMode.AllOrNothing, "gcj.csv", stream,
            CoordinateSystem: CoordinateSystem.Gcj02));

        result.Ok().Created.ShouldBe(1);
        var point = (Point)(await ComponentAsync(services, Code("0102", 920041)))!.Shape!;
        GeoMetrics.DistanceMetres(point.X, point.Y, InFirstGrid.X, InFirstGrid.Y).ShouldBeLessThan(0.5);
    }

    [Fact]
    public async Task ImportAsync_NoPositionColumns_Refused()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var csv = ImportFiles.Csv(Encoding.UTF8, bom: false, "ObjID,ObjName", $"{Code("0102", 920051)},x");

        var message = (await ImportAsync(services, BaseDataKind.Component, BaseDataFormat.Csv, csv, "x.csv")).Refusal();

        message.ShouldContain("CSV 缺少位置列");
    }

    [Fact]
    public async Task ImportAsync_CsvForGrids_Refused()
    {
        await using var services = await TestServices.FromTemplateAsync();

        var message = (await ImportAsync(services, BaseDataKind.Grid, BaseDataFormat.Csv, "a"u8.ToArray(), "x.csv")).Refusal();

        message.ShouldContain("只能导入部件");
    }
}
