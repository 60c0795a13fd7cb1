using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Evaluation;
using CityMgmt.Infrastructure.Cases;
using static CityMgmt.Infrastructure.Evaluation.HistoryScan;

namespace CityMgmt.Tests.Infrastructure.Evaluation;

/// <summary>
/// The single-pass counting rules at the edges of a period, hand-computed: lines before the start and after the end,
/// a 立案 after the period, a 回退 right after a 派遣. Stage limits are the defaults (30 minutes).
/// </summary>
public class HistoryScanTests
{
    private static readonly EvaluationPeriod June = EvaluationPeriod.Month(2025, 6);
    private static readonly DateTimeOffset Start = June.StartsAt;
    private static readonly Guid Department = Guid.NewGuid();

    private static Line L(DateTimeOffset at, CaseAction action, string actor, string role) => new(at, action, actor, role, actor + "名");

    private static CaseFacts Facts(DateTimeOffset? deadline) => new(Department, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "PublicReport", deadline);

    [Fact]
    public void CaseReportedBeforeThePeriod_CountsItsPeriodStepsAgainstTheStepBefore()
    {
        var tally = new PeriodTally(June, new StageLimitOptions());
        tally.BeginCase();
        tally.Line(L(Start.AddMinutes(-10), CaseAction.Reported, "jdy", "Supervisor"));       // before the period: not counted
        tally.Line(L(Start.AddMinutes(5), CaseAction.Registered, "sly", "Operator") with { ToVerification = true }); // 15 min: on time, sent to 核实
        tally.Facts(Facts(Start.AddHours(3)));
        tally.Line(L(Start.AddMinutes(50), CaseAction.Filed, "zbz", "ShiftLeader"));          // 45 min: late
        tally.Line(L(Start.AddMinutes(60), CaseAction.Dispatched, "pqy", "Dispatcher"));      // 10 min: on time
        tally.Line(L(Start.AddMinutes(90), CaseAction.Returned, "cz", "Handler"));            // 回退 right after 派遣
        tally.Line(L(June.EndsBefore.AddMinutes(1), CaseAction.DisposalReported, "cz", "Handler")); // after the period
        tally.EndCase();
        tally.Finish();

        tally.Staff.ContainsKey(("jdy", "Supervisor")).ShouldBeFalse();
        tally.Staff[("sly", "Operator")].Count(CaseAction.Registered).ShouldBe(1);
        tally.Staff[("sly", "Operator")].OnTime(CaseAction.Registered).ShouldBe(1);
        tally.VerificationSends[("sly", "Operator")].ShouldBe((1L, 1L));
        tally.Staff[("zbz", "ShiftLeader")].OnTime(CaseAction.Filed).ShouldBe(0);
        tally.Staff[("pqy", "Dispatcher")].OnTime(CaseAction.Dispatched).ShouldBe(1);
        tally.Staff[("pqy", "Dispatcher")].Returned.ShouldBe(1);

        var counts = tally.Cohort.Departments[Department].ToCounts();
        counts[CountKey.Filed].ShouldBe(1);
        counts[CountKey.Disposed].ShouldBe(0, "the disposal came after the period");
        counts[CountKey.OverduePending].ShouldBe(1, "its deadline passed inside the period");
    }

    [Fact]
    public void ReportFiledAfterThePeriod_IsAValidReportButNotInTheCohort()
    {
        var tally = new PeriodTally(June, new StageLimitOptions());
        tally.BeginCase();
        tally.Line(L(June.EndsBefore.AddHours(-1), CaseAction.Reported, "jdy", "Supervisor"));
        tally.Line(L(June.EndsBefore.AddHours(1), CaseAction.Filed, "zbz", "ShiftLeader"));
        tally.EndCase();
        tally.BeginCase();
        tally.Line(L(Start.AddDays(1), CaseAction.Reported, "jdy", "Supervisor"));
        tally.Line(L(Start.AddDays(1).AddMinutes(5), CaseAction.Cancelled, "sly", "Operator"));
        tally.EndCase();
        tally.Finish();

        var supervisor = tally.Staff[("jdy", "Supervisor")];
        supervisor.Count(CaseAction.Reported).ShouldBe(2);
        supervisor.Valid.ShouldBe(1, "only the first report was ever filed");
        supervisor.Name.ShouldBe("jdy名");
        tally.Staff.ContainsKey(("zbz", "ShiftLeader")).ShouldBeFalse("the filing was after the period");
        tally.Cohort.Cases.ShouldBe(0);
    }
}
