using System.IO.Compression;
using System.Text;
using CityMgmt.Domain.Geo;
using CityMgmt.Infrastructure.Geo.Import;
using CityMgmt.Tests.Support;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;
using static CityMgmt.Tests.Infrastructure.Geo.Import.ImportHost;

namespace CityMgmt.Tests.Infrastructure.Geo.Import;

public sealed class ShapefileImportTests
{
    /// <summary>Chinese attribute names as county GIS files carry them (≤ 10 bytes each in GBK, as dBASE allows).</summary>
    private static readonly (string Name, int Length)[] ChineseFields = [("标识码", 20), ("名称", 60), ("主管部门", 60), ("状态", 10), ("备注", 100)];

    private static byte[] ChineseLayer(Encoding encoding, string? cpg, string? prj = ImportFiles.Cgcs2000Prj, Func<Geometry, Geometry>? project = null)
    {
        var (x, y) = InFirstGrid;
        Geometry At(double dx) => project is null ? ImportFiles.Point(x + dx, y) : project(ImportFiles.Point(x + dx, y));
        return ImportFiles.ShapefileZip(ShapeType.Point, ChineseFields,
        [
            (At(0), [Code("0102", 910001), "污水井盖甲", "市政所", "完好", "中文备注"]),
            (At(0.0001), [Code("0118", 910002), "路灯乙", "县市政设施管理所", "破损", null]),
        ], encoding, cpg, prj);
    }

    [Fact]
    public async Task ImportAsync_GbkDbfWithoutCpg_ReadsChineseNamesAndValues()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var zip = ChineseLayer(ImportFiles.Gbk, cpg: null);

        var report = (await ImportAsync(services, BaseDataKind.Component, BaseDataFormat.Shapefile, zip, "部件.zip")).Ok();

