using System.Text;
using CityMgmt.Infrastructure.Reports;
using CityMgmt.Infrastructure.Reports.Exports;
using CityMgmt.Infrastructure.Reports.Pdf;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CityMgmt.Tests.Infrastructure.Reports;

public sealed class ExportJobsTests : IDisposable
{
    private static readonly TimeSpan Retention = TimeSpan.FromMinutes(30);
    private readonly TempFolder folder = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider services = new ServiceCollection().BuildServiceProvider();
    private readonly ExportJobs jobs;

    public ExportJobsTests() => jobs = Create(maxConcurrent: 2);

    [Fact]
    public async Task Start_WorkFinishes_Progress100AndFileDownloadableByRequester()
    {
        var status = jobs.Start(Request("leader", async ctx =>
        {
            ctx.Report(40, "正在汇总");
            await ctx.Output.WriteAsync(Encoding.UTF8.GetBytes("月度报告"));
        }));

        var done = await jobs.WaitAsync(status.Id, "leader");

        done.ShouldNotBeNull();
        (done.State, done.Percent, done.Phase).ShouldBe((ExportState.Completed, 100, "已完成"));
        done.ExpiresAt.ShouldBe(time.GetUtcNow() + Retention);
        var download = jobs.GetDownload(status.Id, "leader").ShouldNotBeNull();
        (download.FileName, download.ContentType).ShouldBe(("报告.xlsx", ExportRequest.Xlsx));
        Path.GetDirectoryName(download.Path).ShouldBe(folder.Path);
        Path.GetFileName(download.Path).ShouldNotContain("报告");
        download.Path.ShouldEndWith(".xlsx");
        (await File.ReadAllTextAsync(download.Path)).ShouldBe("月度报告");
    }

    [Fact]
    public async Task GetAndDownload_OtherUser_SeesNothing()
    {
        var status = jobs.Start(Request("leader", ctx => ctx.Output.WriteAsync(new byte[] { 1 }).AsTask()));
        await jobs.WaitAsync(status.Id, "leader");

        jobs.Get(status.Id, "inspector").ShouldBeNull();
        jobs.GetDownload(status.Id, "inspector").ShouldBeNull();
        jobs.ListFor("inspector").ShouldBeEmpty();
        jobs.Cancel(status.Id, "inspector").ShouldBeFalse();
        (await jobs.WaitAsync(status.Id, "inspector")).ShouldBeNull();
        jobs.ListFor("leader").ShouldHaveSingleItem().Id.ShouldBe(status.Id);
    }

