using CityMgmt.Domain.Evaluation;
using static CityMgmt.Tests.Domain.Evaluation.EvaluationFixtures;

namespace CityMgmt.Tests.Domain.Evaluation;

/// <summary>Administrator formulas at work: local variants of domain.md §5 and custom NCalc indicators and composites.</summary>
public class CustomFormulaTests
{
    private const EvaluationObjectType Dept = EvaluationObjectType.Department;

    private static IndicatorResult ScoreOne(IndicatorDefinition indicator, CountSet counts) =>
        Score(Dept, counts, Compile(DefaultWithIndicators(Dept, indicator with { Weight = 100 }))).Indicator(indicator.Key);

    [Fact]
    public void ExtensionRate_LocalVariant_IsABadRateOverDisposalsDue() =>
        ScoreOne(IndicatorTemplates.ExtensionRate(100), CountSet.Of((CountKey.Extended, 5), (CountKey.DisposalsDue, 50)))
            .Score.ShouldBe(90m);  // 延期率 5/50 = 0.1, bad → 90

    [Fact]
    public void OverduePendingRate_LocalVariant_IsABadRateOverDisposalsDue() =>
        ScoreOne(IndicatorTemplates.OverduePendingRate(100), CountSet.Of((CountKey.OverduePending, 2), (CountKey.DisposalsDue, 50)))
            .Score.ShouldBe(96m);  // 超期待处置率 2/50 = 0.04, bad → 96

    [Theory]
    [InlineData(5, 90.0)]   // 18/(25 − 5) = 18/20 = 0.9 → 90 (the standard 18/25 would give 72)
    [InlineData(0, 72.0)]   // 18/25 = 0.72 → 72
    [InlineData(25, null)]  // 25 − 25 = 0: nothing to measure, "—"
    [InlineData(30, null)]  // 25 − 30 < 0: nothing to measure, "—"
    public void TimelyClosingRate_LocalVariant_TakesDeferredCasesOut(long deferred, double? expected) =>
        ScoreOne(IndicatorTemplates.TimelyClosingRateExcludingDeferred(100),
                CountSet.Of((CountKey.ClosedWithinDeadline, 18), (CountKey.ClosuresDue, 25), (CountKey.Deferred, deferred)))
            .Score.ShouldBe((decimal?)expected);

    [Fact]
    public void Region_WithDeferredVariantSwappedIn_MatchesHandComputedComposite()
    {
        var set = Compile(DefaultWith(EvaluationObjectType.Street, o => o with
        {
            Indicators = [.. o.Indicators.Select(i => i.Key == "TimelyClosingRate" ? IndicatorTemplates.TimelyClosingRateExcludingDeferred(40) : i)],
        }));

        var result = Score(EvaluationObjectType.Street, CountSet.Of(
            (CountKey.PublicReportsVerified, 30), (CountKey.Filed, 300), (CountKey.ClosuresDue, 250),
            (CountKey.Closed, 240), (CountKey.ClosedWithinDeadline, 225), (CountKey.Deferred, 25)), set);

        result.Indicator("TimelyClosingRate").Score.ShouldBe(100m);  // 225/(250 − 25) = 1 → 100
        result.Composite.ShouldBe(89.8m);  // 90×10% + 60×20% + 96×30% + 100×40% = 9 + 12 + 28.8 + 40 = 89.8
    }

    [Fact]
    public void FormulaIndicator_UsingChineseNames_IsTheScore()
    {
        var result = ScoreOne(new FormulaIndicator("Closing", "结案得分", 100, "[结案数] / [应结案数] * 100"),
            CountSet.Of((CountKey.Closed, 3), (CountKey.ClosuresDue, 4)));

        result.Score.ShouldBe(75m);  // 3/4 × 100 = 75
        result.ValueText.ShouldBe("75.00");
    }

    [Fact]
    public void FormulaIndicator_DividingByZero_IsEmpty() =>
        ScoreOne(new FormulaIndicator("Closing", "结案得分", 100, "Closed / ClosuresDue * 100"), CountSet.Empty).IsEmpty.ShouldBeTrue();

    [Fact]
    public void FormulaIndicator_ResultAboveHundred_ScoreIsCappedValueIsKept()
    {
        var result = ScoreOne(new FormulaIndicator("Busy", "工作量", 100, "Filed * 10"), CountSet.Of((CountKey.Filed, 50)));

        result.Value.ShouldBe(500m);  // 50 × 10
        result.Score.ShouldBe(100m);
    }

    [Fact]
    public void FormulaIndicator_ConditionalFormula_TakesTheRightBranch()
    {
        var indicator = new FormulaIndicator("Penalty", "超期扣分", 100, "if(DisposedOverdue > 3, 100 - DisposedOverdue * 5, 100)");

        ScoreOne(indicator, CountSet.Of((CountKey.DisposedOverdue, 3))).Score.ShouldBe(100m);  // 3 ≤ 3 → 100
        ScoreOne(indicator, CountSet.Of((CountKey.DisposedOverdue, 4))).Score.ShouldBe(80m);   // 100 − 4×5 = 80
        ScoreOne(indicator, CountSet.Of((CountKey.DisposedOverdue, 30))).Score.ShouldBe(0m);   // 100 − 150 = −50 → 0
    }

    [Fact]
    public void CompositeFormula_ReadingIndicatorsAndCounts_ReplacesTheWeightedSum()
    {
        // The weakest of 结案率 and 按期处置率, minus 2 points per overdue disposal.
        var set = Compile(DefaultWith(Dept, o => o with { CompositeFormula = "Min(ClosingRate, [按期处置率]) - 2 * [超期处置数]" }));

        var result = Score(Dept, CountSet.Of(
            (CountKey.ClosuresDue, 100), (CountKey.Closed, 92),
            (CountKey.DisposalsDue, 110), (CountKey.DisposedOnTime, 99), (CountKey.DisposedOverdue, 3)), set);

        result.Composite.ShouldBe(84m);  // Min(92, 90) − 2×3 = 84
        result.Grade!.Grade.ShouldBe(Grade.B);
    }

    [Fact]
    public void CompositeFormula_IndicatorNamedLikeACount_ReadsTheIndicatorScore()
    {
        // [立案数] is both an indicator name (its banded score) and a count: the indicator wins in a composite.
        var set = Compile(DefaultWith(Dept, o => o with { CompositeFormula = "[立案数]" }));

        Score(Dept, CountSet.Of((CountKey.Filed, 120)), set).Composite.ShouldBe(75m);  // 120 ∈ 101–200 → 75, not 120
    }

    [Fact]
    public void CompositeFormula_OutsideZeroToHundred_IsKeptWithin()
    {
        var set = Compile(DefaultWith(Dept, o => o with { CompositeFormula = "ClosingRate * 2" }));

        Score(Dept, CountSet.Of((CountKey.ClosuresDue, 10), (CountKey.Closed, 9)), set).Composite.ShouldBe(100m);  // 90 × 2 = 180 → 100
    }
}
