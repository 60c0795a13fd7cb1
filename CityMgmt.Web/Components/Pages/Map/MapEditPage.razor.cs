using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Geo.Editing;
using CityMgmt.Infrastructure.Geo.VectorTiles;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Web.Components.Shared;
using CityMgmt.Web.Services;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CityMgmt.Web.Components.Pages.Map;

/// <summary>Administrators reshape unit grids and move components on the map; the edit service validates and records history.</summary>
public sealed partial class MapEditPage
{
    private const double ClickPixels = 10;

    private readonly MapView.LayerState layers = new() { Cases = false };
    private MapView? map;
    private StaffContext? staff;
    private EditMode mode = EditMode.Grid;
    private string? gridCode;
    private GridOutline? grid;
    private ComponentDetail? component;
    private bool saving;

    private enum EditMode
    {
        Grid,
        Component,
    }

    [Inject]
    private StaffSession Session { get; set; } = null!;

    [Inject]
    private MapQueries Queries { get; set; } = null!;

    [Inject]
    private BaseDataEditService Edit { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        staff = await Session.RequireAsync();
        staff.EnsureRole(StaffRole.Admin);
    }

    private async Task ModeChangedAsync(EditMode value)
    {
        mode = value;
        grid = null;
        component = null;
        await StopAsync();
    }

    private async Task LoadGridAsync()
    {
        grid = await Queries.FindGridAsync(gridCode);
        if (grid is null)
        {
            Snackbar.Add($"未找到编码为“{gridCode?.Trim()}”的单元网格（需15位完整编码）", Severity.Warning);
            await StopAsync();
            return;
        }

        if (map is not null)
        {
            await map.FitAsync(grid.Extent, maxZoom: 19);
            await map.HighlightAsync(null);
            await map.EditPolygonAsync(grid.Ring);
        }
    }

    private async Task SaveGridAsync()
    {
        if (grid is null || map is null || await map.GetEditedPolygonAsync() is not { } ring)
        {
            return;
        }

        saving = true;
        var result = await Edit.ReshapeGridAsync(staff!, grid.Id, ring);
        saving = false;
        if (result.IsFailure)
        {
            Snackbar.Add(result.Error.Message, Severity.Error);
            return;
        }

        var saved = result.Value;
        if (!saved.Changed)
        {
            Snackbar.Add($"网格{saved.Code}的边界没有变化，无需保存", Severity.Info);
            return;
        }

        Snackbar.Add($"网格{saved.Code}边界已保存：面积{saved.AreaSquareMetres:F1}平方米，重新归属部件{saved.ReassignedComponents}个", Severity.Success);
        await map.RefreshAsync(MapLayers.Grids);
        await map.RefreshAsync(MapLayers.Components);
        await LoadGridAsync();
    }

    private async Task ClickedAsync(MapClick click)
    {
        if (mode != EditMode.Component || component is not null || click.Zoom < MapLayers.ComponentsMinZoom)
        {
            return;
        }

        var pick = await Queries.PickAsync(staff!.Scope, click.Longitude, click.Latitude, click.ToleranceMetres(ClickPixels), cases: false);
        component = pick.Component is { } hit ? await Queries.ComponentAsync(staff.Scope, hit.Id) : null;
        if (component is not null && map is not null)
        {
            await map.EditPointAsync(component.Longitude, component.Latitude);
        }
    }

    private async Task SaveComponentAsync()
    {
        if (component is null || map is null || await map.GetEditedPointAsync() is not [var lon, var lat, ..])
        {
            return;
        }

        saving = true;
        var result = await Edit.MoveComponentAsync(staff!, component.Id, lon, lat);
        saving = false;
        if (result.IsFailure)
        {
            Snackbar.Add(result.Error.Message, Severity.Error);
            return;
        }

        Snackbar.Add($"部件{result.Value.Code}已移动，所在网格：{result.Value.GridCode ?? "无（不在任何单元网格内）"}", Severity.Success);
        await CancelComponentAsync();
        await map.RefreshAsync(MapLayers.Components);
    }

    private async Task CancelComponentAsync()
    {
        component = null;
        await StopAsync();
    }

    private async Task StopAsync()
    {
        if (map is not null)
        {
            await map.StopEditAsync();
            await map.HighlightAsync(null);
        }
    }
}
