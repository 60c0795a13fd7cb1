using CityMgmt.Domain.Common;

namespace CityMgmt.Domain.Evaluation.Runs;

/// <summary>How a run was started.</summary>
public enum RunTrigger
{
    Scheduled,
    CatchUp,
    Manual,
}

/// <summary>
/// One evaluation of one period with one formula set version, frozen when written: the formula set (as JSON) and
/// every result row are kept with it. There is at most one run per period and formula set version; asking again
/// returns this one, so published figures never change silently.
/// </summary>
public sealed class EvaluationRun : Entity, IAppendOnly
{
    public const int LabelMaxLength = 40;
    public const int RequestedByMaxLength = 64;

    private EvaluationRun()
    {
    }

    public EvaluationRun(EvaluationPeriod period, FormulaSet set, string formulaSetJson, RunTrigger trigger, string requestedBy, DateTimeOffset at, long casesConsidered)
    {
        PeriodKind = period.Kind;
        PeriodStart = period.Start;
        PeriodEnd = period.End;
        PeriodLabel = period.Label;
        FormulaSetName = set.Name;
        FormulaSetVersion = set.Version;
        FormulaSetJson = formulaSetJson;
        Trigger = trigger;
        RequestedBy = requestedBy;
        RanAt = at;
        CasesConsidered = casesConsidered;
    }

    public PeriodKind PeriodKind { get; private set; }

    public DateOnly PeriodStart { get; private set; }

    public DateOnly PeriodEnd { get; private set; }

    public string PeriodLabel { get; private set; } = string.Empty;

    public string FormulaSetName { get; private set; } = string.Empty;

    public int FormulaSetVersion { get; private set; }

    /// <summary>The complete formula set used, so the run can be explained after the set is edited.</summary>
    public string FormulaSetJson { get; private set; } = string.Empty;

    public RunTrigger Trigger { get; private set; }

    public string RequestedBy { get; private set; } = string.Empty;

    public DateTimeOffset RanAt { get; private set; }

    /// <summary>Cases filed in the period (the cohort of the department and region counts).</summary>
    public long CasesConsidered { get; private set; }
}
