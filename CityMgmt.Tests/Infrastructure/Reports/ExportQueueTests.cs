using CityMgmt.Domain.Evaluation;
using CityMgmt.Domain.Evaluation.Runs;
using CityMgmt.Domain.Exports;
using CityMgmt.Infrastructure.Evaluation;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Infrastructure.Reports.Exports;
using CityMgmt.Tests.Infrastructure.Evaluation;
using CityMgmt.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CityMgmt.Tests.Infrastructure.Reports;

/// <summary>
/// Background exports on the small demo county: the June 2025 run (three hand-made cases) exported by 陈领导 (ld),
/// run by the worker, read back with openpyxl / pdftotext; ownership, roles, retention, failures and restarts.
/// </summary>
public sealed class ExportQueueTests : IAsyncLifetime
{
    private const string CaseNumbersScript = """
        import json, sys, openpyxl
        ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
        print(json.dumps({"title": ws.title, "rows": [[c.value for c in row] for row in ws.iter_rows()]}, default=str, ensure_ascii=False))
        """;

    private readonly FakeTimeProvider clock = TestClock.Create();
    private TestServices services = null!;
    private Guid runId;
    private Guid[] juneCases = [];

    private ExportQueue Queue => services.Get<ExportQueue>();

    private ExportWorker Worker => services.Get<ExportWorker>();

    public async Task InitializeAsync()
    {
        services = await TestServices.FromTemplateAsync(clock);
        juneCases = await EvaluationFixture.SeedJuneAsync(services);
        runId = (await services.Get<EvaluationRunner>().RunAsync(EvaluationPeriod.Month(2025, 6), RunTrigger.Manual, "test")).Value.RunId;
    }

    public async Task DisposeAsync() => await services.DisposeAsync();

    [Fact]
    public async Task CaseList_LeaderStarts_WorkerWritesThePeriodsCasesWithProgressAndOwnerDownloads()
    {
        var ld = await services.StaffAsync("ld");
        var seen = new List<ExportJobView>();
        services.Get<ExportNotifier>().Changed += (owner, view) =>
        {
            lock (seen)
            {
                seen.Add(view);
            }
        };

        var queued = (await Queue.StartAsync(ld, ExportKind.CaseList, runId)).Value;
        queued.State.ShouldBe(ExportJobState.Queued);
        await Worker.DrainAsync();

        var done = (await Queue.MineAsync(ld)).Value.ShouldHaveSingleItem();
        (done.Id, done.State, done.Percent, done.Written, done.Total).ShouldBe((queued.Id, ExportJobState.Completed, 100, 3L, 3L));
        done.ProgressText.ShouldBe("已完成，共 3 行");
        done.Title.ShouldBe("案件清单（2025年6月）");
        done.ExpiresAt.ShouldBe(clock.GetUtcNow() + TimeSpan.FromHours(24));
        seen.ShouldContain(v => v.State == ExportJobState.Running);
        seen.ShouldContain(v => v.State == ExportJobState.Running && v.ProgressText.Contains("3 / 3 行"));

        var download = (await Queue.DownloadAsync(ld, queued.Id)).Value;
        download.FileName.ShouldBe("案件清单-2025年6月.xlsx");
        Path.GetFileName(download.Path).ShouldNotContain("案件");
        Path.GetDirectoryName(download.Path).ShouldBe(Path.Combine(services.DataFolder, "exports"));
        var sheet = ExternalTools.Openpyxl(download.Path, CaseNumbersScript);
        sheet.GetProperty("title").GetString().ShouldBe("案件清单");
        var rows = sheet.GetProperty("rows").EnumerateArray().ToList();
        rows[0][0].GetString().ShouldBe("案件编号");
        rows[0][6].GetString().ShouldBe("责任部门");
        await using var db = services.NewDb();
        var numbers = await db.Cases.Where(c => juneCases.Contains(c.Id)).Select(c => c.Number).ToListAsync();
        rows.Skip(1).Select(r => r[0].GetString()).ShouldBe(numbers.Select(n => n.ToString()), ignoreOrder: true);
        rows.Skip(1).ShouldAllBe(r => r[6].GetString() == "县市政设施管理所");
    }

