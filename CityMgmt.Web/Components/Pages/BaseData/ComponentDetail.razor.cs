using System.Globalization;
using CityMgmt.Domain.Components;
using CityMgmt.Infrastructure.Cases;
using CityMgmt.Infrastructure.Geo.Import.Census;
using CityMgmt.Web.Services;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CityMgmt.Web.Components.Pages.BaseData;

/// <summary>部件履历: a component's attributes, its change timeline (CHDate), and — for administrators — a census result form.</summary>
public partial class ComponentDetail
{
    private ComponentFacts? detail;
    private List<ComponentChange> history = [];
    private bool loading = true;
    private bool saving;
    private ComponentState newState;
    private DateTime? checkedOn;
    private string? note;

    [Parameter]
    public Guid Id { get; set; }

    [Inject]
    private ComponentCensusService Census { get; set; } = null!;

    [Inject]
    private StaffSession Session { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    private DateTime Today => ChinaDay.Today(Clock.GetUtcNow()).ToDateTime(TimeOnly.MinValue);

    private IEnumerable<(string Label, string Value)> Attributes => detail is not { } d ? [] :
    [
        ("部件标识码", d.Code),
        ("部件名称", d.Name),
        ("小类", $"{d.CategoryCode} {d.CategoryName}"),
        ("主管部门", d.Department),
        ("权属单位", d.OwnershipUnit ?? "—"),
        ("养护单位", d.MaintenanceUnit ?? "—"),
        ("所在网格", d.GridCode ?? "—"),
        ("初始日期", d.InitialDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("变更日期", d.ChangeDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("数据来源", d.DataSource ?? "—"),
        ("备注", d.Note ?? "—"),
        ("位置", d.Longitude is { } x && d.Latitude is { } y ? string.Create(CultureInfo.InvariantCulture, $"{d.GeometryType} {x:F6}, {y:F6}") : "—"),
    ];

    protected override async Task OnParametersSetAsync()
    {
        loading = true;
        await LoadAsync();
        checkedOn = Today;
        loading = false;
    }

    private async Task LoadAsync()
    {
        detail = await Census.DetailAsync(Id);
        history = detail is null ? [] : await Census.HistoryAsync(Id);
        newState = detail?.State ?? ComponentState.Intact;
    }

    private async Task SubmitAsync()
    {
        if (detail is null || checkedOn is not { } day)
        {
            return;
        }

        saving = true;
        var staff = await Session.RequireAsync();
        var result = await Census.UpdateStateAsync(staff, new CensusUpdate(Id, newState, DateOnly.FromDateTime(day), note, detail.Version));
        saving = false;
        if (result.IsFailure)
        {
            Snackbar.Add(result.Error.Message, Severity.Error);
            return;
        }

        Snackbar.Add($"已登记普查结果：{newState.DisplayName()}", Severity.Success);
        note = null;
        await LoadAsync();
    }

    private static string KindName(ComponentChangeKind kind) => kind switch
    {
        ComponentChangeKind.Created => "新增",
        ComponentChangeKind.Moved => "位置变更",
        ComponentChangeKind.StateChanged => "状态变更",
        ComponentChangeKind.AttributesChanged => "属性变更",
        _ => "注销",
    };

    private static string SourceName(ComponentChangeSource source) => source switch
    {
        ComponentChangeSource.Import => "数据导入",
        ComponentChangeSource.Census => "普查",
        ComponentChangeSource.Edit => "编辑",
        _ => "案件处置",
    };

    private static Color ColorOf(ComponentChangeKind kind) => kind switch
    {
        ComponentChangeKind.StateChanged => Color.Warning,
        ComponentChangeKind.Moved => Color.Info,
        ComponentChangeKind.Created => Color.Success,
        _ => Color.Default,
    };
}
