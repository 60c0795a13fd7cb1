using CityMgmt.Domain.Evaluation;
using static CityMgmt.Tests.Domain.Evaluation.EvaluationFixtures;

namespace CityMgmt.Tests.Domain.Evaluation;

/// <summary>Hand-computed fixtures for departments and regions in the default set (domain.md §5).</summary>
public class DepartmentAndRegionFormulaTests
{
    private static readonly CountSet DepartmentMonth = CountSet.Of(
        (CountKey.Filed, 120),
        (CountKey.ClosuresDue, 100), (CountKey.Closed, 92), (CountKey.Reworked, 4),
        (CountKey.DisposalsDue, 110), (CountKey.DisposedOnTime, 99), (CountKey.Disposed, 105));

    [Fact]
    public void Department_TypicalMonth_MatchesHandComputedScores()
    {
        var result = Score(EvaluationObjectType.Department, DepartmentMonth);

        result.Indicator("FiledCount").Score.ShouldBe(75m);           // 120 ∈ 101–200 → 75
        result.Indicator("ClosingRate").Score.ShouldBe(92m);          // 92/100 = 0.92 → 92
        result.Indicator("OnTimeDisposalRate").Score.ShouldBe(90m);   // 99/110 = 0.9 → 90
        result.Indicator("ReworkRate").Score.ShouldBe(96m);           // 4/100 = 0.04, bad → 96
        result.Indicator("DisposalRate").Score.ShouldBe(95.45m);      // 105/110 = 0.954545… → 95.45, weight 0: shown only
        result.Composite.ShouldBe(90.9m);  // 75×10% + 92×30% + 90×30% + 96×30% = 7.5 + 27.6 + 27 + 28.8 = 90.9
        result.Grade!.Grade.ShouldBe(Grade.A);
    }

    [Theory]
    [InlineData(0, 100)]     // 0–50 → 100
    [InlineData(50, 100)]
    [InlineData(51, 90)]     // 51–100 → 90
    [InlineData(100, 90)]
    [InlineData(101, 75)]    // 101–200 → 75
    [InlineData(200, 75)]
    [InlineData(201, 60)]    // 201–500 → 60
    [InlineData(500, 60)]
    [InlineData(501, 40)]    // 501–1000 → 40
    [InlineData(1000, 40)]
    [InlineData(1001, 0)]    // >1000 → 0
    public void Department_FiledCountAtBandEdges_ScoresItsBand(long filed, double expected) =>
        Score(EvaluationObjectType.Department, CountSet.Of((CountKey.Filed, filed)))
            .Indicator("FiledCount").Score.ShouldBe((decimal)expected);

    [Fact]
    public void Department_GroupWithOwnBands_UsesItsGroupsBands()
    {
        ScoreBand[] townBands = [new(0, 100, 100), new(101, 300, 80), new(301, null, 50)];
        var set = Compile(DefaultWith(EvaluationObjectType.Department, o => o with
        {
            Indicators = [.. o.Indicators.Select(i => i is BandedIndicator b
                ? b with { GroupBands = new Dictionary<string, IReadOnlyList<ScoreBand>> { ["镇乡"] = townBands } }
                : i)],
        }));

        var town = set.Score(Subject(EvaluationObjectType.Department, DepartmentMonth, group: "镇乡")).Value;
        var county = set.Score(Subject(EvaluationObjectType.Department, DepartmentMonth, group: "县级部门")).Value;

        town.Indicator("FiledCount").Score.ShouldBe(80m);    // 镇乡 bands: 120 ∈ 101–300 → 80
        town.Composite.ShouldBe(91.4m);                      // 80×10% + 27.6 + 27 + 28.8 = 91.4
        county.Indicator("FiledCount").Score.ShouldBe(75m);  // default bands: 120 ∈ 101–200 → 75
        county.Composite.ShouldBe(90.9m);
    }

    [Theory]
    [InlineData(EvaluationObjectType.District)]
    [InlineData(EvaluationObjectType.Street)]
    [InlineData(EvaluationObjectType.Community)]
    [InlineData(EvaluationObjectType.Grid)]
    public void Region_TypicalMonth_MatchesHandComputedScores(EvaluationObjectType type)
    {
        var result = Score(type, CountSet.Of(
            (CountKey.PublicReportsVerified, 30), (CountKey.Filed, 300),
            (CountKey.ClosuresDue, 250), (CountKey.Closed, 240), (CountKey.ClosedWithinDeadline, 225)));

        result.Indicator("PublicReportRate").Score.ShouldBe(90m);   // 30/300 = 0.1, bad → 90
        result.Indicator("FiledCount").Score.ShouldBe(60m);         // 300 ∈ 201–500 → 60
        result.Indicator("ClosingRate").Score.ShouldBe(96m);        // 240/250 = 0.96 → 96
        result.Indicator("TimelyClosingRate").Score.ShouldBe(90m);  // 225/250 = 0.9 → 90
        result.Composite.ShouldBe(85.8m);  // 90×10% + 60×20% + 96×30% + 90×40% = 9 + 12 + 28.8 + 36 = 85.8
        result.Grade!.Grade.ShouldBe(Grade.B);
    }

    [Fact]
    public void DefaultSet_EveryObjectType_IsCoveredWithWeightsOfHundred()
    {
        var set = DefaultFormulaSet.Create();

        set.Objects.Select(o => o.ObjectType).ShouldBe(Enum.GetValues<EvaluationObjectType>(), ignoreOrder: true);
        set.Objects.ShouldAllBe(o => o.Indicators.Sum(i => i.Weight) == 100m);
        set.EmptyPolicy.ShouldBe(EmptyIndicatorPolicy.Exclude);
        FormulaSetValidator.Validate(set).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(EvaluationObjectType.Supervisor, "有效上报率:40,漏报率:20,按时核实率:20,按时核查率:20")]
    [InlineData(EvaluationObjectType.Operator, "受理数:25,核实按时派发率:40,核查按时派发率:35")]
    [InlineData(EvaluationObjectType.ShiftLeader, "按时立案率:25,准确立案率:40,按时结案率:35")]
    [InlineData(EvaluationObjectType.Dispatcher, "派遣数:20,按时派遣率:40,准确派遣率:40")]
    [InlineData(EvaluationObjectType.Department, "立案数:10,结案率:30,按期处置率:30,返工率:30,处置率:0")]
    [InlineData(EvaluationObjectType.Street, "监督举报率:10,立案数:20,结案率:30,按期结案率:40")]
    public void DefaultSet_Weights_AreThoseOfTheStandard(EvaluationObjectType type, string expected) =>
        string.Join(",", DefaultFormulaSet.Create().For(type)!.Indicators.Select(i => $"{i.Name}:{i.Weight:0}")).ShouldBe(expected);
}
