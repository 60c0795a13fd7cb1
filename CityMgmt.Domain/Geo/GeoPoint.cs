using CityMgmt.Domain.Common;

namespace CityMgmt.Domain.Geo;

/// <summary>A CGCS2000/WGS84 longitude/latitude inside China's extent.</summary>
public readonly record struct GeoPoint(double Longitude, double Latitude)
{
    // China's mainland and islands, generously: refuses swapped or zero coordinates early.
    public const double MinLongitude = 73, MaxLongitude = 136, MinLatitude = 3, MaxLatitude = 54;

    public static Result<GeoPoint> Create(double longitude, double latitude)
    {
        if (double.IsNaN(longitude) || double.IsNaN(latitude)
            || longitude is < MinLongitude or > MaxLongitude || latitude is < MinLatitude or > MaxLatitude)
        {
            return GeoErrors.OutsideChina(longitude, latitude);
        }

        return new GeoPoint(longitude, latitude);
    }

    public override string ToString() => $"{Longitude:F6},{Latitude:F6}";
}

public static class GeoErrors
{
    public static Error OutsideChina(double lon, double lat) =>
        new("Geo.OutsideChina", $"坐标({lon},{lat})不在中国范围内，请检查经纬度是否填反");

    public static readonly Error EmptyGeometry = new("Geo.Empty", "几何图形不能为空");
    public static readonly Error InvalidGeometry = new("Geo.Invalid", "几何图形无效（自相交或环未闭合）");
    public static Error WrongGeometryType(string expected, string actual) =>
        new("Geo.WrongType", $"几何类型应为{expected}，实际为{actual}");
}
