using CityMgmt.Domain.Evaluation;
using CityMgmt.Infrastructure.Evaluation;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Web.Services;
using Microsoft.AspNetCore.Components;
using MudBlazor;

using DomainError = CityMgmt.Domain.Common.Error;

namespace CityMgmt.Web.Components.Pages.Admin.Evaluation;

/// <summary>评价方案: administrators edit the draft formula set, save it when it validates, and publish it as a new version.</summary>
public sealed partial class FormulaSetPage
{
    private static readonly string[] FormulaFunctions = ["Abs", "Ceiling", "Floor", "Max", "Min", "Pow", "Round", "Sqrt", "Truncate", "if"];

    private StaffContext? staff;
    private FormulaDraftView? view;
    private FormulaSetEditModel? model;
    private IReadOnlyList<FormulaVersionItem> versions = [];
    private IReadOnlyList<DeductionTarget> subjects = [];
    private List<DomainError> errors = [];
    private bool busy;

    [Inject]
    private StaffSession Session { get; set; } = null!;

    [Inject]
    private FormulaSetStore Store { get; set; } = null!;

    [Inject]
    private DeductionService Targets { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        staff = await Session.RequireAsync();
        var targets = await Targets.TargetsAsync(staff);
        subjects = targets.IsSuccess ? targets.Value : [];
        await LoadAsync();
    }

    private IReadOnlyList<DeductionTarget> SubjectsOf(EvaluationObjectType type) => [.. subjects.Where(s => s.Type == type)];

    private async Task LoadAsync()
    {
        var draft = await Store.DraftAsync(staff!);
        var list = await Store.VersionsAsync(staff!);
        if (draft.IsFailure || list.IsFailure)
        {
            Snackbar.Add((draft.IsFailure ? draft.Error : list.Error).Message, Severity.Error);
            return;
        }

        (view, versions) = (draft.Value, list.Value);
        model = FormulaSetEditModel.From(view.Set);
    }

    /// <summary>Validates and saves the draft; on any problem lists them all and saves nothing.</summary>
    private async Task<bool> SaveCoreAsync()
    {
        var parseErrors = new List<DomainError>();
        var set = model!.ToSet(parseErrors);
        if (set.IsFailure)
        {
            errors = parseErrors;
            return false;
        }

        var saved = await Store.SaveDraftAsync(staff!, set.Value);
        if (saved.IsFailure)
        {
            Snackbar.Add(saved.Error.Message, Severity.Error);
            return false;
        }

        errors = [.. saved.Value];
        return errors.Count == 0;
    }

    private async Task SaveDraftAsync()
    {
        busy = true;
        try
        {
            if (await SaveCoreAsync())
            {
                Snackbar.Add("草稿已保存", Severity.Success);
                await LoadAsync();
            }
        }
        finally
        {
            busy = false;
        }
    }

    private async Task PublishAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("发布评价方案", "发布后成为新的生效版本，之后的评价都按新版本计算；已有评价结果不变。确定发布？", yesText: "发布", cancelText: "取消");
        if (confirmed != true)
        {
            return;
        }

        busy = true;
        try
        {
            if (!await SaveCoreAsync())
            {
                return;
            }

            var published = await Store.PublishDraftAsync(staff!);
            if (published.IsFailure)
            {
                Snackbar.Add(published.Error.Message, Severity.Error);
                return;
            }

            errors = [.. published.Value];
            if (errors.Count == 0)
            {
                Snackbar.Add("已发布新版本", Severity.Success);
                await LoadAsync();
            }
        }
        finally
        {
            busy = false;
        }
    }

    private async Task DiscardAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("放弃草稿", "草稿中的修改将丢失，恢复为当前生效版本。确定放弃？", yesText: "放弃", cancelText: "取消");
        if (confirmed != true)
        {
            return;
        }

        var result = await Store.DiscardDraftAsync(staff!);
        if (result.IsFailure)
        {
            Snackbar.Add(result.Error.Message, Severity.Error);
            return;
        }

        errors = [];
        await LoadAsync();
    }
}
