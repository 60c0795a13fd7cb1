using CityMgmt.Domain.Evaluation;
using static CityMgmt.Tests.Domain.Evaluation.EvaluationFixtures;

namespace CityMgmt.Tests.Domain.Evaluation;

/// <summary>Hand-computed fixtures for the four positions of the default set (domain.md §5).</summary>
public class StaffFormulaTests
{
    [Fact]
    public void Supervisor_TypicalMonth_MatchesHandComputedScores()
    {
        var result = Score(EvaluationObjectType.Supervisor, CountSet.Of(
            (CountKey.Reported, 50), (CountKey.ValidReported, 45),
            (CountKey.Missed, 3), (CountKey.Filed, 60),
            (CountKey.VerificationsDue, 20), (CountKey.VerifiedOnTime, 18),
            (CountKey.ChecksDue, 25), (CountKey.CheckedOnTime, 20)));

        result.Indicator("ValidReportRate").Score.ShouldBe(90m);         // 45/50 = 0.9 → 90
        result.Indicator("MissedReportRate").Score.ShouldBe(95m);        // 3/60 = 0.05, bad → (1 − 0.05) × 100 = 95
        result.Indicator("OnTimeVerificationRate").Score.ShouldBe(90m);  // 18/20 = 0.9 → 90
        result.Indicator("OnTimeCheckRate").Score.ShouldBe(80m);         // 20/25 = 0.8 → 80
        result.Composite.ShouldBe(89m);                                  // 90×40% + 95×20% + 90×20% + 80×20% = 36 + 19 + 18 + 16 = 89
        result.Grade!.Grade.ShouldBe(Grade.B);                           // 89 ∈ [75, 90)
    }

    [Fact]
    public void Supervisor_RepeatingDecimals_RoundsEachScoreAndCompositeToTwoPlaces()
    {
        var result = Score(EvaluationObjectType.Supervisor, CountSet.Of(
            (CountKey.Reported, 30), (CountKey.ValidReported, 20),
            (CountKey.Missed, 0), (CountKey.Filed, 10),
            (CountKey.VerificationsDue, 9), (CountKey.VerifiedOnTime, 7),
            (CountKey.ChecksDue, 6), (CountKey.CheckedOnTime, 5)));

        result.Indicator("ValidReportRate").Score.ShouldBe(66.67m);         // 20/30 = 0.6666… → 66.67
        result.Indicator("ValidReportRate").ValueText.ShouldBe("66.67%");
        result.Indicator("MissedReportRate").Score.ShouldBe(100m);          // 0/10 = 0, bad → 100
        result.Indicator("OnTimeVerificationRate").Score.ShouldBe(77.78m);  // 7/9 = 0.7777… → 77.78
        result.Indicator("OnTimeCheckRate").Score.ShouldBe(83.33m);         // 5/6 = 0.8333… → 83.33
        result.Composite.ShouldBe(78.89m);  // 66.67×0.4 + 100×0.2 + 77.78×0.2 + 83.33×0.2 = 26.668 + 20 + 15.556 + 16.666 = 78.89
    }

    [Fact]
    public void Operator_TypicalMonth_MatchesHandComputedScores()
    {
        var result = Score(EvaluationObjectType.Operator, CountSet.Of(
            (CountKey.Accepted, 1500),
            (CountKey.VerificationsSent, 40), (CountKey.VerificationsSentOnTime, 38),
            (CountKey.ChecksSent, 50), (CountKey.ChecksSentOnTime, 45)));

        result.Indicator("AcceptedCount").Score.ShouldBe(90m);             // 1500 ∈ 1201–2000 → 90
        result.Indicator("AcceptedCount").ValueText.ShouldBe("1500");
        result.Indicator("VerificationDispatchRate").Score.ShouldBe(95m);  // 38/40 = 0.95 → 95
        result.Indicator("CheckDispatchRate").Score.ShouldBe(90m);         // 45/50 = 0.9 → 90
        result.Composite.ShouldBe(92m);                                    // 90×25% + 95×40% + 90×35% = 22.5 + 38 + 31.5 = 92
        result.Grade!.Grade.ShouldBe(Grade.A);
    }

