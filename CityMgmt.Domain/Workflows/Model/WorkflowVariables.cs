namespace CityMgmt.Domain.Workflows.Model;

/// <summary>The instance variables conditions may read: case fields set by the host at start, and the last outcome.</summary>
public static class WorkflowVariables
{
    /// <summary>The <see cref="Cases.CaseSource"/> name, e.g. "Citizen".</summary>
    public const string Source = "source";

    /// <summary>"Component" or "Event".</summary>
    public const string CategoryKind = "categoryKind";

    /// <summary>The major class code, e.g. "05".</summary>
    public const string CategoryMajor = "categoryMajor";

    /// <summary>The full minor class code, e.g. "0501".</summary>
    public const string CategoryCode = "categoryCode";

    public const string NeedsVerification = "needsVerification";

    public const string IsUrgent = "isUrgent";

    /// <summary>The outcome of the last completed user task; set by the engine.</summary>
    public const string Outcome = "outcome";

    public static IReadOnlyList<string> Standard { get; } =
        [Source, CategoryKind, CategoryMajor, CategoryCode, NeedsVerification, IsUrgent, Outcome];
}
