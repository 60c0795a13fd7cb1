using CityMgmt.Domain.Exports;
using CityMgmt.Infrastructure.Evaluation;
using CityMgmt.Infrastructure.Reports.Excel;
using CityMgmt.Infrastructure.Reports.Pdf;
using Microsoft.Extensions.DependencyInjection;

namespace CityMgmt.Infrastructure.Reports.Exports;

/// <summary>评价报告 of a run as Excel or PDF, built for the owner's data scope; the PDF reports pages written.</summary>
internal sealed class EvaluationReportExport(ExportKind kind) : IExportWriter
{
    public ExportKind Kind => kind;

    public async Task WriteAsync(ExportContext context)
    {
        var ct = context.CancellationToken;
        context.Report(0, null, "正在汇总评价结果");
        var builder = context.Services.GetRequiredService<EvaluationReportBuilder>();
        var document = await builder.BuildAsync(context.Owner, Guid.Parse(context.Job.Parameter), ct);
        if (document.IsFailure)
        {
            throw new ExportFailedException($"导出失败：{document.Error.Message}");
        }

        if (kind == ExportKind.EvaluationExcel)
        {
            var tables = document.Value.Tables.Count();
            context.Report(0, tables, $"正在写入 {tables} 张表");
            await ExcelReportWriter.WriteAsync(document.Value, context.Output, ct);
            context.Report(tables, tables, $"已写入 {tables} 张表");
            return;
        }

        context.Report(0, null, "正在排版");
        var pages = new ExportContext.Relay<PdfPages>(p => context.Report(p.Written, p.Count, $"正在生成 PDF（第 {p.Written} 页 / 共 {p.Count} 页）"));
        var renderer = context.Services.GetRequiredService<PdfReportRenderer>();
        await renderer.RenderPagesAsync(document.Value, context.Output, pages, ct);
    }
}
