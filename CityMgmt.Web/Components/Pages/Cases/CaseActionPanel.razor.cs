using CityMgmt.Domain.Calendar;
using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Cases;
using CityMgmt.Infrastructure.Organisation;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using CaseInfo = CityMgmt.Infrastructure.Cases.CaseDetail;

namespace CityMgmt.Web.Components.Pages.Cases;

/// <summary>Buttons for exactly what the user may do now, and the small form each action needs.</summary>
public sealed partial class CaseActionPanel
{
    private IReadOnlyList<CaseActionSpec> available = [];
    private bool canMerge;
    private List<OrgUnit> departments = [];
    private CaseActionSpec? selected;
    private DepartmentSuggestion? suggestion;
    private Guid? departmentId;
    private DateOnly? newDate;
    private ClosingKind closingKind = ClosingKind.Normal;
    private string? comment;
    private bool busy;

    [Inject]
    private CaseActionService Actions { get; set; } = null!;

    [Inject]
    private BaseDataQueries BaseData { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [Parameter, EditorRequired]
    public required CaseInfo Detail { get; set; }

    [Parameter, EditorRequired]
    public required StaffContext Staff { get; set; }

    /// <summary>After an action (done or refused): the page reloads the case to show its fresh state.</summary>
    [Parameter]
    public EventCallback OnChanged { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        // 合并 needs the duplicate candidates: it is offered on the 受理队列, linked from here.
        var all = await Actions.AvailableAsync(Staff, Detail.Case.Id);
        canMerge = all.Any(a => a.Kind == CaseActionKind.Merge);
        available = all.Where(a => a.Kind != CaseActionKind.Merge).ToList();
        if (selected is not null && available.All(a => a.Kind != selected.Kind))
        {
            selected = null;
        }
    }

    private async Task Select(CaseActionSpec spec)
    {
        selected = spec;
        comment = null;
        newDate = null;
        closingKind = ClosingKind.Normal;
        if (spec.Kind == CaseActionKind.Dispatch)
        {
            departments = (await BaseData.OrgUnitsAsync()).Where(o => o.Kind == OrgUnitKind.Department && o.IsActive).ToList();
            suggestion = await Actions.SuggestDepartmentAsync(Staff, Detail.Case.Id);
            departmentId = suggestion?.Id;
        }

        if (spec.Kind == CaseActionKind.ApproveExtension && Detail.Case.DisposalDeadline is { } current)
        {
            newDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(current, WorkingCalendar.ChinaTimeZone).Date).AddDays(2);
        }
    }

    private async Task SubmitAsync()
    {
        if (selected is not { } spec)
        {
            return;
        }

        busy = true;
        DateTimeOffset? deadline = newDate is { } d
            ? new DateTimeOffset(d.ToDateTime(new TimeOnly(18, 0)), TimeSpan.FromHours(8)).ToUniversalTime()
            : null;
        var input = new CaseActionInput(comment, departmentId, deadline, closingKind);
        var result = await Actions.RunAsync(Staff, Detail.Case.Id, spec.Kind, input, Detail.Case.Version);
        busy = false;
        if (result.IsSuccess)
        {
            Snackbar.Add($"已办理：{spec.Name}", Severity.Success);
            selected = null;
        }
        else
        {
            Snackbar.Add(result.Error.Message, Severity.Error);
        }

        await OnChanged.InvokeAsync();
    }
}
