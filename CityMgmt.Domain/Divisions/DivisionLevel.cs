namespace CityMgmt.Domain.Divisions;

public enum DivisionLevel
{
    /// <summary>县/区: 6-digit GB/T 2260 code.</summary>
    County,

    /// <summary>街道/乡镇: 9 digits (county + 3).</summary>
    Street,

    /// <summary>社区/村: 12 digits (street + 3).</summary>
    Community,
}

public static class DivisionLevelNames
{
    public static string DisplayName(this DivisionLevel level) => level switch
    {
        DivisionLevel.County => "县(区)",
        DivisionLevel.Street => "街道(乡镇)",
        DivisionLevel.Community => "社区(村)",
        _ => level.ToString(),
    };

    public static int CodeLength(this DivisionLevel level) => level switch
    {
        DivisionLevel.County => 6,
        DivisionLevel.Street => 9,
        _ => 12,
    };
}
