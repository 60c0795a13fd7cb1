using System.Text;
using CityMgmt.Domain.Components;
using CityMgmt.Domain.Grids;
using CityMgmt.Infrastructure.Geo.Import;
using CityMgmt.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CityMgmt.Tests.Infrastructure.Geo.Import.ImportHost;

namespace CityMgmt.Tests.Infrastructure.Geo.Import;

public sealed class GeoJsonImportTests
{
    private static Dictionary<string, object?> Props(string code, string? dept = "SZ", params (string Key, object? Value)[] more)
    {
        var props = new Dictionary<string, object?> { ["ObjID"] = code, ["ObjName"] = "测试井盖", ["DeptCode1"] = dept, ["ObjState"] = "完好", ["ORDate"] = "2024-05-01" };
        foreach (var (key, value) in more)
        {
            props[key] = value;
        }

        return props;
    }

    [Fact]
    public async Task ImportAsync_GoodComponents_StoresCodesOwnersGridAndGeometry()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var before = await CountsAsync(services);
        var (x, y) = InFirstGrid;
        var file = ImportFiles.GeoJson(
            (ImportFiles.Point(x, y), Props(Code("0102", 900001), "SZ")),
            (ImportFiles.Point(x + 0.0001, y), Props(Code("0101", 900002), null, ("DeptName1", "自来水公司"), ("DeptName3", "示范县养护公司"))),
            (ImportFiles.Factory.CreateLineString([new(x, y), new(x + 0.0002, y)]), Props(Code("0211", 900003), "JJ", ("ObjState", "破损"))));

        var report = (await ImportAsync(services, BaseDataKind.Component, BaseDataFormat.GeoJson, file, "parts.geojson")).Ok();

