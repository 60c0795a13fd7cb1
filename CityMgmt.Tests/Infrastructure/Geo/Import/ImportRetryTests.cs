using System.Text;
using CityMgmt.Infrastructure.Geo.Import;
using CityMgmt.Tests.Support;
using static CityMgmt.Tests.Infrastructure.Geo.Import.ImportHost;

namespace CityMgmt.Tests.Infrastructure.Geo.Import;

/// <summary>
/// An import under SQL Server's retrying execution strategy (SQLite stands in, a timeout counts as transient): the
/// strategy refuses a transaction begun outside it, so the import's one transaction must run inside it, and a
/// transient failure must run the whole import again from the first record without keeping anything of the first try.
/// </summary>
public sealed class ImportRetryTests
{
    private const string Header = "部件标识码,部件名称,主管部门,状态,经度,纬度,备注";

    [Fact]
    public async Task ImportAsync_UnderARetryingStrategy_Commits()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var before = await CountsAsync(services);

        var report = await ImportWithAsync(services, Csv(930001, 930002));

        report.Created.ShouldBe(2);
        var after = await CountsAsync(services);
        (after.Components - before.Components).ShouldBe(2);
        (after.Audit - before.Audit).ShouldBe(1);
    }

    [Fact]
    public async Task ImportAsync_TransientFailureAtTheAuditLine_RunsAgainFromTheFirstRecordAndCommitsEachRowOnce()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var before = await CountsAsync(services);
        var failOnce = new FailFirstInsertInto("AdminAudit");

        // Batches of two: the first attempt has written all three rows in its transaction when the audit line fails.
        var report = await ImportWithAsync(services, Csv(930011, 930012, 930013), failOnce, new BaseDataImportOptions { BatchSize = 2 });

        failOnce.Failed.ShouldBeTrue();
        report.Created.ShouldBe(3);
        report.Rows.ShouldBe(3);
        var after = await CountsAsync(services);
        (after.Components - before.Components).ShouldBe(3);
        (after.Changes - before.Changes).ShouldBe(3);
        (after.Audit - before.Audit).ShouldBe(1);
        (await ComponentAsync(services, Code("0102", 930013)))!.Note.ShouldBe("备注930013");
    }

    private static byte[] Csv(params int[] sequences) =>
        ImportFiles.Csv(Encoding.UTF8, bom: false, Header,
            [.. sequences.Select((s, i) => $"{Code("0102", s)},重试井盖,市政所,完好,{ImportFiles.Invariant(InFirstGrid.X + (i * 0.0001))},{ImportFiles.Invariant(InFirstGrid.Y)},备注{s}")]);

    private static async Task<ImportReport> ImportWithAsync(TestServices services, byte[] csv, FailFirstInsertInto? interceptor = null, BaseDataImportOptions? options = null)
    {
        var factory = RetryingContexts.Factory(services, interceptor is null ? [] : [interceptor]);
        return (await ImportAsync(services, BaseDataKind.Component, BaseDataFormat.Csv, csv, "部件.csv", options: options, factory: factory)).Ok();
    }
}