    [Fact]
    public async Task EvaluationPdf_Background_ReportsPagesAndWritesTheChineseReport()
    {
        var ld = await services.StaffAsync("ld");
        var queued = (await Queue.StartAsync(ld, ExportKind.EvaluationPdf, runId)).Value;
        await Worker.DrainAsync();

        var done = (await Queue.MineAsync(ld)).Value.Single();
        done.State.ShouldBe(ExportJobState.Completed);
        done.Total.ShouldNotBeNull().ShouldBeGreaterThan(0);
        done.Written.ShouldBe(done.Total!.Value);
        done.ProgressText.ShouldBe($"已完成，共 {done.Total} 页");
        var file = (await Queue.DownloadAsync(ld, queued.Id)).Value;
        file.ContentType.ShouldBe(ExportContentTypes.Pdf);
        ExternalTools.PdfPages(file.Path)[0].ShouldContain("月度数字化城市管理综合评价报告");
        ExternalTools.PdfPageCount(file.Path).ShouldBe((int)done.Total.Value);
    }

    [Fact]
    public async Task Download_AnotherLeaderOrASupervisor_Refused()
    {
        var ld = await services.StaffAsync("ld");
        var id = (await Queue.StartAsync(ld, ExportKind.CaseList, runId)).Value.Id;
        await Worker.DrainAsync();

        var zbz = await services.StaffAsync("zbz");
        (await Queue.DownloadAsync(zbz, id)).Error.ShouldBe(ExportErrors.NotFound);
        (await Queue.MineAsync(zbz)).Value.ShouldBeEmpty();
        var jdy = await services.StaffAsync("jdy");
        (await Queue.DownloadAsync(jdy, id)).Error.ShouldBe(StaffContext.Forbidden);
        (await Queue.MineAsync(jdy)).Error.ShouldBe(StaffContext.Forbidden);
    }

