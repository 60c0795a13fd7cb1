using CityMgmt.Domain.Evaluation;
using static CityMgmt.Tests.Domain.Evaluation.EvaluationFixtures;

namespace CityMgmt.Tests.Domain.Evaluation;

/// <summary>An indicator whose denominator is 0 is "—"; the formula set's policy decides what the composite does.</summary>
public class EmptyPeriodTests
{
    // 有效上报率 8/10 = 80; 漏报率 0/0 "—"; 按时核实率 0/0 "—"; 按时核查率 3/4 = 75.
    private static readonly CountSet PartlyEmpty = CountSet.Of(
        (CountKey.Reported, 10), (CountKey.ValidReported, 8),
        (CountKey.ChecksDue, 4), (CountKey.CheckedOnTime, 3));

    [Fact]
    public void Score_DenominatorZero_IndicatorShowsDash()
    {
        var result = Score(EvaluationObjectType.Supervisor, PartlyEmpty);

        var missed = result.Indicator("MissedReportRate");
        missed.IsEmpty.ShouldBeTrue();
        missed.Value.ShouldBeNull();
        missed.ScoreText.ShouldBe("—");
        missed.ValueText.ShouldBe("—");
        result.Indicator("OnTimeVerificationRate").IsEmpty.ShouldBeTrue();
        result.Indicator("ValidReportRate").ScoreText.ShouldBe("80.00");
    }

    [Theory]
    [InlineData(EmptyIndicatorPolicy.Exclude, 78.33, Grade.B)]  // (80×40 + 75×20)/(40 + 20) = 4700/60 = 78.333… → 78.33
    [InlineData(EmptyIndicatorPolicy.Full, 87, Grade.B)]        // 80×40% + 100×20% + 100×20% + 75×20% = 32 + 20 + 20 + 15 = 87
    [InlineData(EmptyIndicatorPolicy.Zero, 47, Grade.D)]        // 80×40% + 0 + 0 + 75×20% = 32 + 15 = 47
    public void Score_EmptyIndicators_CompositeFollowsPolicy(EmptyIndicatorPolicy policy, double expected, Grade grade)
    {
        var result = Score(EvaluationObjectType.Supervisor, PartlyEmpty, Compile(WithPolicy(policy)));

        result.Composite.ShouldBe((decimal)expected);
        result.Grade!.Grade.ShouldBe(grade);
        result.Indicator("MissedReportRate").Score.ShouldBeNull();  // the stand-in feeds the composite only
    }

    [Theory]
    [InlineData(EmptyIndicatorPolicy.Full, 100)]
    [InlineData(EmptyIndicatorPolicy.Zero, 0)]
    public void Score_NothingToMeasure_FullOrZeroGiveAComposite(EmptyIndicatorPolicy policy, double expected) =>
        Score(EvaluationObjectType.Supervisor, CountSet.Empty, Compile(WithPolicy(policy))).Composite.ShouldBe((decimal)expected);

    [Fact]
    public void Score_NothingToMeasureWithExclude_HasNoCompositeNorGrade()
    {
        var result = Score(EvaluationObjectType.Supervisor, CountSet.Empty);

        result.Composite.ShouldBeNull();
        result.Grade.ShouldBeNull();
        result.CompositeText.ShouldBe("—");
    }

    [Fact]
    public void Score_ExcludeWithBandedCountPresent_UsesTheBandAlone()
    {
        // Operator with 150 受理 but no 核实/核查 sent: only 受理数 (101–300 → 40) is left, re-normalised to 100 %.
        var result = Score(EvaluationObjectType.Operator, CountSet.Of((CountKey.Accepted, 150)));

        result.Composite.ShouldBe(40m);  // 40×25/25 = 40
    }

    [Fact]
    public void Score_EmptyIndicatorWithZeroWeight_DoesNotChangeTheComposite()
    {
        // 处置率 (weight 0) is "—" because 应处置数 = 0, so is 按期处置率 (weight 30).
        var counts = CountSet.Of((CountKey.Filed, 40), (CountKey.ClosuresDue, 10), (CountKey.Closed, 9), (CountKey.Reworked, 1));

        var result = Score(EvaluationObjectType.Department, counts);

        result.Indicator("DisposalRate").IsEmpty.ShouldBeTrue();
        result.Composite.ShouldBe(91.43m);  // (100×10 + 90×30 + 90×30)/(10 + 30 + 30) = 6400/70 = 91.428… → 91.43
    }

    [Theory]
    [InlineData(EmptyIndicatorPolicy.Exclude, null)]  // a custom formula cannot be re-normalised: "—"
    [InlineData(EmptyIndicatorPolicy.Full, 90.0)]     // Min(80, 100) + 75/7.5 = 80 + 10 = 90
    [InlineData(EmptyIndicatorPolicy.Zero, 10.0)]     // Min(80, 0) + 10 = 10
    public void Score_CustomCompositeReadingAnEmptyIndicator_FollowsPolicy(EmptyIndicatorPolicy policy, double? expected)
    {
        var set = Compile(DefaultWith(EvaluationObjectType.Supervisor,
            o => o with { CompositeFormula = "Min(ValidReportRate, MissedReportRate) + OnTimeCheckRate / 7.5" }, policy));

        Score(EvaluationObjectType.Supervisor, PartlyEmpty, set).Composite.ShouldBe((decimal?)expected);
    }
}
