using CityMgmt.Domain.Evaluation;

namespace CityMgmt.Tests.Domain.Evaluation;

public class ScoreBandTests
{
    private const string Subject = "指标“受理数”";

    [Theory]
    [InlineData(100, 0)]
    [InlineData(101, 40)]
    [InlineData(1201, 90)]
    [InlineData(2000, 90)]
    [InlineData(2001, 100)]
    public void ScoreOf_WorkloadEdges_FindsTheBand(long value, double expected) =>
        ScoreBands.ScoreOf(ScoreBands.Workload, value).ShouldBe((decimal)expected);

    [Fact]
    public void Check_DefaultTables_AreValid()
    {
        ScoreBands.Check(ScoreBands.Workload, Subject).ShouldBeNull();
        ScoreBands.Check(ScoreBands.FiledCases, Subject).ShouldBeNull();
    }

    [Fact]
    public void Check_BandsInAnyOrder_AreSortedFirst() =>
        ScoreBands.Check([new(2001, null, 100), new(101, 2000, 50), new(0, 100, 0)], Subject).ShouldBeNull();

    [Fact]
    public void Check_NoBands_Fails() =>
        ScoreBands.Check([], Subject)!.Message.ShouldBe("指标“受理数”至少需要一个分段");

    [Fact]
    public void Check_NotStartingAtZero_Fails() =>
        ScoreBands.Check([new(1, 100, 0), new(101, null, 100)], Subject)!.Message
            .ShouldBe("指标“受理数”的分段必须从0开始（最小的分段是“1–100”）");

    [Fact]
    public void Check_Gap_FailsNamingTheMissingCounts()
    {
        var error = ScoreBands.Check([new(0, 300, 40), new(302, 500, 60), new(501, null, 100)], Subject)!;

        error.Code.ShouldBe("Evaluation.BandsGap");
        error.Message.ShouldBe("指标“受理数”的分段“0–300”与“302–500”之间不连续，缺少301–301");
    }

    [Fact]
    public void Check_Overlap_FailsNamingBothBands()
    {
        var error = ScoreBands.Check([new(0, 500, 60), new(500, 1200, 75), new(1201, null, 100)], Subject)!;

        error.Code.ShouldBe("Evaluation.BandsOverlap");
        error.Message.ShouldBe("指标“受理数”的分段“0–500”与“500–1200”重叠");
    }

    [Fact]
    public void Check_OpenBandNotLast_FailsAsOverlap() =>
        ScoreBands.Check([new(0, null, 60), new(100, null, 75)], Subject)!.Code.ShouldBe("Evaluation.BandsOverlap");

    [Fact]
    public void Check_LastBandClosed_Fails() =>
        ScoreBands.Check([new(0, 100, 0), new(101, 2000, 100)], Subject)!.Message
            .ShouldBe("指标“受理数”的最后一个分段“101–2000”必须不设上限（如“≥101”）");

    [Fact]
    public void Check_MinAboveMax_Fails() =>
        ScoreBands.Check([new(0, 100, 0), new(300, 101, 40), new(301, null, 100)], Subject)!.Code.ShouldBe("Evaluation.BandInverted");

    [Theory]
    [InlineData(-1)]
    [InlineData(100.5)]
    public void Check_ScoreOutsideZeroToHundred_Fails(double score) =>
        ScoreBands.Check([new(0, 100, 0), new(101, null, (decimal)score)], Subject)!.Code.ShouldBe("Evaluation.BandScoreOutOfRange");

    [Fact]
    public void ToString_OpenBand_ShowsAtLeast()
    {
        new ScoreBand(2001, null, 100).ToString().ShouldBe("≥2001");
        new ScoreBand(1201, 2000, 90).ToString().ShouldBe("1201–2000");
    }
}