    [Theory]
    [InlineData("jdy")]
    [InlineData("admin")]
    public async Task Start_NotLeaderOrShiftLeader_RefusedAndNothingQueued(string user)
    {
        var staff = await services.StaffAsync(user);

        (await Queue.StartAsync(staff, ExportKind.CaseList, runId)).Error.ShouldBe(StaffContext.Forbidden);

        await using var db = services.NewDb();
        (await db.ExportJobs.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Start_SecondWhileTheFirstIsQueued_RefusedWithAChineseMessage()
    {
        var ld = await services.StaffAsync("ld");
        (await Queue.StartAsync(ld, ExportKind.CaseList, runId)).IsSuccess.ShouldBeTrue();

        var second = await Queue.StartAsync(ld, ExportKind.EvaluationPdf, runId);

        second.Error.ShouldBe(ExportErrors.AlreadyRunning);
        (await Queue.StartAsync(await services.StaffAsync("zbz"), ExportKind.CaseList, runId)).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task Download_OwnerNoLongerLeader_Refused()
    {
        var ld = await services.StaffAsync("ld");
        var id = (await Queue.StartAsync(ld, ExportKind.CaseList, runId)).Value.Id;
        await Worker.DrainAsync();

        await RemoveRolesAsync(ld);

        (await Queue.DownloadAsync(await services.StaffAsync("ld"), id)).Error.ShouldBe(StaffContext.Forbidden);
    }

    [Fact]
    public async Task Worker_OwnerLostTheRoleBeforeItRan_FailureRecordedInChineseAndAudited()
    {
        var ld = await services.StaffAsync("ld");
        var id = (await Queue.StartAsync(ld, ExportKind.CaseList, runId)).Value.Id;
        await RemoveRolesAsync(ld);

        await Worker.DrainAsync();

        await using var db = services.NewDb();
        var job = await db.ExportJobs.SingleAsync(j => j.Id == id);
        job.State.ShouldBe(ExportJobState.Failed);
        job.Error.ShouldBe("导出未执行：您的账号已无导出权限（仅领导和值班长可以导出）。");
        job.StoredName.ShouldBeNull();
        Directory.EnumerateFiles(Path.Combine(services.DataFolder, "exports")).ShouldBeEmpty();
        var audit = await db.AdminAudit.Where(a => a.ActorId == ld.UserId).Select(a => a.Action).ToListAsync();
        audit.ShouldBe(["申请导出", "导出失败"], ignoreOrder: true);
    }

    [Fact]
    public async Task Audit_RequestCompletionAndDownload_EachWritten()
    {
        var ld = await services.StaffAsync("ld");
        var id = (await Queue.StartAsync(ld, ExportKind.CaseList, runId)).Value.Id;
        await Worker.DrainAsync();
        (await Queue.DownloadAsync(ld, id)).IsSuccess.ShouldBeTrue();

        await using var db = services.NewDb();
        var audit = await db.AdminAudit.Where(a => a.ActorId == ld.UserId).ToListAsync();
        audit.Select(a => a.Action).ShouldBe(["申请导出", "导出完成", "下载导出文件"], ignoreOrder: true);
        audit.ShouldAllBe(a => a.Target == "案件清单（2025年6月）");
    }

    [Fact]
    public async Task RemoveExpired_AfterTheRetention_FileDeletedStateExpiredDownloadRefused()
    {
        var ld = await services.StaffAsync("ld");
        var id = (await Queue.StartAsync(ld, ExportKind.CaseList, runId)).Value.Id;
        await Worker.DrainAsync();
        var path = (await Queue.DownloadAsync(ld, id)).Value.Path;

        clock.Advance(TimeSpan.FromHours(23));
        (await Queue.RemoveExpiredAsync()).ShouldBe(0);
        File.Exists(path).ShouldBeTrue();

        clock.Advance(TimeSpan.FromHours(1));
        (await Queue.RemoveExpiredAsync()).ShouldBe(1);

        File.Exists(path).ShouldBeFalse();
        (await Queue.MineAsync(ld)).Value.Single().State.ShouldBe(ExportJobState.Expired);
        (await Queue.DownloadAsync(ld, id)).Error.ShouldBe(ExportErrors.Expired);
    }

    [Fact]
    public async Task Recover_ExportRunningWhenTheAppStopped_QueuedAgainAndCompleted()
    {
        var ld = await services.StaffAsync("ld");
        var id = (await Queue.StartAsync(ld, ExportKind.CaseList, runId)).Value.Id;
        await using (var db = services.NewDb())
        {
            var job = await db.ExportJobs.SingleAsync(j => j.Id == id);
            job.Start("0123456789abcdef0123456789abcdef.xlsx", clock.GetUtcNow()).IsSuccess.ShouldBeTrue();
            job.Report(2, 3, "正在写入（2 / 3 行）");
            await db.SaveChangesAsync();
        }

        var partial = Path.Combine(services.DataFolder, "exports", "0123456789abcdef0123456789abcdef.xlsx.part");
        await File.WriteAllTextAsync(partial, "half a file");

        await Worker.RecoverAsync();
        File.Exists(partial).ShouldBeFalse();
        (await Queue.MineAsync(ld)).Value.Single().State.ShouldBe(ExportJobState.Queued);
        await Worker.DrainAsync();

        var done = (await Queue.MineAsync(ld)).Value.Single();
        (done.State, done.Written).ShouldBe((ExportJobState.Completed, 3L));
        (await Queue.DownloadAsync(ld, id)).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task Worker_DatabaseErrorWhileRunning_KeepsTheAppUpAndExportsOnceTheDatabaseAnswers()
    {
        var ld = await services.StaffAsync("ld");
        await HideExportJobsAsync(true);
        using var stopping = new CancellationTokenSource();
        await Worker.StartAsync(stopping.Token);
        await Task.Delay(TimeSpan.FromSeconds(1)); // recovery and the first poll meet the missing table

        Worker.ExecuteTask!.IsCompleted.ShouldBeFalse("a database error must not end the worker (the host would stop)");
        await HideExportJobsAsync(false);
        var id = (await Queue.StartAsync(ld, ExportKind.CaseList, runId)).Value.Id;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await Queue.MineAsync(ld)).Value.Single(j => j.Id == id).State != ExportJobState.Completed && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        (await Queue.MineAsync(ld)).Value.Single(j => j.Id == id).State.ShouldBe(ExportJobState.Completed);
        await stopping.CancelAsync();
        await Worker.StopAsync(CancellationToken.None);
    }

    /// <summary>Makes every read of the export table fail (SQLite: no such table), or undoes that.</summary>
    private async Task HideExportJobsAsync(bool hidden)
    {
        await using var db = services.NewDb();
        await db.Database.ExecuteSqlRawAsync(hidden
            ? "ALTER TABLE \"ExportJobs\" RENAME TO \"ExportJobsAway\""
            : "ALTER TABLE \"ExportJobsAway\" RENAME TO \"ExportJobs\"");
    }

    private async Task RemoveRolesAsync(StaffContext who)
    {
        await using var db = services.NewDb();
        await db.UserRoles.Where(r => r.UserId == who.UserId).ExecuteDeleteAsync();
    }
}
