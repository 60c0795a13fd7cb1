using CityMgmt.Domain.Cases;
using CityMgmt.Infrastructure.Cases;
using CityMgmt.Infrastructure.Cases.Intake;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Web.Services;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CityMgmt.Web.Components.Pages.Intake;

/// <summary>
/// 受理队列 of the 受理员 and 值班长: every report waiting at 受理 in their scope, newest first, paged in the database,
/// each with its duplicate candidates. Reloads when another user changes a case.
/// </summary>
public sealed partial class IntakePage : IDisposable
{
    private const int PageSize = 20;

    private StaffContext? staff;
    private MudTable<IntakeRow>? table;
    private int total;
    private CaseSource? source;
    private IntakeRow? selected;
    private string? notice;
    private Severity noticeSeverity = Severity.Info;

    [Inject]
    private StaffSession Session { get; set; } = null!;

    [Inject]
    private IntakeQueries Queries { get; set; } = null!;

    [Inject]
    private CaseChangeNotifier Changes { get; set; } = null!;

    public void Dispose() => Changes.Changed -= OnCaseChanged;

    protected override async Task OnInitializedAsync()
    {
        Changes.Changed += OnCaseChanged;
        staff = await Session.RequireAsync();
    }

    private void OnCaseChanged(Guid caseId) => _ = InvokeAsync(async () =>
    {
        if (table is not null)
        {
            await table.ReloadServerData();
            StateHasChanged();
        }
    });

    private async Task<TableData<IntakeRow>> LoadAsync(TableState state, CancellationToken ct)
    {
        if (staff is null)
        {
            return new TableData<IntakeRow> { Items = [], TotalItems = 0 };
        }

        var (rows, count) = await Queries.QueueAsync(staff, source, state.Page, state.PageSize, ct);
        total = count;
        Refresh(rows);
        return new TableData<IntakeRow> { Items = rows, TotalItems = count };
    }

    // The open case follows the fresh list: new candidates and version, or gone when someone else dealt with it.
    private void Refresh(IReadOnlyList<IntakeRow> rows)
    {
        if (selected is null)
        {
            return;
        }

        var fresh = rows.FirstOrDefault(r => r.Id == selected.Id);
        if (fresh is null)
        {
            notice ??= $"案件{selected.Number}已不在受理队列中（已被他人办理）";
            selected = null;
        }
        else
        {
            selected = fresh;
        }
    }

    private void Select(IntakeRow row)
    {
        selected = row;
        (notice, noticeSeverity) = (null, Severity.Info);
    }

    private async Task SourceChangedAsync(ChangeEventArgs e)
    {
        source = Enum.TryParse<CaseSource>(e.Value?.ToString(), out var s) && Enum.IsDefined(s) ? s : null;
        if (table is not null)
        {
            table.NavigateTo(Page.First);
            await table.ReloadServerData();
        }
    }

    /// <summary>Done: the case leaves the queue. Refused: the message stays, the list and the case are read again.</summary>
    private async Task AfterActionAsync(IntakeOutcome outcome)
    {
        if (outcome.Done)
        {
            selected = null;
        }

        (notice, noticeSeverity) = (outcome.Message, outcome.Done ? Severity.Success : Severity.Error);
        if (table is not null)
        {
            await table.ReloadServerData();
        }
    }
}

/// <summary>What an action of the panel came to: <see cref="Done"/> when it was taken, else the refusal.</summary>
public sealed record IntakeOutcome(bool Done, string Message);
