using System.Text.RegularExpressions;
using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Categories;
using CityMgmt.Domain.Geo;
using CityMgmt.Domain.Geocoding;
using CityMgmt.Infrastructure.Cases;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Web.Components.Shared;
using CityMgmt.Web.Services;
using Microsoft.AspNetCore.Components;

namespace CityMgmt.Web.Components.Pages.Hotline;

/// <summary>
/// 12319热线登记 for the 受理员's seat: caller, phone and callback wish, category, the caller's address found by the
/// gazetteer or a map click, description. The case starts as a 热线 case, so the workflow sends it to 核实 first.
/// </summary>
public sealed partial class HotlinePage
{
    private static readonly Regex PhonePattern = new(@"^[0-9][0-9\-]{6,19}$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));

    private List<Category> categories = [];
    private Dictionary<Guid, Category> majors = [];
    private string? categoryFilter;
    private Guid? categoryId;
    private string? callerName;
    private string? phone;
    private bool callback;
    private string? address;
    private string? description;
    private IReadOnlyList<AddressMatch> matches = [];
    private GeoPoint? position;
    private PointLocation? location;
    private bool busy;
    private string? error;

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
    private NavigationManager Navigation { get; set; } = null!;

    protected override async Task OnInitializedAsync() => (categories, majors) = CategoryFilter.Split(await BaseData.CategoriesAsync());

    private async Task FindAddressAsync()
    {
        error = null;
        matches = string.IsNullOrWhiteSpace(address) ? [] : await Geocoder.GeocodeAsync(address.Trim());
        if (matches.Count == 0)
        {
            error = "没有找到这个地址，请换一种说法（道路、门牌、地标加方位），或在地图上点选";
        }
        else if (matches.Count == 1)
        {
            await SetPositionAsync(matches[0].Point);
        }
    }

    private async Task SetPositionAsync(GeoPoint point)
    {
        position = point;
        location = await Geocoder.LocateAsync(point);
        error = location.IsInsideAGrid ? null : "该位置不在本辖区的单元网格内，请重新定位";
    }

    private async Task SubmitAsync()
    {
        error = string.IsNullOrWhiteSpace(phone) || !PhonePattern.IsMatch(phone.Trim()) ? "请填写来电人的联系电话（7-20位数字，可含“-”）"
            : categoryId is null ? "请选择问题类别"
            : position is null || location is not { IsInsideAGrid: true } ? "请定位问题位置（输入地址后点“定位”，或在地图上点选）"
            : string.IsNullOrWhiteSpace(description) ? "请记录来电反映的情况"
            : null;
        if (error is not null)
        {
            return;
        }

        busy = true;
        var staff = await Session.RequireAsync();
        var at = location!;
        var report = new NewCaseReport(
            CaseSource.Hotline, categoryId!.Value, position!.Value, address?.Trim() ?? string.Empty, description!.Trim(),
            new CaseLocation(at.GridId, at.GridCode, at.CommunityId, at.StreetId),
            ReporterName: string.IsNullOrWhiteSpace(callerName) ? null : callerName.Trim(), ReporterPhone: phone!.Trim(), CallbackRequested: callback);
        var number = await Reporting.ReportAsync(staff, report);
        if (number.IsFailure)
        {
            busy = false;
            error = number.Error.Message;
            return;
        }

        var (rows, _) = await Cases.SearchAsync(staff, new CaseSearch(Number: number.Value.Value, PageSize: 1));
        Navigation.NavigateTo(rows.Count == 1 ? $"/cases/{rows[0].Id}" : "/cases");
    }
}
