namespace CityMgmt.Domain.Workflows.Model;

/// <summary>The stage of the standard loop a user task belongs to (domain.md §1); evaluation counts by stage.</summary>
public enum StandardStage
{
    /// <summary>受理.</summary>
    Acceptance,

    /// <summary>核实.</summary>
    Verification,

    /// <summary>立案.</summary>
    Filing,

    /// <summary>派遣.</summary>
    Dispatch,

    /// <summary>处置.</summary>
    Disposal,

    /// <summary>核查.</summary>
    Check,

    /// <summary>结案.</summary>
    Closing,
}

public static class StandardStageNames
{
    public static string DisplayName(this StandardStage stage) => stage switch
    {
        StandardStage.Acceptance => "受理",
        StandardStage.Verification => "核实",
        StandardStage.Filing => "立案",
        StandardStage.Dispatch => "派遣",
        StandardStage.Disposal => "处置",
        StandardStage.Check => "核查",
        StandardStage.Closing => "结案",
        _ => stage.ToString(),
    };
}
