namespace CityMgmt.Domain.Cases;

/// <summary>Where a case stands in the standard loop (domain.md §1).</summary>
public enum CaseStatus
{
    /// <summary>待受理: arrived, not yet registered by an operator.</summary>
    Reported,

    /// <summary>待核实: a supervisor must confirm it on site.</summary>
    PendingVerification,

    /// <summary>待立案: waiting for the shift leader.</summary>
    PendingFiling,

    /// <summary>待派遣: filed, waiting for the dispatcher.</summary>
    PendingDispatch,

    /// <summary>处置中: with a department.</summary>
    InDisposal,

    /// <summary>待核查: the department reported back; a supervisor checks on site.</summary>
    PendingCheck,

    /// <summary>待结案: check passed, waiting for the shift leader to close.</summary>
    PendingClose,

    /// <summary>已结案.</summary>
    Closed,

    /// <summary>不予立案.</summary>
    NotFiled,

    /// <summary>已作废.</summary>
    Cancelled,

    /// <summary>已挂账: a long-term problem parked by the dispatcher; the disposal clock stands still.</summary>
    Parked,

    /// <summary>已合并: a repeated report (重复上报) merged into the case that already covers the problem.</summary>
    Merged,
}

public static class CaseStatusNames
{
    public static string DisplayName(this CaseStatus status) => status switch
    {
        CaseStatus.Reported => "待受理",
        CaseStatus.PendingVerification => "待核实",
        CaseStatus.PendingFiling => "待立案",
        CaseStatus.PendingDispatch => "待派遣",
        CaseStatus.InDisposal => "处置中",
        CaseStatus.PendingCheck => "待核查",
        CaseStatus.PendingClose => "待结案",
        CaseStatus.Closed => "已结案",
        CaseStatus.NotFiled => "不予立案",
        CaseStatus.Cancelled => "已作废",
        CaseStatus.Parked => "已挂账",
        CaseStatus.Merged => "已合并",
        _ => status.ToString(),
    };

    public static bool IsFinal(this CaseStatus status) =>
        status is CaseStatus.Closed or CaseStatus.NotFiled or CaseStatus.Cancelled or CaseStatus.Merged;

    /// <summary>Statuses counted as "open" on dashboards.</summary>
    public static IReadOnlyList<CaseStatus> Open { get; } =
        Enum.GetValues<CaseStatus>().Where(s => !s.IsFinal()).ToArray();
}

/// <summary>结案类型.</summary>
public enum ClosingKind
{
    Normal,
    Overdue,
    Erroneous,
    Special,
}

public static class ClosingKindNames
{
    public static string DisplayName(this ClosingKind kind) => kind switch
    {
        ClosingKind.Normal => "正常结案",
        ClosingKind.Overdue => "超时结案",
        ClosingKind.Erroneous => "差错结案",
        ClosingKind.Special => "特殊结案",
        _ => kind.ToString(),
    };
}
