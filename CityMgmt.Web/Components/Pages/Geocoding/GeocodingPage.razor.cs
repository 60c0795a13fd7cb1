using CityMgmt.Domain.Geo;
using CityMgmt.Domain.Geocoding;
using CityMgmt.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace CityMgmt.Web.Components.Pages.Geocoding;

/// <summary>地址查询: address text → positions, and a coordinate in any input system → position, grid and description.</summary>
public partial class GeocodingPage
{
    private readonly List<MatchRow> matches = [];
    private string? address;
    private string? addressMessage;
    private double? longitude;
    private double? latitude;
    private CoordinateSystem system = CoordinateSystem.Cgcs2000;
    private PointResult? pointResult;
    private string? pointMessage;
    private bool busy;

    [Inject]
    private IGeocoder Geocoder { get; set; } = null!;

    private static string KindName(GazetteerKind kind) => kind switch
    {
        GazetteerKind.Road => "道路",
        GazetteerKind.AddressPoint => "门牌",
        GazetteerKind.Poi => "兴趣点",
        _ => "地标/路口",
    };

    private async Task AddressKeyUpAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter")
        {
            await SearchAddressAsync();
        }
    }

    private async Task SearchAddressAsync()
    {
        matches.Clear();
        addressMessage = null;
        if (string.IsNullOrWhiteSpace(address))
        {
            addressMessage = "请输入要查询的地址或地名";
            return;
        }

        busy = true;
        try
        {
            foreach (var match in (await Geocoder.GeocodeAsync(address)).Take(10))
            {
                matches.Add(new MatchRow(match, await Geocoder.LocateAsync(match.Point)));
            }

            if (matches.Count == 0)
            {
                addressMessage = $"未找到“{address.Trim()}”。请核对道路名称和门牌号，或改用“地标+方位+距离”的写法，如“人民路口东50米”。";
            }
        }
        finally
        {
            busy = false;
        }
    }

    /// <summary>A click on the map picker: its CGCS2000 point goes through the same lookup as typed coordinates.</summary>
    private async Task PickedAsync(MapPickResult picked)
    {
        (longitude, latitude, system) = (Math.Round(picked.Longitude, 7), Math.Round(picked.Latitude, 7), CoordinateSystem.Cgcs2000);
        await LookUpPointAsync(picked);
    }

    private Task LocatePointAsync() => LookUpPointAsync(null);

    private async Task LookUpPointAsync(MapPickResult? picked)
    {
        pointResult = null;
        pointMessage = null;
        if (longitude is not { } lon || latitude is not { } lat)
        {
            pointMessage = "请输入经度和纬度";
            return;
        }

        var converted = CoordinateTransforms.ToCgcs2000(lon, lat, system);
        if (converted.IsFailure)
        {
            pointMessage = converted.Error.Message;
            return;
        }

        busy = true;
        try
        {
            var point = converted.Value;
            double? shift = system == CoordinateSystem.Cgcs2000 ? null : GeoMetrics.DistanceMetres(lon, lat, point.Longitude, point.Latitude);
            pointResult = new PointResult(point, system, shift, await Geocoder.LocateAsync(point), await Geocoder.DescribeAsync(point), picked);
        }
        finally
        {
            busy = false;
        }
    }

    private sealed record MatchRow(AddressMatch Match, PointLocation Location);

    private sealed record PointResult(GeoPoint Point, CoordinateSystem System, double? ShiftMetres, PointLocation Location, string Description, MapPickResult? Picked);
}
