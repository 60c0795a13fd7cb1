namespace CityMgmt.Domain.Components;

/// <summary>ObjState of the standard.</summary>
public enum ComponentState
{
    Intact,
    Damaged,
    Lost,
    Abandoned,
    Removed,
}

public static class ComponentStateNames
{
    public static string DisplayName(this ComponentState state) => state switch
    {
        ComponentState.Intact => "完好",
        ComponentState.Damaged => "破损",
        ComponentState.Lost => "丢失",
        ComponentState.Abandoned => "废弃",
        ComponentState.Removed => "移除",
        _ => state.ToString(),
    };
}