        report.Created.ShouldBe(2);
        var first = (await ComponentAsync(services, Code("0102", 910001)))!;
        first.Name.ShouldBe("污水井盖甲");
        first.Note.ShouldBe("中文备注");
        (await ComponentAsync(services, Code("0118", 910002)))!.State.ShouldBe(CityMgmt.Domain.Components.ComponentState.Damaged);
    }

    [Fact]
    public async Task ImportAsync_Utf8DbfWithCpg_ReadsChinese()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var zip = ImportFiles.ShapefileZip(ShapeType.Point, [("ObjID", 20), ("名称", 60), ("DeptCode1", 10)],
            [(ImportFiles.Point(InFirstGrid.X, InFirstGrid.Y), [Code("0102", 910011), "UTF8井盖", "SZ"])], Encoding.UTF8, cpg: "UTF-8");

        var report = (await ImportAsync(services, BaseDataKind.Component, BaseDataFormat.Shapefile, zip, "utf8.zip")).Ok();

        report.Created.ShouldBe(1);
        (await ComponentAsync(services, Code("0102", 910011)))!.Name.ShouldBe("UTF8井盖");
    }

    [Fact]
    public async Task ImportAsync_CpgSaysUtf8ButDbfIsGbk_RefusedAsWrongEncoding()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var before = await CountsAsync(services);

        var message = (await ImportAsync(services, BaseDataKind.Component, BaseDataFormat.Shapefile, ChineseLayer(ImportFiles.Gbk, cpg: "UTF-8"), "x.zip")).Refusal();

        message.ShouldContain("不是 UTF-8 编码");
        (await CountsAsync(services)).ShouldBe(before);
    }

    [Fact]
    public async Task ImportAsync_UnreadableDbf_Refused()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var good = ChineseLayer(ImportFiles.Gbk, cpg: "GBK");
        var entries = Entries(good).Select(e => e.Name.EndsWith(".dbf") ? (e.Name, Content: new byte[] { 0x03, 0x01, 0x02, 0xFF, 0xFF }) : e);

        var message = (await ImportAsync(services, BaseDataKind.Component, BaseDataFormat.Shapefile, ImportFiles.Zip(entries), "x.zip")).Refusal();

        message.ShouldContain("属性表(.dbf)无法读取");
    }

    [Fact]
    public async Task ImportAsync_MissingPrj_RefusedWithClearMessage()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var before = await CountsAsync(services);

        var message = (await ImportAsync(services, BaseDataKind.Component, BaseDataFormat.Shapefile, ChineseLayer(ImportFiles.Gbk, "GBK", prj: null), "x.zip")).Refusal();

        message.ShouldBe("图层“data”缺少 .prj 坐标系文件，无法确定坐标系，已拒绝。请在 GIS 软件中定义为 CGCS2000（EPSG:4490）后重新导出");
        (await CountsAsync(services)).ShouldBe(before);
    }

    [Fact]
    public async Task ImportAsync_Beijing54Prj_Refused()
    {
        await using var services = await TestServices.FromTemplateAsync();

        var message = (await ImportAsync(services, BaseDataKind.Component, BaseDataFormat.Shapefile, ChineseLayer(ImportFiles.Gbk, "GBK", ImportFiles.Beijing54Prj), "x.zip")).Refusal();

        message.ShouldContain("坐标系“GCS_Beijing_1954”不受支持");
    }

    [Fact]
    public async Task ImportAsync_GaussKrugerZone35_ReprojectedToLongitudeLatitude()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var zone = new GaussKruger(35, zonePrefix: true);
        Geometry Project(Geometry g)
        {
            var (e, n) = zone.Forward(g.Coordinate.X, g.Coordinate.Y);
            return ImportFiles.Point(e, n);
        }

        var zip = ChineseLayer(ImportFiles.Gbk, "GBK", ImportFiles.GaussKrugerZone35Prj, Project);

        (await ImportAsync(services, BaseDataKind.Component, BaseDataFormat.Shapefile, zip, "gk.zip")).Ok().Created.ShouldBe(2);

        var point = (Point)(await ComponentAsync(services, Code("0102", 910001)))!.Shape!;
        point.X.ShouldBe(InFirstGrid.X, 1e-7);
        point.Y.ShouldBe(InFirstGrid.Y, 1e-7);
    }

    [Fact]
    public async Task ImportAsync_ZipBomb_RefusedBeforeExtracting()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var good = Entries(ChineseLayer(ImportFiles.Gbk, "GBK"));
        var bomb = ImportFiles.Zip(good.Append(("padding.txt", new byte[64 * 1024 * 1024])), CompressionLevel.SmallestSize);
        bomb.Length.ShouldBeLessThan(200_000, "a highly compressible entry");

        var message = (await ImportAsync(services, BaseDataKind.Component, BaseDataFormat.Shapefile, bomb, "bomb.zip")).Refusal();

        message.ShouldContain("疑似压缩炸弹");
        Directory.GetDirectories(Path.Combine(Path.GetTempPath(), "citymgmt-import")).ShouldAllBe(d => !Directory.EnumerateFiles(d, "padding.txt", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task ImportAsync_ZipOverTotalLimit_Refused()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var good = Entries(ChineseLayer(ImportFiles.Gbk, "GBK"));
        var random = new byte[600_000];
        new Random(1).NextBytes(random);
        var zip = ImportFiles.Zip(good.Append(("noise.bin", random)));

        var message = (await ImportAsync(services, BaseDataKind.Component, BaseDataFormat.Shapefile, zip, "big.zip",
            options: new BaseDataImportOptions { MaxUncompressedBytes = 500_000 })).Refusal();

        message.ShouldContain("解压后大小");
        message.ShouldContain("超过上限");
    }

    [Theory]
    [InlineData("../evil.shp")]
    [InlineData("data/../../evil.txt")]
    [InlineData("/etc/evil.txt")]
    [InlineData("C:\\evil.txt")]
    public async Task ImportAsync_ZipWithEscapingPath_Refused(string name)
    {
        await using var services = await TestServices.FromTemplateAsync();
        var zip = ImportFiles.Zip(Entries(ChineseLayer(ImportFiles.Gbk, "GBK")).Append((name, "x"u8.ToArray())));

        var message = (await ImportAsync(services, BaseDataKind.Component, BaseDataFormat.Shapefile, zip, "evil.zip")).Refusal();

        message.ShouldContain("含有“..”或绝对路径");
        File.Exists(Path.Combine(Path.GetTempPath(), "evil.shp")).ShouldBeFalse();
    }

    [Fact]
    public async Task ImportAsync_TooManyEntries_Refused()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var zip = ImportFiles.Zip(Enumerable.Range(0, 12).Select(i => ($"f{i}.txt", new byte[] { 1 })));

        var message = (await ImportAsync(services, BaseDataKind.Component, BaseDataFormat.Shapefile, zip, "many.zip",
            options: new BaseDataImportOptions { MaxZipEntries = 10 })).Refusal();

        message.ShouldBe("压缩包内有 12 个文件，超过上限 10 个");
    }

    [Fact]
    public async Task ImportAsync_NotAZip_Refused()
    {
        await using var services = await TestServices.FromTemplateAsync();

        var message = (await ImportAsync(services, BaseDataKind.Component, BaseDataFormat.Shapefile, "not a zip"u8.ToArray(), "x.zip")).Refusal();

        message.ShouldContain("不是有效的 zip");
    }

    [Fact]
    public async Task ImportAsync_ShapefileWithoutIdField_RefusedAsMissingField()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var zip = ImportFiles.ShapefileZip(ShapeType.Point, [("FOO", 10)], [(ImportFiles.Point(104.0004, 30.5004), ["x"])], ImportFiles.Gbk, "GBK");

        var message = (await ImportAsync(services, BaseDataKind.Component, BaseDataFormat.Shapefile, zip, "x.zip")).Refusal();

        message.ShouldContain("缺少必需字段");
    }

    private static List<(string Name, byte[] Content)> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.Select(e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return (e.FullName, copy.ToArray());
        }).ToList();
    }
}