        report.Committed.ShouldBeTrue();
        report.Created.ShouldBe(3);
        report.Summary.ShouldBe("导入 3 条（新增 3，更新 0，未变化 0），跳过 0 条");
        (await CountsAsync(services)).ShouldBe(before with { Components = before.Components + 3, Changes = before.Changes + 3, Audit = before.Audit + 1 });
        await using var db = services.NewDb();
        var grid = await db.Grids.SingleAsync(g => g.Code == GridCode.Parse("519901001001001").Value);
        var sz = await db.OrgUnits.SingleAsync(o => o.Code == "SZ");
        var gs = await db.OrgUnits.SingleAsync(o => o.Code == "GS");
        var first = (await ComponentAsync(services, Code("0102", 900001)))!;
        first.OwnerDepartmentId.ShouldBe(sz.Id);
        first.GridId.ShouldBe(grid.Id);
        first.InitialDate.ShouldBe(new DateOnly(2024, 5, 1));
        first.Shape.ShouldBeOfType<NetTopologySuite.Geometries.Point>().X.ShouldBe(x, 1e-9);
        var second = (await ComponentAsync(services, Code("0101", 900002)))!;
        second.OwnerDepartmentId.ShouldBe(gs.Id);
        second.MaintenanceUnit.ShouldBe("示范县养护公司");
        var line = (await ComponentAsync(services, Code("0211", 900003)))!;
        line.State.ShouldBe(ComponentState.Damaged);
        line.Shape!.GeometryType.ShouldBe("LineString");
    }

    [Fact]
    public async Task ImportAsync_ExistingCode_UpdatesFieldsAndRecordsEachChangeWithChDate()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var db = services.NewDb();
        var existing = await db.Components.AsNoTracking().Where(c => c.Shape != null).OrderBy(c => c.Code).FirstAsync(c => c.State == ComponentState.Intact);
        var point = (NetTopologySuite.Geometries.Point)existing.Shape!;
        var changesBefore = await db.ComponentChanges.CountAsync(h => h.ComponentId == existing.Id);
        var file = ImportFiles.GeoJson((ImportFiles.Point(point.X + 0.00001, point.Y), new Dictionary<string, object?>
        {
            ["ObjID"] = existing.Code.Value,
            ["ObjName"] = "更名后的部件",
            ["ObjState"] = "丢失",
            ["CHDate"] = "2025-06-30",
        }));

        var report = (await ImportAsync(services, BaseDataKind.Component, BaseDataFormat.GeoJson, file, "update.geojson")).Ok();

        report.Updated.ShouldBe(1);
        report.Created.ShouldBe(0);
        var updated = (await ComponentAsync(services, existing.Code.Value))!;
        updated.Name.ShouldBe("更名后的部件");
        updated.State.ShouldBe(ComponentState.Lost);
        updated.ChangeDate.ShouldBe(new DateOnly(2025, 6, 30));
        updated.OwnerDepartmentId.ShouldBe(existing.OwnerDepartmentId, "owner not in the file: kept");
        ((NetTopologySuite.Geometries.Point)updated.Shape!).X.ShouldBe(point.X + 0.00001, 1e-9);
        updated.Version.ShouldBe(existing.Version + 1);
        var history = await db.ComponentChanges.AsNoTracking().Where(h => h.ComponentId == existing.Id).ToListAsync();
        history.Count.ShouldBe(changesBefore + 3);
        history.ShouldContain(h => h.Kind == ComponentChangeKind.StateChanged && h.OldValue == "完好" && h.NewValue == "丢失");
        history.ShouldContain(h => h.Kind == ComponentChangeKind.AttributesChanged && h.NewValue == "更名后的部件" && h.Note!.StartsWith("ObjName"));
        history.ShouldContain(h => h.Kind == ComponentChangeKind.Moved);
        history.Where(h => h.Kind != ComponentChangeKind.Created).ShouldAllBe(h => h.ChangeDate == new DateOnly(2025, 6, 30) && h.Source == ComponentChangeSource.Import);
    }

    [Fact]
    public async Task ImportAsync_SameFileTwice_SecondRunChangesNothing()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var (x, y) = InFirstGrid;
        var file = ImportFiles.GeoJson((ImportFiles.Point(x, y), Props(Code("0102", 900011))));
        (await ImportAsync(services, BaseDataKind.Component, BaseDataFormat.GeoJson, file, "a.geojson")).Ok().Created.ShouldBe(1);
        var after = await CountsAsync(services);

        var again = (await ImportAsync(services, BaseDataKind.Component, BaseDataFormat.GeoJson, file, "a.geojson")).Ok();

        again.Unchanged.ShouldBe(1);
        again.Updated.ShouldBe(0);
        (await CountsAsync(services)).ShouldBe(after with { Audit = after.Audit + 1 });
    }

    [Theory]
    [InlineData("51990101020000", "必须是16位数字（实际14位")]
    [InlineData("519901010200001", "必须是16位数字（实际15位")]
    [InlineData("51990101020000001", "必须是16位数字（实际17位")]
    [InlineData("5199010102O00001", "含非数字字符")]
    [InlineData("3205080102000001", "不是本系统的县级区划代码")]
    [InlineData("5199019901000001", "部件类别 9901")]
    public async Task ImportAsync_BadCode_RefusesRowWithChineseMessageAndWritesNothing(string code, string expected)
    {
        await using var services = await TestServices.FromTemplateAsync();
        var before = await CountsAsync(services);
        var (x, y) = InFirstGrid;
        var file = ImportFiles.GeoJson(
            (ImportFiles.Point(x, y), Props(Code("0102", 900021))),
            (ImportFiles.Point(x, y), Props(code)));

        var report = (await ImportAsync(services, BaseDataKind.Component, BaseDataFormat.GeoJson, file, "bad.geojson")).Ok();

        report.Committed.ShouldBeFalse();
        report.Summary.ShouldStartWith("发现 1 处错误，未导入任何数据");
        var error = report.Errors.ShouldHaveSingleItem();
        (error.Row, error.Field).ShouldBe((2, "ObjID"));
        error.Message.ShouldContain(expected);
        (await CountsAsync(services)).ShouldBe(before);
    }

    [Fact]
    public async Task ImportAsync_Scheme17_AcceptsSeventeenDigitsAndRefusesSixteen()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var (x, y) = InFirstGrid;
        var options = new BaseDataImportOptions { CodeScheme = ComponentCodeScheme.Gbt47678 };
        var file = ImportFiles.GeoJson(
            (ImportFiles.Point(x, y), Props("51990101002900031")),
            (ImportFiles.Point(x, y), Props(Code("0102", 900032))));

        var report = (await ImportAsync(services, BaseDataKind.Component, BaseDataFormat.GeoJson, file, "g.geojson", ImportMode.SkipInvalidRows, options)).Ok();

        report.Created.ShouldBe(1);
        report.Errors.ShouldHaveSingleItem().Message.ShouldContain("必须是17位数字（实际16位");
        (await ComponentAsync(services, "51990101002900031")).ShouldNotBeNull().Code.Scheme.ShouldBe(ComponentCodeScheme.Gbt47678);
    }

    [Fact]
    public async Task ImportAsync_ClassUnknownDepartmentAndBowTie_ListsEachProblemWithRowAndField()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var before = await CountsAsync(services);
        var (x, y) = InFirstGrid;
        var file = ImportFiles.GeoJson(
            (ImportFiles.Point(x, y), Props(Code("0102", 900041), more: ("ClassCode", "0101"))),
            (ImportFiles.Point(x, y), Props(Code("0102", 900042), "NOPE")),
            (ImportFiles.Point(x, y), Props(Code("0102", 900043), null, ("DeptName1", "不存在的局"))),
            (ImportFiles.BowTie(x, y, 0.0001), Props(Code("0405", 900044), "YL")),
            (ImportFiles.Point(x, y), Props(Code("0102", 900041))),
            (ImportFiles.Point(150, 10), Props(Code("0102", 900045))),
            (ImportFiles.Point(x, y), Props(Code("0102", 900046), more: ("ObjState", "坏了"))));

        var report = (await ImportAsync(services, BaseDataKind.Component, BaseDataFormat.GeoJson, file, "bad.geojson")).Ok();

        report.Committed.ShouldBeFalse();
        report.Errors.Select(e => (e.Row, e.Field)).ShouldBe([(1, "ClassCode"), (2, "DeptCode1"), (3, "DeptName1"), (4, "几何"), (5, "ObjID"), (6, "几何"), (7, "ObjState")]);
        report.Errors[0].Message.ShouldContain("与标识码中的类别 0102（污水井盖）不一致");
        report.Errors[1].Message.ShouldContain("主管部门代码“NOPE”不存在");
        report.Errors[2].Message.ShouldContain("主管部门“不存在的局”不存在");
        report.Errors[3].Message.ShouldContain("自相交");
        report.Errors[4].Message.ShouldContain("与文件第 1 行重复");
        report.Errors[5].Message.ShouldContain("不在中国范围内");
        report.Errors[6].Message.ShouldContain("部件状态“坏了”无效");
        (await CountsAsync(services)).ShouldBe(before);
    }

    [Fact]
    public async Task ImportAsync_SkipMode_WritesGoodRowsAndListsBadOnesByRow()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var before = await CountsAsync(services);
        var (x, y) = InFirstGrid;
        var file = ImportFiles.GeoJson(
            (ImportFiles.Point(x, y), Props(Code("0102", 900051))),
            (ImportFiles.Point(x, y), Props("519901010200005")),
            (ImportFiles.Point(x, y), Props(Code("0102", 900053))),
            (null, Props(Code("0102", 900054))));

        var report = (await ImportAsync(services, BaseDataKind.Component, BaseDataFormat.GeoJson, file, "mix.geojson", ImportMode.SkipInvalidRows)).Ok();

        report.Committed.ShouldBeTrue();
        report.Summary.ShouldBe("导入 2 条（新增 2，更新 0，未变化 0），跳过 2 条");
        report.Errors.Select(e => e.Row).ShouldBe([2, 4]);
        report.Errors[1].Message.ShouldContain("没有几何图形");
        (await CountsAsync(services)).Components.ShouldBe(before.Components + 2);
        (await ComponentAsync(services, Code("0102", 900053))).ShouldNotBeNull();
    }

    [Fact]
    public async Task ImportAsync_InvalidUtf8_RefusedAndNothingWritten()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var before = await CountsAsync(services);
        var (x, y) = InFirstGrid;
        var utf8 = Encoding.UTF8.GetString(ImportFiles.GeoJson((ImportFiles.Point(x, y), Props(Code("0102", 900061)))));
        var gbk = ImportFiles.Gbk.GetBytes(utf8);

        var message = (await ImportAsync(services, BaseDataKind.Component, BaseDataFormat.GeoJson, gbk, "gbk.geojson")).Refusal();

        message.ShouldContain("不是有效的 UTF-8 编码");
        (await CountsAsync(services)).ShouldBe(before);
    }

    [Theory]
    [InlineData("""{"type":"Feature","geometry":null,"properties":{}}""", "FeatureCollection")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature",""", "文件不完整")]
    [InlineData("""{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:4527"}},"features":[]}""", "EPSG:4527")]
    [InlineData("""{"type":"FeatureCollection","features":[]}""", "没有任何数据")]
    public async Task ImportAsync_MalformedGeoJson_RefusedWithReason(string json, string expected)
    {
        await using var services = await TestServices.FromTemplateAsync();

        var message = (await ImportAsync(services, BaseDataKind.Component, BaseDataFormat.GeoJson, Encoding.UTF8.GetBytes(json), "x.geojson")).Refusal();

        message.ShouldContain(expected);
    }

    [Fact]
    public async Task ImportAsync_FileOverConfiguredSize_RefusedBeforeReading()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var service = Service(services, new BaseDataImportOptions { MaxUploadBytes = 1024 });
        var admin = await services.StaffAsync("admin");
        await using var unreadable = new UnreadableStream();

        var result = await service.ImportAsync(admin, new ImportRequest(BaseDataKind.Component, BaseDataFormat.GeoJson, ImportMode.AllOrNothing, "big.geojson", unreadable, 4096));

        result.Error.Message.ShouldBe("文件大小 4 KB 超过上限 1 KB，请拆分后分批导入");
        unreadable.ReadCalls.ShouldBe(0);
    }

    [Fact]
    public async Task ImportAsync_StreamLongerThanDeclared_RefusedWhileCopying()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var (x, y) = InFirstGrid;
        var file = ImportFiles.GeoJson(Enumerable.Range(1, 50).Select(i => ((NetTopologySuite.Geometries.Geometry?)ImportFiles.Point(x, y), Props(Code("0102", 900100 + i)))).ToArray());
        var service = Service(services, new BaseDataImportOptions { MaxUploadBytes = 2048 });
        var admin = await services.StaffAsync("admin");
        await using var stream = new MemoryStream(file);

        var result = await service.ImportAsync(admin, new ImportRequest(BaseDataKind.Component, BaseDataFormat.GeoJson, ImportMode.AllOrNothing, "lie.geojson", stream, DeclaredSize: 100));

        result.Error.Message.ShouldContain("超过上限 2 KB");
    }

    [Fact]
    public async Task ImportAsync_CancelledAfterFirstBatchWritten_WritesNothing()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var before = await CountsAsync(services);
        var (x, y) = InFirstGrid;
        var file = ImportFiles.GeoJson(Enumerable.Range(1, 9).Select(i => ((NetTopologySuite.Geometries.Geometry?)ImportFiles.Point(x, y), Props(Code("0102", 900200 + i)))).ToArray());
        using var cancel = new CancellationTokenSource();
        var progress = new InlineProgress(p =>
        {
            if (p.Written >= 3)
            {
                cancel.Cancel();
            }
        });

        var result = await ImportAsync(services, BaseDataKind.Component, BaseDataFormat.GeoJson, file, "c.geojson",
            options: new BaseDataImportOptions { BatchSize = 3 }, progress: progress, ct: cancel.Token);

        result.Refusal().ShouldBe("导入已取消，未写入任何数据");
        (await CountsAsync(services)).ShouldBe(before);
    }

    [Fact]
    public async Task ImportAsync_NotAdmin_Forbidden()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var dispatcher = await services.StaffAsync("pqy");
        using var stream = new MemoryStream([]);

        var result = await Service(services).ImportAsync(dispatcher, new ImportRequest(BaseDataKind.Component, BaseDataFormat.GeoJson, ImportMode.AllOrNothing, "x.geojson", stream));

        result.Error.Message.ShouldBe("您没有执行此操作的权限");
    }

    private sealed class UnreadableStream : Stream
    {
        public int ReadCalls { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            ReadCalls++;
            throw new InvalidOperationException("read before the size check");
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
