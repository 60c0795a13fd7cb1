using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Categories;
using CityMgmt.Domain.Geo;
using CityMgmt.Domain.Geocoding;
using CityMgmt.Infrastructure.Cases;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Web.Components.Shared;
using CityMgmt.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CityMgmt.Web.Components.Pages.Field;

/// <summary>
/// 问题上报 for the supervisor's phone: category, position from GPS or a map click (grid, community and the
/// nearest component filled in by the geocoder), description, up to 9 photos, 自行处置. The form is a draft kept
/// in the browser and sent by report-draft.js to the report endpoint, so it survives a lost connection (ADR 0012).
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
    private bool selfHandled;
    private bool showMap;
    private bool locating;
    private string? error;
    private ElementReference root;
    private IJSObjectReference? geo;
    private IJSObjectReference? draft;

    [Inject]
    private StaffSession Session { get; set; } = null!;

    [Inject]
    private BaseDataQueries BaseData { get; set; } = null!;

    [Inject]
    private IGeocoder Geocoder { get; set; } = null!;

    [Inject]
    private AttachmentStore Store { get; set; } = null!;

    [Inject]
    private IJSRuntime JS { get; set; } = null!;

    protected override async Task OnInitializedAsync() => (categories, majors) = CategoryFilter.Split(await BaseData.CategoriesAsync());

    /// <summary>The draft kept in this browser (report-draft.js) comes back into the form: text, class, position.</summary>
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        var staff = await Session.RequireAsync();
        draft = await JS.InvokeAsync<IJSObjectReference>("import", "./js/report-draft.js");
        var options = new { owner = staff.UserId, maxBytes = Store.MaxBytes, maxPhotos = CityCase.MaxAttachmentsPerStage };
        if (await draft.InvokeAsync<SavedDraft?>("init", root, options) is not { } saved)
        {
            return;
        }

        (categoryId, description, selfHandled) = (Guid.TryParse(saved.CategoryId, out var id) ? id : null, saved.Description, saved.SelfHandled);
        if (saved.Longitude is { } lon && saved.Latitude is { } lat && GeoPoint.Create(lon, lat) is { IsSuccess: true } point)
        {
            await SetPositionAsync(point.Value, Guid.TryParse(saved.ComponentId, out var c) ? c : null, saved.Address);
        }

        address = saved.Address;
        StateHasChanged();
    }

    private async Task UseGpsAsync()
    {
        locating = true;
        error = null;
        geo ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/geo.js");
        var fix = await geo.InvokeAsync<GpsFix?>("locate");
        locating = false;
        if (fix is null)
        {
            error = "无法获取当前位置，请允许定位或在地图上选点";
            return;
        }

        await SetPositionAsync(new GeoPoint(fix.Longitude, fix.Latitude), null);
    }

    private Task OnMapPickedAsync(MapPickResult pick) => SetPositionAsync(new GeoPoint(pick.Longitude, pick.Latitude), pick.ComponentId);

    /// <param name="knownAddress">The address the supervisor already typed (a restored draft); otherwise the geocoder describes the point.</param>
    private async Task SetPositionAsync(GeoPoint point, Guid? pickedComponent, string? knownAddress = null)
    {
        position = point;
        location = await Geocoder.LocateAsync(point);
        var nearby = await Geocoder.NearestComponentsAsync(point, ComponentRadiusMetres, 5);
        component = nearby.FirstOrDefault(n => n.Id == pickedComponent) ?? (nearby.Count > 0 ? nearby[0] : null);
        address = string.IsNullOrWhiteSpace(knownAddress) ? await Geocoder.DescribeAsync(point) : knownAddress;
        error = location.IsInsideAGrid ? null : "该位置不在本辖区的单元网格内，请重新选点";
        if (draft is not null)
        {
            await draft.InvokeVoidAsync("setPosition", point.Longitude, point.Latitude, component?.Id, address);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (draft is not null)
            {
                await draft.InvokeVoidAsync("dispose");
                await draft.DisposeAsync();
            }

            if (geo is not null)
            {
                await geo.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone; nothing to release on the browser side.
        }
    }

    private sealed record GpsFix(double Longitude, double Latitude, double Accuracy);

    private sealed record SavedDraft(
        string? CategoryId, string? Description, string? Address, double? Longitude, double? Latitude, string? ComponentId, bool SelfHandled, int PhotoCount, bool Queued);
}