    [Fact]
    public async Task Cancel_RunningExport_StopsAndLeavesNoFile()
    {
        using var started = new SemaphoreSlim(0);
        var status = jobs.Start(Request("leader", async ctx =>
        {
            await ctx.Output.WriteAsync(new byte[1024], ctx.CancellationToken);
            ctx.Report(10, "正在写入");
            started.Release();
            await Task.Delay(Timeout.Infinite, ctx.CancellationToken);
        }));
        (await started.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBeTrue();
        jobs.Get(status.Id, "leader")!.State.ShouldBe(ExportState.Running);

        jobs.Cancel(status.Id, "leader").ShouldBeTrue();
        var done = await jobs.WaitAsync(status.Id, "leader");

        done!.State.ShouldBe(ExportState.Cancelled);
        jobs.GetDownload(status.Id, "leader").ShouldBeNull();
        Directory.EnumerateFiles(folder.Path).ShouldBeEmpty();
        jobs.Cancel(status.Id, "leader").ShouldBeFalse();
    }

    [Fact]
    public async Task Start_WorkThrows_FailedWithChineseMessageAndNoFile()
    {
        var status = jobs.Start(Request("leader", _ => throw new InvalidOperationException("database gone")));

        var done = await jobs.WaitAsync(status.Id, "leader");

        done!.State.ShouldBe(ExportState.Failed);
        done.Error.ShouldBe("导出失败，请稍后重试或联系系统管理员。");
        Directory.EnumerateFiles(folder.Path).ShouldBeEmpty();
    }

    [Fact]
    public async Task Start_MoreThanMaxConcurrent_OthersWaitQueued()
    {
        using var single = Create(maxConcurrent: 1);
        var release = new TaskCompletionSource();
        var ids = Enumerable.Range(0, 2).Select(_ => single.Start(Request("leader", _ => release.Task)).Id).ToArray();
        ExportState[] States() => ids.Select(id => single.Get(id, "leader")!.State).ToArray();
        await WaitUntil(() => States().Contains(ExportState.Running));
        await Task.Delay(100);

        States().ShouldBe([ExportState.Running, ExportState.Queued], ignoreOrder: true);
        release.SetResult();
        foreach (var id in ids)
        {
            (await single.WaitAsync(id, "leader"))!.State.ShouldBe(ExportState.Completed);
        }
    }

    [Fact]
    public async Task RemoveExpired_AfterRetention_FileDeletedAndExportForgotten()
    {
        var status = jobs.Start(Request("leader", ctx => ctx.Output.WriteAsync(new byte[] { 1 }).AsTask()));
        await jobs.WaitAsync(status.Id, "leader");
        var path = jobs.GetDownload(status.Id, "leader")!.Path;

        time.Advance(Retention - TimeSpan.FromMinutes(1));
        jobs.RemoveExpired().ShouldBe(0);
        File.Exists(path).ShouldBeTrue();

        time.Advance(TimeSpan.FromMinutes(2));
        jobs.GetDownload(status.Id, "leader").ShouldBeNull(); // expired even before the sweep
        jobs.RemoveExpired().ShouldBe(1);

        File.Exists(path).ShouldBeFalse();
        jobs.Get(status.Id, "leader").ShouldBeNull();
    }

    [Fact]
    public void RemoveExpired_OrphanFilesFromEarlierRun_DeletedOnceOld()
    {
        var old = Path.Combine(folder.Path, "0123456789abcdef.pdf");
        var fresh = Path.Combine(folder.Path, "fedcba9876543210.pdf");
        File.WriteAllText(old, "x");
        File.WriteAllText(fresh, "x");
        File.SetLastWriteTimeUtc(old, time.GetUtcNow().UtcDateTime - Retention - TimeSpan.FromMinutes(1));
        File.SetLastWriteTimeUtc(fresh, time.GetUtcNow().UtcDateTime);

        jobs.RemoveExpired().ShouldBe(1);

        File.Exists(old).ShouldBeFalse();
        File.Exists(fresh).ShouldBeTrue();
    }

    [Fact]
    public async Task AddReports_PdfExportInBackground_WritesPdfUnderDataFolderExports()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:DataFolder"] = folder.Path, ["Reports:ExportRetention"] = "01:00:00" })
            .Build();
        await using var provider = new ServiceCollection().AddLogging().AddReports(configuration).BuildServiceProvider();
        var exports = provider.GetRequiredService<ExportJobs>();
        var phases = new List<string>();

        var status = exports.Start(new ExportRequest("leader", "月度评价报告", "月度评价报告.pdf", ExportRequest.Pdf, ctx =>
            ctx.Services.GetRequiredService<PdfReportRenderer>().RenderAsync(ReportSamples.Monthly(40), ctx.Output, ctx.Step("正在生成 PDF"), ctx.CancellationToken)));
        var done = await exports.WaitAsync(status.Id, "leader");

        exports.Folder.ShouldBe(Path.Combine(folder.Path, "exports"));
        done!.State.ShouldBe(ExportState.Completed);
        var download = exports.GetDownload(status.Id, "leader")!;
        Path.GetDirectoryName(download.Path).ShouldBe(exports.Folder);
        ExternalTools.PdfPages(download.Path)[0].ShouldContain(ReportSamples.Title);
        done.ExpiresAt.ShouldBe(done.FinishedAt + TimeSpan.FromHours(1));
    }

    public void Dispose()
    {
        jobs.Dispose();
        services.Dispose();
        folder.Dispose();
    }

    private ExportJobs Create(int maxConcurrent) => new(
        new ExportJobsSettings(folder.Path, Retention, maxConcurrent),
        services.GetRequiredService<IServiceScopeFactory>(),
        time,
        NullLogger<ExportJobs>.Instance);

    private static ExportRequest Request(string user, Func<ExportContext, Task> work) =>
        new(user, "评价结果", "报告.xlsx", ExportRequest.Xlsx, work);

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        condition().ShouldBeTrue();
    }
}
