namespace CityMgmt.Infrastructure.Seeding;

/// <summary>
/// The shape of the fictional 示范县 (code 519901): a county town of three urban streets cut into
/// 100 m unit grids, and four townships (镇) each with a small gridded town centre (场镇).
/// </summary>
internal sealed record DemoLayout(
    int TownColumns,
    int TownRows,
    int CommunitiesPerStreet,
    int TownshipSide,
    int Components,
    int Cases)
{
    public const string CountyCode = "519901";
    public const string CountyName = "示范县";

    /// <summary>South-west corner of the county town (a fictional spot in the Sichuan basin).</summary>
    public const double OriginLon = 104.000, OriginLat = 30.500;

    /// <summary>100 m in degrees at the origin's latitude (1° lat ≈ 110.9 km, 1° lon ≈ 95.9 km).</summary>
    public const double CellLat = 100.0 / 110_900, CellLon = 100.0 / 95_900;

    public static DemoLayout For(SeedProfile profile) => profile switch
    {
        // 36 × 30 = 1,080 town grids + 4 × 8 × 8 = 256 township grids = 1,336 unit grids.
        SeedProfile.Full => new(36, 30, 6, 8, 170_000, 360),
        _ => new(12, 6, 2, 4, 3_000, 40),
    };

    public static readonly (string Code, string Name)[] UrbanStreets =
        [("001", "西城街道"), ("002", "城关街道"), ("003", "东城街道")];

    public static readonly (string Code, string Name, double DxKm, double DyKm)[] Townships =
        [("101", "青龙镇", -9, 6), ("102", "白马镇", 12, 5), ("103", "石桥镇", -7, -8), ("104", "桃源镇", 10, -9)];

    public static readonly string[] CommunityNames =
        ["文庙", "桂花", "新华", "滨河", "西街", "北门", "南苑", "龙泉", "城东", "金竹", "锦绣", "东湖", "育才", "凤凰", "太平", "双桥", "建设", "幸福"];

    public static readonly string[] RoadNames =
        ["人民路", "解放路", "建设路", "中山路", "新华街", "文化路", "滨河路", "北环路", "南街", "东大街", "西大街", "学府路"];
}
