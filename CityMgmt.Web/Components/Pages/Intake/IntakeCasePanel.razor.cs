using System.Globalization;
using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Cases;
using CityMgmt.Infrastructure.Cases.Intake;
using CityMgmt.Infrastructure.Organisation;
using Microsoft.AspNetCore.Components;

namespace CityMgmt.Web.Components.Pages.Intake;

/// <summary>One queued report: its duplicate candidates with 合并, and 受理 with the supervisor who verifies it on site.</summary>
public sealed partial class IntakeCasePanel
{
    private IReadOnlyList<SupervisorOption> supervisors = [];
    private string? supervisorId;
    private DuplicateCandidate? mergeInto;
    private string? comment;
    private bool busy;

    [Inject]
    private IntakeQueries Queries { get; set; } = null!;

    [Inject]
    private CaseActionService Actions { get; set; } = null!;

    [Parameter, EditorRequired]
    public required IntakeRow Row { get; set; }

    [Parameter, EditorRequired]
    public required StaffContext Staff { get; set; }

    [Parameter]
    public EventCallback<IntakeOutcome> OnDone { get; set; }

    protected override async Task OnInitializedAsync()
    {
        if (Staff.IsInRole(StaffRole.Operator) && Row.Source.NeedsVerification())
        {
            supervisors = await Queries.SupervisorsAsync(Staff, Row.Id);
            supervisorId = (supervisors.FirstOrDefault(s => s.Suggested) ?? (supervisors.Count > 0 ? supervisors[0] : null))?.UserId;
        }
    }

    private static string Metres(double distance) => Math.Round(distance).ToString("0", CultureInfo.InvariantCulture) + " 米";

    private Task MergeAsync() =>
        mergeInto is { } target
            ? RunAsync(CaseActionKind.Merge, new CaseActionInput(comment, TargetCaseId: target.Id), $"案件{Row.Number}已作为重复上报合并到案件{target.Number}")
            : Task.CompletedTask;

    private Task RegisterAsync()
    {
        var chosen = supervisors.FirstOrDefault(s => s.UserId == supervisorId);
        var message = chosen is null ? $"案件{Row.Number}已受理" : $"案件{Row.Number}已受理，核实任务已发送给{chosen.Name}";
        return RunAsync(CaseActionKind.Register, new CaseActionInput(comment, SupervisorUserId: chosen?.UserId), message);
    }

    private async Task RunAsync(CaseActionKind kind, CaseActionInput input, string success)
    {
        busy = true;
        var result = await Actions.RunAsync(Staff, Row.Id, kind, input, Row.Version);
        busy = false;
        mergeInto = null;
        await OnDone.InvokeAsync(result.IsSuccess ? new IntakeOutcome(true, success) : new IntakeOutcome(false, result.Error.Message));
    }
}
