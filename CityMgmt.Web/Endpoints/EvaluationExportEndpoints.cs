using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Evaluation;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Infrastructure.Reports;
using CityMgmt.Infrastructure.Reports.Excel;
using CityMgmt.Infrastructure.Reports.Exports;
using CityMgmt.Infrastructure.Reports.Pdf;
using Microsoft.AspNetCore.Mvc;

namespace CityMgmt.Web.Endpoints;

/// <summary>
/// GET /api/evaluation/runs/{id}/export/{xlsx|pdf}: a run's report (every table the caller's data scope allows).
/// 领导 and 值班长 only, checked by the policy and again by the report builder; the PDF fails with the font
/// resolver's Chinese message when no CJK font is installed.
/// </summary>
internal static class EvaluationExportEndpoints
{
    public const string Prefix = "/api/evaluation/runs";

    public static string Url(Guid runId, string format) => $"{Prefix}/{runId}/export/{format}";

    public static void MapEvaluationExportEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Prefix + "/{id:guid}/export/{format}", ExportAsync)
            .RequireAuthorization(policy => policy.RequireRole(StaffRole.Leader, StaffRole.ShiftLeader))
            .WithMetadata(new SkipStatusCodePagesAttribute());

    private static async Task<IResult> ExportAsync(
        Guid id, string format, HttpContext http, UserDirectory users, EvaluationReportBuilder builder, PdfReportRenderer pdf, ILogger<EvaluationReportBuilder> logger, CancellationToken ct)
    {
        if (format is not ("xlsx" or "pdf"))
        {
            return Results.NotFound();
        }

        var staff = await users.GetAsync(http.User, ct);
        if (staff is null || !EvaluationAccess.CanExport(staff))
        {
            return Results.Problem(StaffContext.Forbidden.Message, statusCode: StatusCodes.Status403Forbidden);
        }

        var document = await builder.BuildAsync(staff, id, ct);
        if (document.IsFailure)
        {
            return document.Error == EvaluationQueries.RunNotFound
                ? Results.Problem(document.Error.Message, statusCode: StatusCodes.Status404NotFound)
                : Results.Problem(document.Error.Message, statusCode: StatusCodes.Status403Forbidden);
        }

        var buffer = new MemoryStream();
        try
        {
            if (format == "xlsx")
            {
                await ExcelReportWriter.WriteAsync(document.Value, buffer, ct);
            }
            else
            {
                await pdf.RenderAsync(document.Value, buffer, null, ct);
            }
        }
        catch (ReportFontNotFoundException ex)
        {
            logger.LogError(ex, "PDF export without a CJK font");
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        buffer.Position = 0;
        var contentType = format == "xlsx" ? ExportContentTypes.Xlsx : ExportContentTypes.Pdf;
        return Results.File(buffer, contentType, EvaluationReportBuilder.FileName(document.Value, format));
    }
}
