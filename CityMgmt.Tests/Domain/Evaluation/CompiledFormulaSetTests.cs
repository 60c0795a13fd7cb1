using System.Text.Json;
using CityMgmt.Domain.Evaluation;
using static CityMgmt.Tests.Domain.Evaluation.EvaluationFixtures;

namespace CityMgmt.Tests.Domain.Evaluation;

public class CompiledFormulaSetTests
{
    [Fact]
    public void Evaluate_Report_CarriesTheSetVersionPeriodAndCounts()
    {
        var counts = CountSet.Of((CountKey.Reported, 10), (CountKey.ValidReported, 9));
        var set = Compile(DefaultFormulaSet.Create() with { Name = "2027版", Version = 3 });

        var report = set.Evaluate(EvaluationObjectType.Supervisor, November, [Subject(EvaluationObjectType.Supervisor, counts, "u1", "张监督")]).Value;

        (report.FormulaSetName, report.FormulaSetVersion, report.Period.Label, report.EmptyPolicy)
            .ShouldBe(("2027版", 3, "2026年11月", EmptyIndicatorPolicy.Exclude));
        report.MinimumSample.ShouldBeNull();
        var row = report.Rows.ShouldHaveSingleItem();
        (row.SubjectId, row.SubjectName, row.PeerGroup, row.Rank).ShouldBe(("u1", "张监督", "全部", (int?)1));
        row.Counts.ShouldBe(counts);
        row.Composite.ShouldBe(90m);  // only 有效上报率 9/10 = 90 has a value (Exclude)
    }

    [Fact]
    public void Evaluate_Departments_ReportsMinimumSample() =>
        Default.Evaluate(EvaluationObjectType.Department, November, []).Value.MinimumSample!.ToString().ShouldBe("应结案数 ≥ 5");

    [Fact]
    public void Evaluate_TypeNotInTheSet_FailsInChinese()
    {
        var set = Compile(DefaultFormulaSet.Create() with { Objects = [DefaultFormulaSet.Create().For(EvaluationObjectType.Department)!] });

        set.Covers(EvaluationObjectType.Supervisor).ShouldBeFalse();
        set.Evaluate(EvaluationObjectType.Supervisor, November, []).Error.Message.ShouldBe("评价方案“国标默认评价方案”没有配置“监督员”的指标");
    }

    [Fact]
    public void Evaluate_SubjectOfAnotherType_Throws() =>
        Should.Throw<ArgumentException>(() => Default.Evaluate(EvaluationObjectType.Department, November,
            [Subject(EvaluationObjectType.Street, CountSet.Empty)]));

    [Fact]
    public void Evaluate_SameSubjectTwice_Throws() =>
        Should.Throw<ArgumentException>(() => Default.Evaluate(EvaluationObjectType.Street, November,
            [Subject(EvaluationObjectType.Street, CountSet.Empty), Subject(EvaluationObjectType.Street, CountSet.Empty)]));

    [Fact]
    public void Evaluate_PeerGroupWithBlanks_IsTrimmedAndBlankMeansDefault()
    {
        var rows = Default.Evaluate(EvaluationObjectType.Street, November,
        [
            Subject(EvaluationObjectType.Street, CountSet.Empty, "a", group: " 镇乡 "),
            Subject(EvaluationObjectType.Street, CountSet.Empty, "b", group: " "),
        ]).Value;

        rows.PeerGroups.ShouldBe(["镇乡", "全部"]);
        rows.InGroup("镇乡").ShouldHaveSingleItem().SubjectId.ShouldBe("a");
    }

    [Fact]
    public void FormulaSet_JsonRoundTrip_KeepsEveryIndicatorKind()
    {
        var original = DefaultWith(EvaluationObjectType.Department, o => o with
        {
            Indicators =
            [
                new BandedIndicator("FiledCount", "立案数", 10, CountKey.Filed, ScoreBands.FiledCases,
                    new Dictionary<string, IReadOnlyList<ScoreBand>> { ["镇乡"] = ScoreBands.Workload }),
                new FormulaIndicator("Closing", "结案得分", 90, "Closed / ClosuresDue * 100"),
            ],
            CompositeFormula = "FiledCount * 0.1 + Closing * 0.9",
        });
        var json = JsonSerializer.Serialize(original);

        var copy = JsonSerializer.Deserialize<FormulaSet>(json)!;

        JsonSerializer.Serialize(copy).ShouldBe(json);
        json.ShouldContain("\"kind\":\"banded\"");
        FormulaSetValidator.Validate(copy).ShouldBeEmpty();
        var counts = CountSet.Of((CountKey.Filed, 120), (CountKey.ClosuresDue, 4), (CountKey.Closed, 3));
        Score(EvaluationObjectType.Department, counts, Compile(copy)).Composite
            .ShouldBe(75m);  // 立案数 120 → 75 × 0.1 + 3/4×100 × 0.9 = 7.5 + 67.5 = 75
    }

    [Fact]
    public void Report_JsonRoundTrip_KeepsEveryRow()
    {
        var report = Default.Evaluate(EvaluationObjectType.Department, November,
        [
            Subject(EvaluationObjectType.Department, CountSet.Of((CountKey.Filed, 120), (CountKey.ClosuresDue, 10), (CountKey.Closed, 9)), "d1", "城管局"),
            Subject(EvaluationObjectType.Department, CountSet.Of((CountKey.ClosuresDue, 2)), "d2", "水务局"),
        ]).Value;
        var json = JsonSerializer.Serialize(report);

        var copy = JsonSerializer.Deserialize<EvaluationReport>(json)!;

        JsonSerializer.Serialize(copy).ShouldBe(json);
        copy.Period.ShouldBe(November);
        copy.Rows[0].Counts.ShouldBe(report.Rows[0].Counts);
        copy.Rows.Select(r => r.RankText).ShouldBe(["1", "样本不足"]);
        copy.Rows[0].Indicator("ClosingRate").ScoreText.ShouldBe("90.00");
    }

    [Fact]
    public void Score_SingleObject_IsNotRanked()
    {
        var row = Default.Score(Subject(EvaluationObjectType.Supervisor, CountSet.Of((CountKey.Reported, 2), (CountKey.ValidReported, 2)))).Value;

        (row.Status, row.RankText, row.Composite).ShouldBe((RankStatus.Unranked, "未排名", (decimal?)100m));
    }
}
