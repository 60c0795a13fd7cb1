namespace CityMgmt.Domain.Evaluation;

/// <summary>The national-standard formulas of domain.md §5, as shipped; administrators edit copies of it.</summary>
public static class DefaultFormulaSet
{
    public const string Name = "国标默认评价方案";

    /// <summary>Departments and regions with fewer cases due to close than this are listed but not ranked.</summary>
    public const long MinimumClosuresDue = 5;

    public static FormulaSet Create() => new(Name, 1, EmptyIndicatorPolicy.Exclude,
    [
        new(EvaluationObjectType.Supervisor,
        [
            Rate("ValidReportRate", "有效上报率", 40, "ValidReported", "Reported"),
            Rate("MissedReportRate", "漏报率", 20, "Missed", "Filed", RatePolarity.Bad),
            Rate("OnTimeVerificationRate", "按时核实率", 20, "VerifiedOnTime", "VerificationsDue"),
            Rate("OnTimeCheckRate", "按时核查率", 20, "CheckedOnTime", "ChecksDue"),
        ]),
        new(EvaluationObjectType.Operator,
        [
            new BandedIndicator("AcceptedCount", "受理数", 25, CountKey.Accepted, ScoreBands.Workload),
            Rate("VerificationDispatchRate", "核实按时派发率", 40, "VerificationsSentOnTime", "VerificationsSent"),
            Rate("CheckDispatchRate", "核查按时派发率", 35, "ChecksSentOnTime", "ChecksSent"),
        ]),
        new(EvaluationObjectType.ShiftLeader,
        [
            Rate("OnTimeFilingRate", "按时立案率", 25, "FiledOnTime", "Filed"),
            Rate("AccurateFilingRate", "准确立案率", 40, "Filed - Cancelled", "Filed"),
            Rate("OnTimeClosingRate", "按时结案率", 35, "ClosedOnTime", "ClosuresDue"),
        ]),
        new(EvaluationObjectType.Dispatcher,
        [
            new BandedIndicator("DispatchCount", "派遣数", 20, CountKey.Dispatched, ScoreBands.Workload),
            Rate("OnTimeDispatchRate", "按时派遣率", 40, "DispatchedOnTime", "DispatchesDue"),
            Rate("AccurateDispatchRate", "准确派遣率", 40, "Dispatched - Reworked", "DispatchesDue"),
        ]),
        new(EvaluationObjectType.Department,
        [
            new BandedIndicator("FiledCount", "立案数", 10, CountKey.Filed, ScoreBands.FiledCases),
            Rate("ClosingRate", "结案率", 30, "Closed", "ClosuresDue"),
            Rate("OnTimeDisposalRate", "按期处置率", 30, "DisposedOnTime", "DisposalsDue"),
            Rate("ReworkRate", "返工率", 30, "Reworked", "ClosuresDue", RatePolarity.Bad),
            Rate("DisposalRate", "处置率", 0, "Disposed", "DisposalsDue"),
        ],
        MinimumSample: new MinimumSample(CountKey.ClosuresDue, MinimumClosuresDue)),
        Region(EvaluationObjectType.District),
        Region(EvaluationObjectType.Street),
        Region(EvaluationObjectType.Community),
        Region(EvaluationObjectType.Grid),
    ]);

    private static ObjectFormula Region(EvaluationObjectType type) => new(type,
    [
        Rate("PublicReportRate", "监督举报率", 10, "PublicReportsVerified", "Filed", RatePolarity.Bad),
        new BandedIndicator("FiledCount", "立案数", 20, CountKey.Filed, ScoreBands.FiledCases),
        Rate("ClosingRate", "结案率", 30, "Closed", "ClosuresDue"),
        Rate("TimelyClosingRate", "按期结案率", 40, "ClosedWithinDeadline", "ClosuresDue"),
    ],
    MinimumSample: new MinimumSample(CountKey.ClosuresDue, MinimumClosuresDue));

    private static RateIndicator Rate(string key, string name, decimal weight, string numerator, string denominator, RatePolarity polarity = RatePolarity.Good) =>
        new(key, name, weight, numerator, denominator, polarity);
}

/// <summary>Local variants (domain.md §5) an administrator can add to or swap into a set.</summary>
public static class IndicatorTemplates
{
    /// <summary>延期率 = 延期数/应处置数, a bad rate.</summary>
    public static RateIndicator ExtensionRate(decimal weight) =>
        new("ExtensionRate", "延期率", weight, "Extended", "DisposalsDue", RatePolarity.Bad);

    /// <summary>超期待处置率 = 超期待处置数/应处置数, a bad rate.</summary>
    public static RateIndicator OverduePendingRate(decimal weight) =>
        new("OverduePendingRate", "超期待处置率", weight, "OverduePending", "DisposalsDue", RatePolarity.Bad);

    /// <summary>按期结案率 with parked cases taken out: 按期结案数/(应结案数 − 缓办数).</summary>
    public static RateIndicator TimelyClosingRateExcludingDeferred(decimal weight) =>
        new("TimelyClosingRate", "按期结案率", weight, "ClosedWithinDeadline", "ClosuresDue - Deferred");
}
