namespace CityMgmt.Domain.Geo;

/// <summary>
/// The coordinate systems positions arrive in. CityMgmt stores CGCS2000 (numerically WGS84 at this
/// accuracy); phone map SDKs (高德/腾讯) report GCJ-02 and 百度 reports BD-09, which are converted on input.
/// </summary>
public enum CoordinateSystem
{
    /// <summary>CGCS2000 longitude/latitude (国家2000坐标系): what the database holds.</summary>
    Cgcs2000 = 0,

    /// <summary>WGS84 (GPS): the same numbers as CGCS2000 within centimetres.</summary>
    Wgs84 = Cgcs2000,

    /// <summary>GCJ-02 (国测局/"火星"坐标): 高德, 腾讯, 微信 location APIs.</summary>
    Gcj02 = 1,

    /// <summary>BD-09 (百度坐标): GCJ-02 with Baidu's extra offset.</summary>
    Bd09 = 2,
}

public static class CoordinateSystemNames
{
    /// <summary>The systems to offer in a select box, in this order (Wgs84 is an alias of Cgcs2000).</summary>
    public static IReadOnlyList<CoordinateSystem> Choices { get; } = [CoordinateSystem.Cgcs2000, CoordinateSystem.Gcj02, CoordinateSystem.Bd09];

    public static string DisplayName(this CoordinateSystem system) => system switch
    {
        CoordinateSystem.Cgcs2000 => "WGS84/CGCS2000（GPS、国家2000）",
        CoordinateSystem.Gcj02 => "GCJ-02（高德、腾讯）",
        CoordinateSystem.Bd09 => "BD-09（百度）",
        _ => system.ToString(),
    };
}
