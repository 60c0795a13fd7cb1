using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using CityMgmt.Domain.Common;
using CityMgmt.Domain.Components;
using CityMgmt.Infrastructure.Geo.Import;
using CityMgmt.Tests.Support;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;
using static CityMgmt.Tests.Infrastructure.Geo.Import.ImportHost;

namespace CityMgmt.Tests.Infrastructure.Geo.Import;

/// <summary>
/// Hostile and broken files, each carrying also a good row that renames a stored component (or grid) and a good new
/// one: the import is refused with a Chinese message naming the problem, and not one byte of the base-data tables or
/// the admin audit changes (<see cref="DataSnapshot"/>), so a write before the refusal would be caught.
/// </summary>
public sealed class HostileImportTests
{
    private const string Renamed = "被篡改的名称";

    [Fact]
    public async Task GeoJson_WrongEncoding_RefusedNothingWritten()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var stored = await StoredComponentAsync(services);
        var utf8 = Encoding.UTF8.GetString(ComponentsGeoJson(stored));

        await ShouldRefuseAsync(services, BaseDataKind.Component, BaseDataFormat.GeoJson, ImportFiles.Gbk.GetBytes(utf8), "gbk.geojson", "不是有效的 UTF-8 编码");
    }

    [Fact]
    public async Task Csv_NeitherUtf8NorGbk_RefusedNothingWritten()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var stored = await StoredComponentAsync(services);
        var good = $"ObjID,ObjName,DeptCode1,lon,lat\r\n{stored.Code},{Renamed},{stored.Dept},{ImportFiles.Invariant(stored.X)},{ImportFiles.Invariant(stored.Y)}\r\n";
        byte[] csv = [.. Encoding.UTF8.GetBytes(good), 0xFF, 0xFE, 0x80, 0x81, 0x0D, 0x0A];

        await ShouldRefuseAsync(services, BaseDataKind.Component, BaseDataFormat.Csv, csv, "x.csv", "既不是有效的 UTF-8 也不是有效的 GBK");
    }

    [Fact]
    public async Task Shapefile_CpgSaysUtf8ButDbfIsGbk_RefusedNothingWritten()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var stored = await StoredComponentAsync(services);

        await ShouldRefuseAsync(services, BaseDataKind.Component, BaseDataFormat.Shapefile, Layer(stored, ImportFiles.Gbk, "UTF-8"), "x.zip", "不是 UTF-8 编码");
    }

    [Fact]
    public async Task Shapefile_MissingPrj_RefusedNothingWritten()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var stored = await StoredComponentAsync(services);

        await ShouldRefuseAsync(services, BaseDataKind.Component, BaseDataFormat.Shapefile, Layer(stored, ImportFiles.Gbk, "GBK", prj: null), "x.zip", "缺少 .prj 坐标系文件");
    }

    [Fact]
    public async Task Components_SelfIntersectingPolygon_RefusedNothingWritten()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var stored = await StoredComponentAsync(services);
        var file = ComponentsGeoJson(stored, (ImportFiles.BowTie(stored.X, stored.Y, 0.0001), Code("0405", 930001)));

        await ShouldRefuseAsync(services, BaseDataKind.Component, BaseDataFormat.GeoJson, file, "bowtie.geojson", "自相交");
    }

    [Fact]
    public async Task Grids_SelfIntersectingPolygon_RefusedNothingWritten()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var db = services.NewDb();
        var grid = await db.Grids.AsNoTracking().OrderBy(g => g.Code).FirstAsync();
        var bowTie = ImportFiles.BowTie(grid.Shape!.EnvelopeInternal.MinX, grid.Shape.EnvelopeInternal.MinY, 0.0003);
        var file = ImportFiles.GeoJson(
            (grid.Shape, new Dictionary<string, object?> { ["BGID"] = grid.Code.Value, ["Name"] = Renamed }),
            (bowTie, new Dictionary<string, object?> { ["BGID"] = grid.Code.Value[..12] + "099", ["Name"] = "自相交网格" }));

        await ShouldRefuseAsync(services, BaseDataKind.Grid, BaseDataFormat.GeoJson, file, "grids.geojson", "自相交");
    }

    [Theory]
    [InlineData("519901010200001", "必须是16位数字（实际15位")]
    [InlineData("51990101020000001", "必须是16位数字（实际17位")]
    public async Task Components_WrongCodeLength_RefusedNothingWritten(string code, string expected)
    {
        await using var services = await TestServices.FromTemplateAsync();
        var stored = await StoredComponentAsync(services);

        await ShouldRefuseAsync(services, BaseDataKind.Component, BaseDataFormat.GeoJson,
            ComponentsGeoJson(stored, (ImportFiles.Point(stored.X, stored.Y), code)), "codes.geojson", expected);
    }

    [Theory]
    [InlineData("51990100100101", "15位")]
    [InlineData("5199010010010011", "15位")]
    public async Task Grids_WrongCodeLength_RefusedNothingWritten(string code, string expected)
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var db = services.NewDb();
        var grid = await db.Grids.AsNoTracking().OrderBy(g => g.Code).FirstAsync();
        var file = ImportFiles.GeoJson(
            (grid.Shape, new Dictionary<string, object?> { ["BGID"] = grid.Code.Value, ["Name"] = Renamed }),
            (ImportFiles.Box(103.99, 30.49, 103.991, 30.491), new Dictionary<string, object?> { ["BGID"] = code }));

        await ShouldRefuseAsync(services, BaseDataKind.Grid, BaseDataFormat.GeoJson, file, "grids.geojson", expected);
    }

    [Fact]
    public async Task Communities_WrongCodeLength_RefusedNothingWritten()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var db = services.NewDb();
        var community = await db.Divisions.AsNoTracking().Where(d => d.Level == CityMgmt.Domain.Divisions.DivisionLevel.Community && d.Shape != null).OrderBy(d => d.Code).FirstAsync();
        var file = ImportFiles.GeoJson(
            (community.Shape, new Dictionary<string, object?> { ["CommCode"] = community.Code, ["Name"] = Renamed }),
            (ImportFiles.Box(103.99, 30.49, 103.991, 30.491), new Dictionary<string, object?> { ["CommCode"] = "51990100109", ["Name"] = "短代码社区" }));

        await ShouldRefuseAsync(services, BaseDataKind.Community, BaseDataFormat.GeoJson, file, "communities.geojson", "代码必须是12位数字（实际11位");
    }

    [Fact]
    public async Task Shapefile_ZipBomb_RefusedNothingWritten()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var stored = await StoredComponentAsync(services);
        var entries = Entries(Layer(stored, ImportFiles.Gbk, "GBK")).Append(("readme.txt", new byte[64 * 1024 * 1024]));
        var bomb = ImportFiles.Zip(entries, CompressionLevel.SmallestSize);
        bomb.Length.ShouldBeLessThan(1_000_000, "64 MB of zeros deflate to about 64 KB");

        await ShouldRefuseAsync(services, BaseDataKind.Component, BaseDataFormat.Shapefile, bomb, "bomb.zip", "疑似压缩炸弹");
    }

    /// <summary>A bomb whose headers lie (they declare 1 KB): the checks before extracting pass, the bounded copy stops it.</summary>
    [Fact]
    public async Task Shapefile_ZipWithForgedSizes_RefusedWhileExpandingNothingWritten()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var stored = await StoredComponentAsync(services);
        var entries = Entries(Layer(stored, ImportFiles.Gbk, "GBK")).Append(("readme.txt", new byte[8 * 1024 * 1024]));
        var forged = ForgeUncompressedSize(ImportFiles.Zip(entries, CompressionLevel.SmallestSize), "readme.txt", 1024);

        await ShouldRefuseAsync(services, BaseDataKind.Component, BaseDataFormat.Shapefile, forged, "forged.zip", "解压后的大小或校验值与其声明不符");
        Directory.EnumerateFiles(Path.Combine(Path.GetTempPath(), "citymgmt-import"), "readme.txt", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Fact]
    public async Task AnyFormat_FileOverConfiguredSize_RefusedNothingWritten()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var stored = await StoredComponentAsync(services);
        var file = ComponentsGeoJson(stored);

        await ShouldRefuseAsync(services, BaseDataKind.Component, BaseDataFormat.GeoJson, file, "big.geojson", "超过上限",
            new BaseDataImportOptions { MaxUploadBytes = file.Length - 1 });
    }

    [Fact]
    public async Task AnyFormat_StreamLongerThanItsDeclaredSize_RefusedNothingWritten()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var stored = await StoredComponentAsync(services);
        var file = ComponentsGeoJson(stored);
        var before = await DataSnapshot.TakeAsync(services);
        var admin = await services.StaffAsync("admin");
        await using var stream = new MemoryStream(file);

        var result = await Service(services, new BaseDataImportOptions { MaxUploadBytes = file.Length - 1 }).ImportAsync(
            admin, new ImportRequest(BaseDataKind.Component, BaseDataFormat.GeoJson, ImportMode.AllOrNothing, "lie.geojson", stream, DeclaredSize: 10));

        Refusal(result).ShouldContain("超过上限");
        (await DataSnapshot.TakeAsync(services)).ShouldBeUnchangedSince(before);
    }

    [Fact]
    public async Task GoodRowsOfTheHostileFiles_ImportFine()
    {
        // The control: without the hostile part the same rows are written, so the refusals above are caused by it.
        await using var services = await TestServices.FromTemplateAsync();
        var stored = await StoredComponentAsync(services);

        var report = (await ImportAsync(services, BaseDataKind.Component, BaseDataFormat.Shapefile, Layer(stored, ImportFiles.Gbk, "GBK"), "good.zip")).Ok();

        (report.Created, report.Updated).ShouldBe((1, 1));
        (await ComponentAsync(services, stored.Code))!.Name.ShouldBe(Renamed);
    }

    private static async Task ShouldRefuseAsync(
        TestServices services, BaseDataKind kind, BaseDataFormat format, byte[] content, string fileName, string expected, BaseDataImportOptions? options = null)
    {
        var before = await DataSnapshot.TakeAsync(services);

        var result = await ImportAsync(services, kind, format, content, fileName, options: options);

        var message = Refusal(result);
        message.ShouldContain(expected);
        message.ShouldMatch(@"\p{IsCJKUnifiedIdeographs}", "the message is in Chinese");
        (await DataSnapshot.TakeAsync(services)).ShouldBeUnchangedSince(before);
    }

    /// <summary>The file-level refusal, or the row errors of an all-or-nothing run that committed nothing.</summary>
    private static string Refusal(Result<ImportReport> result)
    {
        if (result.IsFailure)
        {
            return result.Error.Message;
        }

        result.Value.Committed.ShouldBeFalse();
        result.Value.Summary.ShouldStartWith("发现");
        result.Value.Errors.ShouldNotBeEmpty();
        return string.Join("\n", result.Value.Errors.Select(e => $"第 {e.Row} 行 {e.Field}：{e.Message}"));
    }

    private sealed record Stored(string Code, string Dept, double X, double Y);

    private static async Task<Stored> StoredComponentAsync(TestServices services)
    {
        await using var db = services.NewDb();
        var component = await db.Components.AsNoTracking().Where(c => c.Shape != null && c.MinX == c.MaxX).OrderBy(c => c.Code).FirstAsync(c => c.State == ComponentState.Intact);
        var dept = await db.OrgUnits.AsNoTracking().Where(o => o.Id == component.OwnerDepartmentId).Select(o => o.Code).SingleAsync();
        return new Stored(component.Code.Value, dept, component.MinX, component.MinY);
    }

    /// <summary>The stored component renamed, a new good one, and any further rows.</summary>
    private static byte[] ComponentsGeoJson(Stored stored, params (Geometry Shape, string Code)[] more)
    {
        Dictionary<string, object?> Props(string code, string name) => new() { ["ObjID"] = code, ["ObjName"] = name, ["DeptCode1"] = stored.Dept, ["ObjState"] = "完好" };
        var (x, y) = InFirstGrid;
        (Geometry?, Dictionary<string, object?>)[] rows =
        [
            (ImportFiles.Point(stored.X, stored.Y), Props(stored.Code, Renamed)),
            (ImportFiles.Point(x, y), Props(Code("0102", 930000), "新井盖")),
            .. more.Select(m => ((Geometry?)m.Shape, Props(m.Code, "恶意行"))),
        ];
        return ImportFiles.GeoJson(rows);
    }

    private static byte[] Layer(Stored stored, Encoding encoding, string? cpg, string? prj = ImportFiles.Cgcs2000Prj)
    {
        var (x, y) = InFirstGrid;
        return ImportFiles.ShapefileZip(ShapeType.Point, [("标识码", 20), ("名称", 60), ("主管代码", 20)],
        [
            (ImportFiles.Point(stored.X, stored.Y), [stored.Code, Renamed, stored.Dept]),
            (ImportFiles.Point(x, y), [Code("0102", 930000), "新井盖", stored.Dept]),
        ], encoding, cpg, prj);
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

    /// <summary>Rewrites the uncompressed size of one entry in its local header and in the central directory.</summary>
    private static byte[] ForgeUncompressedSize(byte[] zip, string name, uint size)
    {
        var bytes = (byte[])zip.Clone();
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var patched = 0;
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            var (sizeAt, nameLengthAt, nameAt) = signature switch
            {
                0x04034b50 => (22, 26, 30), // local file header
                0x02014b50 => (24, 28, 46), // central directory header
                _ => (-1, 0, 0),
            };
            if (sizeAt < 0 || BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + nameLengthAt)) != nameBytes.Length
                || !bytes.AsSpan(i + nameAt, nameBytes.Length).SequenceEqual(nameBytes))
            {
                continue;
            }

            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + sizeAt), size);
            patched++;
        }

        patched.ShouldBe(2);
        return bytes;
    }
}
