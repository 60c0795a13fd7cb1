using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Categories;
using CityMgmt.Domain.Geo;
using CityMgmt.Domain.Geocoding;
using CityMgmt.Infrastructure.Cases;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Web.Components.Shared;
using CityMgmt.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;

namespace CityMgmt.Web.Components.Pages.Field;

/// <summary>
/// 问题上报 for the supervisor's phone: category, position from GPS or a map click (grid, community and the
/// nearest component filled in by the geocoder), description, up to 9 photos; the case starts its workflow.
/// </summary>
public sealed partial class ReportPage : IAsyncDisposable
{
    private const int ComponentRadiusMetres = 30;

    private List<Category> categories = [];
    private Dictionary<Guid, Category> majors = [];
    private string? categoryFilter;
    private Guid? categoryId;
    private GeoPoint? position;
    private PointLocation? location;
    private NearbyComponent? component;
    private string? address;
    private string? description;
    private readonly List<StoredFile> photos = [];
    private bool showMap;
    private bool locating;
    private bool busy;
    private string? error;
    private IJSObjectReference? module;

    [Inject]
    private StaffSession Session { get; set; } = null!;

    [Inject]
    private BaseDataQueries BaseData { get; set; } = null!;

    [Inject]
    private IGeocoder Geocoder { get; set; } = null!;

    [Inject]
    private CaseReportingService Reporting { get; set; } = null!;

    [Inject]
    private CaseQueries Cases { get; set; } = null!;

    [Inject]
    private AttachmentStore Store { get; set; } = null!;

    [Inject]
    private IJSRuntime JS { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    protected override async Task OnInitializedAsync() => (categories, majors) = CategoryFilter.Split(await BaseData.CategoriesAsync());

    private async Task UseGpsAsync()
    {
        locating = true;
        error = null;
        module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/report.js");
        var fix = await module.InvokeAsync<GpsFix?>("locate");
        locating = false;
        if (fix is null)
        {
            error = "无法获取当前位置，请允许定位或在地图上选点";
            return;
        }

        await SetPositionAsync(new GeoPoint(fix.Longitude, fix.Latitude), null);
    }

    private Task OnMapPickedAsync(MapPickResult pick) => SetPositionAsync(new GeoPoint(pick.Longitude, pick.Latitude), pick.ComponentId);

    private async Task SetPositionAsync(GeoPoint point, Guid? pickedComponent)
    {
        position = point;
        location = await Geocoder.LocateAsync(point);
        var nearby = await Geocoder.NearestComponentsAsync(point, ComponentRadiusMetres, 5);
        component = nearby.FirstOrDefault(n => n.Id == pickedComponent) ?? (nearby.Count > 0 ? nearby[0] : null);
        address = await Geocoder.DescribeAsync(point);
        if (!location.IsInsideAGrid)
        {
            error = "该位置不在本辖区的单元网格内，请重新选点";
        }
    }

    private async Task AddPhotosAsync(InputFileChangeEventArgs e)
    {
        error = null;
        foreach (var file in e.GetMultipleFiles(CityCase.MaxAttachmentsPerStage))
        {
            if (photos.Count >= CityCase.MaxAttachmentsPerStage)
            {
                error = CaseErrors.TooManyAttachments.Message;
                break;
            }

            if (file.Size > Store.MaxBytes)
            {
                error = $"{file.Name}：{AttachmentStore.TooLarge(Store.MaxBytes).Message}";
                continue;
            }

            await using var stream = file.OpenReadStream(Store.MaxBytes);
            var saved = await Store.SaveAsync(stream, file.Name);
            if (saved.IsFailure)
            {
                error = $"{file.Name}：{saved.Error.Message}";
                continue;
            }

            photos.Add(saved.Value);
        }
    }

    private async Task SubmitAsync()
    {
        error = categoryId is null ? "请选择问题类别"
            : position is null || location is not { IsInsideAGrid: true } ? "请确定问题位置（使用当前位置或地图选点）"
            : null;
        if (error is not null)
        {
            return;
        }

        busy = true;
        var staff = await Session.RequireAsync();
        var loc = location!;
        var report = new NewCaseReport(
            CaseSource.SupervisorReport, categoryId!.Value, position!.Value, address ?? string.Empty, description ?? string.Empty,
            new CaseLocation(loc.GridId, loc.GridCode, loc.CommunityId, loc.StreetId), component?.Id);
        var number = await Reporting.ReportAsync(staff, report, photos: photos);
        if (number.IsFailure)
        {
            busy = false;
            error = number.Error.Message;
            return;
        }

        var (rows, _) = await Cases.SearchAsync(staff, new CaseSearch(Number: number.Value.Value, PageSize: 1));
        Navigation.NavigateTo(rows.Count == 1 ? $"/cases/{rows[0].Id}" : "/cases");
    }

    public async ValueTask DisposeAsync()
    {
        if (module is not null)
        {
            try
            {
                await module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone; nothing to release on the browser side.
            }
        }
    }

    private sealed record GpsFix(double Longitude, double Latitude, double Accuracy);
}
