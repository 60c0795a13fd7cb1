using CityMgmt.Domain.Evaluation;
using static CityMgmt.Tests.Domain.Evaluation.EvaluationFixtures;

namespace CityMgmt.Tests.Domain.Evaluation;

public class RankingTests
{
    private static readonly MinimumSample FiveDue = new(CountKey.ClosuresDue, 5);

    private static string Ranks(IEnumerable<ObjectEvaluation> rows) =>
        string.Join(" ", rows.Select(r => $"{r.SubjectName}:{r.RankText}"));

    [Fact]
    public void Rank_Ties_ShareARankAndTheNextSkips() =>
        Ranks(Ranking.Rank([Row("乙", 90m), Row("甲", 90m), Row("丙", 80m)], null)).ShouldBe("乙:1 甲:1 丙:3");

    [Fact]
    public void Rank_TiesInTheMiddle_SkipAfterwards() =>
        Ranks(Ranking.Rank([Row("a", 85m), Row("b", 90m), Row("c", 95m), Row("d", 90m)], null)).ShouldBe("c:1 b:2 d:2 a:4");

    [Fact]
    public void Rank_PeerGroups_AreRankedSeparatelyInOrderFirstGiven()
    {
        var rows = Ranking.Rank(
        [
            Row("城管局", 80m, "县级部门"), Row("城关镇", 70m, "镇乡"), Row("住建局", 90m, "县级部门"), Row("新华镇", 95m, "镇乡"),
        ], null);

        Ranks(rows).ShouldBe("住建局:1 城管局:2 新华镇:1 城关镇:2");
    }

    [Fact]
    public void Rank_BelowMinimumSample_IsListedAfterRankedRowsWithoutRank()
    {
        var rows = Ranking.Rank([Row("小", 99m, closuresDue: 4), Row("大", 80m, closuresDue: 40), Row("中", 85m, closuresDue: 5)], FiveDue);

        Ranks(rows).ShouldBe("中:1 大:2 小:样本不足");
        rows[2].Status.ShouldBe(RankStatus.InsufficientSample);
        rows[2].Rank.ShouldBeNull();
        rows[2].Composite.ShouldBe(99m);
    }

    [Fact]
    public void Rank_NoComposite_IsListedLastAsNoData()
    {
        var rows = Ranking.Rank([Row("空", null), Row("小", 99m, closuresDue: 1), Row("大", 60m)], FiveDue);

        Ranks(rows).ShouldBe("大:1 小:样本不足 空:无数据");
        rows[2].Status.ShouldBe(RankStatus.NoData);
    }

    [Fact]
    public void Rank_AllBelowMinimum_NobodyIsRanked() =>
        Ranking.Rank([Row("a", 90m, closuresDue: 0), Row("b", 80m, closuresDue: 4)], FiveDue)
            .ShouldAllBe(r => r.Status == RankStatus.InsufficientSample && r.Rank == null);

    [Fact]
    public void Rank_NoRows_ReturnsEmpty() => Ranking.Rank([], FiveDue).ShouldBeEmpty();

    [Fact]
    public void Evaluate_Departments_RanksWithinPeerGroupsAndKeepsSmallOnesOut()
    {
        var rows = Default.Evaluate(EvaluationObjectType.Department, November,
        [
            Department("城管局", "县级部门", closuresDue: 20, closed: 20),  // 100×10% + 100×30% + 100×30% + 100×30% = 100
            Department("住建局", "县级部门", closuresDue: 20, closed: 18),  // 10 + 90×30% + 30 + 30 = 97
            Department("水务局", "县级部门", closuresDue: 4, closed: 4),    // 100, but 应结案数 4 < 5: 样本不足
            Department("城关镇", "镇乡", closuresDue: 10, closed: 9),       // 10 + 90×30% + 30 + 30 = 97
            Department("新华镇", "镇乡", closuresDue: 10, closed: 9),       // 97: tie
        ]).Value.Rows;

        Ranks(rows).ShouldBe("城管局:1 住建局:2 水务局:样本不足 城关镇:1 新华镇:1");
        rows.Select(r => r.Composite).ShouldBe([100m, 97m, 100m, 97m, 97m]);
        rows.Select(r => r.PeerGroup).Distinct().ShouldBe(["县级部门", "镇乡"]);
    }

    // No rework, everything disposed on time, 10 cases filed (0–50 → 100).
    private static EvaluationSubject Department(string name, string group, long closuresDue, long closed) =>
        Subject(EvaluationObjectType.Department, CountSet.Of(
            (CountKey.Filed, 10), (CountKey.ClosuresDue, closuresDue), (CountKey.Closed, closed),
            (CountKey.DisposalsDue, closuresDue), (CountKey.DisposedOnTime, closuresDue)), id: name, group: group);
}
