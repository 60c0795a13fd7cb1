using Bunit;
using CityMgmt.Domain.Exports;
using CityMgmt.Infrastructure.Reports.Exports;
using CityMgmt.Tests.Support;
using CityMgmt.Web.Components.Pages.Exports;
using Microsoft.Extensions.DependencyInjection;

namespace CityMgmt.Tests.Web.Evaluation;

public sealed class ExportJobListTests
{
    [Fact]
    public async Task Render_FailedExport_ShowsTheChineseReasonAndNoLink()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var ld = await services.StaffAsync("ld");
        var job = ExportJob.Queue(ld.UserId, ld.DisplayName, ExportKind.EvaluationPdf, "评价报告 PDF（2026年10月）", "报告.pdf", Guid.NewGuid().ToString(), TestClock.MondayMorning).Value;
        job.Start("0123456789abcdef0123456789abcdef.pdf", TestClock.MondayMorning).IsSuccess.ShouldBeTrue();
        job.Fail("未找到可用的中文字体，请安装 fonts-wqy-microhei", TestClock.MondayMorning).IsSuccess.ShouldBeTrue();
        await using (var db = services.NewDb())
        {
            db.ExportJobs.Add(job);
            await db.SaveChangesAsync();
        }

        await using var ctx = await BunitHost.CreateAsync(services, "ld");

        var cut = ctx.Render<ExportJobList>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=export-error]").TextContent.ShouldBe("未找到可用的中文字体，请安装 fonts-wqy-microhei"));
        cut.Find("[data-testid=export-job]").GetAttribute("data-state").ShouldBe("Failed");
        cut.Markup.ShouldContain("失败");
        cut.FindAll("[data-testid=export-download]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Notifier_ProgressOfTheUsersExport_RowUpdatesLiveAndOthersStayHidden()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var ld = await services.StaffAsync("ld");
        await using var ctx = await BunitHost.CreateAsync(services, "ld");
        var cut = ctx.Render<ExportJobList>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=exports-empty]"));
        var notifier = services.Services.GetRequiredService<ExportNotifier>();
        var id = Guid.NewGuid();

        notifier.Publish(ld.UserId, View(id, ExportJobState.Running, 40, "正在写入（40,000 / 100,000 行）"));
        cut.WaitForAssertion(() => cut.Find("[data-testid=export-progress-text]").TextContent.ShouldBe("正在写入（40,000 / 100,000 行）"));
        notifier.Publish("someone-else", View(Guid.NewGuid(), ExportJobState.Running, 10, "别人的导出"));
        notifier.Publish(ld.UserId, View(id, ExportJobState.Completed, 100, "已完成，共 100,000 行"));

        cut.WaitForAssertion(() => cut.Find("[data-testid=export-download]").GetAttribute("href").ShouldBe($"/api/exports/{id}/file"));
        cut.FindAll("[data-testid=export-job]").Count.ShouldBe(1);
        cut.Markup.ShouldNotContain("别人的导出");
    }

    private static ExportJobView View(Guid id, ExportJobState state, int percent, string text) => new(
        id, ExportKind.CaseList, "案件清单（2026年10月）", "案件清单-2026年10月.xlsx", state, percent, percent * 1000, 100_000, text,
        TestClock.MondayMorning, null, state == ExportJobState.Completed ? TestClock.MondayMorning.AddHours(24) : null, null, null);
}