    [Theory]
    [InlineData(0, 0, 75)]        // ≤100 → 0;          0×25% + 100×40% + 100×35% = 75
    [InlineData(100, 0, 75)]
    [InlineData(101, 40, 85)]     // 101–300 → 40;      40×25% + 75 = 85
    [InlineData(300, 40, 85)]
    [InlineData(301, 60, 90)]     // 301–500 → 60;      60×25% + 75 = 90
    [InlineData(500, 60, 90)]
    [InlineData(501, 75, 93.75)]  // 501–1200 → 75;     75×25% + 75 = 93.75
    [InlineData(1200, 75, 93.75)]
    [InlineData(1201, 90, 97.5)]  // 1201–2000 → 90;    90×25% + 75 = 97.5
    [InlineData(2000, 90, 97.5)]
    [InlineData(2001, 100, 100)]  // ≥2001 → 100;       100×25% + 75 = 100
    [InlineData(50000, 100, 100)]
    public void Operator_AcceptedCountAtBandEdges_ScoresItsBand(long accepted, double bandScore, double composite)
    {
        var result = Score(EvaluationObjectType.Operator, CountSet.Of(
            (CountKey.Accepted, accepted),
            (CountKey.VerificationsSent, 10), (CountKey.VerificationsSentOnTime, 10),
            (CountKey.ChecksSent, 10), (CountKey.ChecksSentOnTime, 10)));

        result.Indicator("AcceptedCount").Score.ShouldBe((decimal)bandScore);
        result.Composite.ShouldBe((decimal)composite);
    }

    [Fact]
    public void ShiftLeader_TypicalMonth_MatchesHandComputedScores()
    {
        var result = Score(EvaluationObjectType.ShiftLeader, CountSet.Of(
            (CountKey.Filed, 200), (CountKey.FiledOnTime, 180), (CountKey.Cancelled, 10),
            (CountKey.ClosuresDue, 150), (CountKey.ClosedOnTime, 120)));

        result.Indicator("OnTimeFilingRate").Score.ShouldBe(90m);    // 180/200 = 0.9 → 90
        result.Indicator("AccurateFilingRate").Score.ShouldBe(95m);  // (200 − 10)/200 = 0.95 → 95
        result.Indicator("OnTimeClosingRate").Score.ShouldBe(80m);   // 120/150 = 0.8 → 80
        result.Composite.ShouldBe(88.5m);                            // 90×25% + 95×40% + 80×35% = 22.5 + 38 + 28 = 88.5
        result.Grade!.Grade.ShouldBe(Grade.B);
    }

    [Fact]
    public void Dispatcher_TypicalMonth_MatchesHandComputedScores()
    {
        var result = Score(EvaluationObjectType.Dispatcher, CountSet.Of(
            (CountKey.Dispatched, 600), (CountKey.DispatchesDue, 625),
            (CountKey.DispatchedOnTime, 589), (CountKey.Reworked, 25)));

        result.Indicator("DispatchCount").Score.ShouldBe(75m);          // 600 ∈ 501–1200 → 75
        result.Indicator("OnTimeDispatchRate").Score.ShouldBe(94.24m);  // 589/625 = 0.9424 → 94.24
        result.Indicator("AccurateDispatchRate").Score.ShouldBe(92m);   // (600 − 25)/625 = 575/625 = 0.92 → 92
        result.Composite.ShouldBe(89.5m);   // 75×20% + 94.24×40% + 92×40% = 15 + 37.696 + 36.8 = 89.496 → 89.50
        result.Grade!.Grade.ShouldBe(Grade.B);  // graded as shown: 89.50 < 90
    }

    [Fact]
    public void Dispatcher_DispatchCountAtBandEdge_UsesTheSameBandsAsAcceptance()
    {
        Score(EvaluationObjectType.Dispatcher, CountSet.Of((CountKey.Dispatched, 2001)))
            .Indicator("DispatchCount").Score.ShouldBe(100m);  // ≥2001 → 100
        Score(EvaluationObjectType.Dispatcher, CountSet.Of((CountKey.Dispatched, 2000)))
            .Indicator("DispatchCount").Score.ShouldBe(90m);   // 1201–2000 → 90
    }

    [Theory]
    [InlineData(0, 100)]   // 0/4 = 0, bad → 100
    [InlineData(1, 75)]    // 1/4 = 0.25, bad → 75 (a good rate would score 25)
    [InlineData(4, 0)]     // 4/4 = 1, bad → 0
    [InlineData(6, 0)]     // 6/4 = 1.5, bad → −50, kept within 0–100 → 0
    public void MissedReportRate_BadRate_IsInverted(long missed, double expected)
    {
        var result = Score(EvaluationObjectType.Supervisor, CountSet.Of((CountKey.Missed, missed), (CountKey.Filed, 4)));

        result.Indicator("MissedReportRate").Score.ShouldBe((decimal)expected);
        result.Indicator("MissedReportRate").Value.ShouldBe(missed / 4m);
    }
}
