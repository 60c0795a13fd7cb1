namespace CityMgmt.Domain.Categories;

public enum CategoryKind
{
    /// <summary>部件: a physical facility with a code and a position.</summary>
    Component,

    /// <summary>事件: a behaviour or situation (vending, garbage, illegal parking).</summary>
    Event,
}

/// <summary>部件定位精度 (domain.md §3).</summary>
public enum PositionAccuracy
{
    /// <summary>≤ 0.5 m: manhole covers, lamps.</summary>
    A,

    /// <summary>≤ 1 m: bins, kiosks, billboards.</summary>
    B,

    /// <summary>≤ 10 m: bridges, car parks.</summary>
    C,
}

public static class CategoryKindNames
{
    public static string DisplayName(this CategoryKind kind) => kind == CategoryKind.Component ? "部件" : "事件";
}
