using CityMgmt.Domain.Evaluation;

namespace CityMgmt.Tests.Domain.Evaluation;

public class DeductionTests
{
    private static DeductionItem Deduct(decimal points, string date, string target = "town-1") =>
        DeductionItem.Create(target, EvaluationObjectType.Street, "暴露垃圾超期未处置", points, DateOnly.Parse(date), "王值班").Value;

    [Fact]
    public void Create_ValidItem_KeepsTrimmedValues()
    {
        var item = DeductionItem.Create(" dept-9 ", EvaluationObjectType.Department, " 推诿扯皮 ", 2.5m, new DateOnly(2026, 11, 3), " 李领导 ").Value;

        (item.TargetId, item.TargetType, item.Reason, item.Points, item.RecordedBy)
            .ShouldBe(("dept-9", EvaluationObjectType.Department, "推诿扯皮", 2.5m, "李领导"));
    }

    [Theory]
    [InlineData("", EvaluationObjectType.Street, "原因", 1, "王", "Evaluation.DeductionTargetRequired")]
    [InlineData("t", EvaluationObjectType.Supervisor, "原因", 1, "王", "Evaluation.DeductionTargetType")]
    [InlineData("t", EvaluationObjectType.Grid, "原因", 1, "王", "Evaluation.DeductionTargetType")]
    [InlineData("t", EvaluationObjectType.Street, " ", 1, "王", "Evaluation.DeductionReasonRequired")]
    [InlineData("t", EvaluationObjectType.Street, "原因", 0, "王", "Evaluation.DeductionPointsOutOfRange")]
    [InlineData("t", EvaluationObjectType.Street, "原因", -1, "王", "Evaluation.DeductionPointsOutOfRange")]
    [InlineData("t", EvaluationObjectType.Street, "原因", 100.01, "王", "Evaluation.DeductionPointsOutOfRange")]
    [InlineData("t", EvaluationObjectType.Street, "原因", 1.234, "王", "Evaluation.DeductionPointsTooPrecise")]
    [InlineData("t", EvaluationObjectType.Street, "原因", 1, "", "Evaluation.DeductionRecorderRequired")]
    public void Create_InvalidInput_Fails(string target, EvaluationObjectType type, string reason, double points, string who, string code) =>
        DeductionItem.Create(target, type, reason, (decimal)points, new DateOnly(2026, 11, 3), who).Error.Code.ShouldBe(code);

    [Fact]
    public void Create_ReasonTooLong_FailsInChinese() =>
        DeductionItem.Create("t", EvaluationObjectType.Street, new string('慢', 201), 1, new DateOnly(2026, 11, 3), "王").Error.Message
            .ShouldBe("请填写扣分原因（不超过200个字）");

    [Fact]
    public void Compute_Quarter_SubtractsOnlyThatTargetsDeductionsInThePeriod()
    {
        DeductionItem[] items =
        [
            Deduct(3, "2026-10-08"), Deduct(2.5m, "2026-12-31"),
            Deduct(4, "2026-09-30"),               // Q3: not counted
            Deduct(6, "2026-11-11", "town-2"),     // another town: not counted
        ];

        var score = AssessmentScore.Compute("town-1", EvaluationPeriod.Quarter(2026, 4), 92.5m, items);

        score.TotalDeducted.ShouldBe(5.5m);  // 3 + 2.5
        score.FinalScore.ShouldBe(87m);      // 92.5 − 5.5
        score.Deductions.Select(d => d.Points).ShouldBe([3m, 2.5m]);
        score.Grade.Grade.ShouldBe(Grade.B);
    }

    [Fact]
    public void Compute_Year_CountsEveryQuarter()
    {
        var items = new[] { Deduct(3, "2026-10-08"), Deduct(4, "2026-09-30"), Deduct(1, "2027-01-01") };

        AssessmentScore.Compute("town-1", EvaluationPeriod.Year(2026), 100, items).FinalScore.ShouldBe(93m);  // 100 − (3 + 4)
    }

    [Fact]
    public void Compute_DeductionsAboveBase_FloorAtZero()
    {
        var score = AssessmentScore.Compute("town-1", EvaluationPeriod.Quarter(2026, 4), 10, [Deduct(8, "2026-10-08"), Deduct(5, "2026-10-09")]);

        score.TotalDeducted.ShouldBe(13m);
        score.FinalScore.ShouldBe(0m);  // 10 − 13 = −3 → 0
        score.Grade.Grade.ShouldBe(Grade.E);
    }

    [Fact]
    public void Compute_NoDeductions_KeepsTheBase() =>
        AssessmentScore.Compute("town-1", EvaluationPeriod.Quarter(2026, 4), 88.25m, []).FinalScore.ShouldBe(88.25m);
}
