using CityMgmt.Domain.Evaluation;
using static CityMgmt.Tests.Domain.Evaluation.EvaluationFixtures;

namespace CityMgmt.Tests.Domain.Evaluation;

/// <summary>Revoked deductions, band tables typed as text, and peer groups set in the formula set.</summary>
public class EvaluationRulesTests
{
    private static DeductionItem Deduct(decimal points, string date) =>
        DeductionItem.Create("town-1", EvaluationObjectType.Street, "暴露垃圾超期未处置", points, DateOnly.Parse(date), "王值班").Value;

    [Fact]
    public void Compute_RevokedDeduction_IsLeftOutOfTheSumAndTheGrade()
    {
        var kept = Deduct(3, "2026-10-08");
        var revoked = Deduct(10, "2026-11-02");

        var score = AssessmentScore.Compute("town-1", EvaluationPeriod.Quarter(2026, 4), 92m, [kept, revoked], new HashSet<Guid> { revoked.Id });

        score.TotalDeducted.ShouldBe(3m);
        score.FinalScore.ShouldBe(89m);          // 92 − 3; with the revoked 10 it would be 79
        score.Grade.Grade.ShouldBe(Grade.B);     // from the final score: 92 alone would be A
        score.Deductions.ShouldBe([kept]);
    }

    [Fact]
    public void Revoke_WithoutReason_IsRefusedInChinese()
    {
        var error = DeductionRevocation.Create(Deduct(1, "2026-10-08"), "  ", "王值班", "demo-zbz", DateTimeOffset.UnixEpoch).Error;

        error.Message.ShouldBe("请填写撤销原因（不超过200个字）");
    }

    [Fact]
    public void Create_WithCase_KeepsTheCaseLink()
    {
        var id = Guid.NewGuid();
        var item = DeductionItem.Create("dept-1", EvaluationObjectType.Department, "推诿扯皮", 2, new DateOnly(2026, 11, 3), "陈领导", "demo-ld", (id, "20261103-00012")).Value;

        (item.CaseId, item.CaseNumber, item.RecordedById).ShouldBe((id, "20261103-00012", "demo-ld"));
    }

    [Fact]
    public void BandText_RoundTrips_TheDefaultTable()
    {
        var text = ScoreBandText.Format(ScoreBands.FiledCases);

        text.ShouldBe("0-50:100, 51-100:90, 101-200:75, 201-500:60, 501-1000:40, 1001-:0");
        ScoreBandText.Parse(text, "指标“立案数”").Value.ShouldBe(ScoreBands.FiledCases);
    }

    [Fact]
    public void BandText_ChinesePunctuation_IsAccepted() =>
        ScoreBandText.Parse("0-10：100，11-：50", "x").Value.ShouldBe([new ScoreBand(0, 10, 100), new ScoreBand(11, null, 50)]);

    [Theory]
    [InlineData("0-50=100")]
    [InlineData("a-50:100")]
    [InlineData("0-50:高")]
    public void BandText_Unreadable_NamesThePart(string text) =>
        ScoreBandText.Parse(text, "“专业部门”指标“立案数”").Error.Message
            .ShouldBe($"“专业部门”指标“立案数”的分段“{text}”格式有误，应写作“下限-上限:得分”，如“0-50:100”，最后一段写作“1001-:0”");

    [Fact]
    public void Validate_BlankPeerGroupName_Fails()
    {
        var set = DefaultWith(EvaluationObjectType.Street, f => f with { PeerGroups = new Dictionary<string, string> { ["s1"] = " " } });

        FormulaSetValidator.Validate(set).Select(e => e.Message).ShouldBe(["“街道(镇乡)”的同类组名称不能为空，且不超过20个字"]);
    }

    [Fact]
    public void Evaluate_PeerGroupsInTheSet_RankTownsAndStreetsApart()
    {
        var groups = new Dictionary<string, string> { ["town"] = "镇", ["town2"] = "镇", ["street"] = "街道" };
        var set = Compile(DefaultWith(EvaluationObjectType.Street, f => f with { PeerGroups = groups, MinimumSample = null }));
        CountSet Counts(long closed) => CountSet.Of((CountKey.Filed, 10), (CountKey.ClosuresDue, 10), (CountKey.Closed, closed), (CountKey.ClosedWithinDeadline, closed));

        var report = set.Evaluate(EvaluationObjectType.Street, November,
        [
            Subject(EvaluationObjectType.Street, Counts(5), "town"),
            Subject(EvaluationObjectType.Street, Counts(8), "town2"),
            Subject(EvaluationObjectType.Street, Counts(2), "street"),
        ]).Value;

        report.PeerGroups.ShouldBe(["镇", "街道"]);
        report.InGroup("镇").Select(r => (r.SubjectId, r.Rank)).ShouldBe([("town2", (int?)1), ("town", 2)]);
        report.InGroup("街道").Single().Rank.ShouldBe(1, "the weakest street still leads its own group");
    }
}
