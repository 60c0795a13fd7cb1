using CityMgmt.Domain.Evaluation;
using CityMgmt.Infrastructure.Evaluation;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Web.Services;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CityMgmt.Web.Components.Pages.Evaluation;

/// <summary>评价排名: a frozen run's tables per object type, drill-down from counts to cases, trends, exports.</summary>
public sealed partial class EvaluationPage
{
    private StaffContext? staff;
    private bool canExport;
    private IReadOnlyList<RunListItem> runs = [];
    private Guid? runId;
    private EvaluationObjectType type = EvaluationObjectType.Supervisor;
    private RunTable? table;
    private (IReadOnlyList<DrillCase> Cases, int Total)? drill;
    private string? drillTitle;
    private TrendComparison? trend;
    private string? trendTitle;

    [Inject]
    private StaffSession Session { get; set; } = null!;

    [Inject]
    private EvaluationQueries Queries { get; set; } = null!;

    [Inject]
    private EvaluationDrillDown DrillDown { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        staff = await Session.RequireAsync();
        canExport = EvaluationAccess.CanExport(staff);
        await LoadRunsAsync();
    }

    private async Task LoadRunsAsync()
    {
        var result = await Queries.RunsAsync(staff!);
        if (result.IsFailure)
        {
            Snackbar.Add(result.Error.Message, Severity.Error);
            return;
        }

        runs = result.Value;
        await SelectRunAsync(runId is { } id && runs.Any(r => r.Id == id) ? id : runs.FirstOrDefault(r => r.Kind == PeriodKind.Month)?.Id ?? (runs.Count > 0 ? runs[0].Id : null));
    }

    private string RunText(Guid? id) => runs.FirstOrDefault(r => r.Id == id) is { } r ? $"{r.PeriodLabel} · {r.FormulaSetName} 第{r.FormulaSetVersion}版" : string.Empty;

    private async Task SelectRunAsync(Guid? id)
    {
        runId = id;
        await LoadTableAsync();
    }

    private async Task TabChangedAsync(int index)
    {
        type = Enum.GetValues<EvaluationObjectType>()[index];
        await LoadTableAsync();
    }

    private async Task LoadTableAsync()
    {
        (table, drill, trend) = (null, null, null);
        if (runId is not { } id)
        {
            return;
        }

        var result = await Queries.TableAsync(staff!, id, type);
        if (result.IsFailure)
        {
            Snackbar.Add(result.Error.Message, Severity.Error);
            return;
        }

        table = result.Value;
    }

    private async Task DrillAsync((ObjectEvaluation Row, CountKey Count) pick)
    {
        var result = await DrillDown.CasesAsync(staff!, runId!.Value, type, pick.Row.SubjectId, pick.Count);
        if (result.IsFailure)
        {
            Snackbar.Add(result.Error.Message, Severity.Warning);
            return;
        }

        drill = result.Value;
        drillTitle = $"{pick.Row.SubjectName} · {pick.Count.DisplayName()}";
    }

    private async Task TrendAsync(ObjectEvaluation row)
    {
        var kind = runs.First(r => r.Id == runId).Kind;
        var result = await Queries.TrendAsync(staff!, type, row.SubjectId, kind);
        if (result.IsFailure)
        {
            Snackbar.Add(result.Error.Message, Severity.Error);
            return;
        }

        trend = new TrendComparison([.. result.Value.Select(p => p.PeriodLabel)], [new TrendSeries(row.SubjectId, row.SubjectName, result.Value)]);
        trendTitle = $"{row.SubjectName} · 综合得分趋势";
    }
}

/// <summary>Where the export endpoints are (kept beside the page that links them).</summary>
internal static class EvaluationExportUrls
{
    public static string Xlsx(Guid runId) => Endpoints.EvaluationExportEndpoints.Url(runId, "xlsx");

    public static string Pdf(Guid runId) => Endpoints.EvaluationExportEndpoints.Url(runId, "pdf");
}
