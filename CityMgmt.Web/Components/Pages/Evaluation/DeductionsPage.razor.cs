using CityMgmt.Domain.Evaluation;
using CityMgmt.Infrastructure.Evaluation;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Web.Services;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CityMgmt.Web.Components.Pages.Evaluation;

/// <summary>扣分与考核: a quarter's or year's assessment of townships and departments, and its deductions (record, revoke).</summary>
public sealed partial class DeductionsPage
{
    private static readonly DialogOptions Options = new() { MaxWidth = MaxWidth.Small, FullWidth = true, BackdropClick = false };

    private StaffContext? staff;
    private bool canRecord;
    private PeriodKind kind = PeriodKind.Quarter;
    private int year;
    private int quarter;
    private IReadOnlyList<DeductionTarget> targets = [];
    private IReadOnlyList<DeductionListItem> deductions = [];
    private Assessment? assessment;

    [Inject]
    private StaffSession Session { get; set; } = null!;

    [Inject]
    private DeductionService Deductions { get; set; } = null!;

    [Inject]
    private AssessmentQueries Assessments { get; set; } = null!;

    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    private EvaluationPeriod Period => kind == PeriodKind.Year ? EvaluationPeriod.Year(year) : EvaluationPeriod.Quarter(year, quarter);

    protected override async Task OnInitializedAsync()
    {
        staff = await Session.RequireAsync();
        canRecord = DeductionService.CanRecord(staff);
        var today = EvaluationPeriod.ChinaDate(Clock.GetUtcNow());
        (year, quarter) = (today.Year, ((today.Month - 1) / 3) + 1);
        var loaded = await Deductions.TargetsAsync(staff);
        targets = loaded.IsSuccess ? loaded.Value : [];
        await LoadAsync();
    }

    private async Task KindChangedAsync(PeriodKind value)
    {
        kind = value;
        await LoadAsync();
    }

    private async Task YearChangedAsync(int value)
    {
        year = Math.Clamp(value, 2000, 2100);
        await LoadAsync();
    }

    private async Task QuarterChangedAsync(int value)
    {
        quarter = value;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var list = await Deductions.ListAsync(staff!, Period);
        var assessed = await Assessments.AssessAsync(staff!, Period);
        if (list.IsFailure || assessed.IsFailure)
        {
            Snackbar.Add((list.IsFailure ? list.Error : assessed.Error).Message, Severity.Error);
            return;
        }

        (deductions, assessment) = (list.Value, assessed.Value);
    }

    private async Task RevokeAsync(DeductionListItem item)
    {
        var parameters = new DialogParameters<DeductionRevokeDialog> { { d => d.Staff, staff }, { d => d.Item, item } };
        var dialog = await Dialogs.ShowAsync<DeductionRevokeDialog>("撤销扣分", parameters, Options);
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add("扣分已撤销", Severity.Success);
            await LoadAsync();
        }
    }
}
