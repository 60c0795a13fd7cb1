using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Evaluation;
using CityMgmt.Domain.Evaluation.Runs;
using CityMgmt.Infrastructure.Evaluation;
using CityMgmt.Tests.Support;

namespace CityMgmt.Tests.Infrastructure.Evaluation;

/// <summary>监督员 漏报数 (from his responsibility grids) and 受理员 核实派发 (from 受理 lines), no longer "—".</summary>
public class StaffExtraCountTests
{
    [Fact]
    public async Task Run_CitizenReportInSupervisorsGrid_CountsAsMissedAndAsAVerificationSent()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        await EvaluationFixture.SeedJuneAsync(services);  // three reports by 张监督 himself
        // A citizen's report in his grids (every demo grid is 张监督's), 受理 5 min after it came in, then 核实 and 立案.
        var citizen = await TestCases.DispatchedAsync(services, "SZ", EvaluationFixture.June10.AddHours(5), 90_004, source: CaseSource.Citizen);
        var admin = await services.StaffAsync("admin");

        var run = (await services.Get<EvaluationRunner>().RunAsync(EvaluationPeriod.Month(2025, 6), RunTrigger.Manual, "test")).Value;

        var queries = services.Get<EvaluationQueries>();
        var supervisor = (await queries.TableAsync(admin, run.RunId, EvaluationObjectType.Supervisor)).Value.Rows.Single(r => r.SubjectId == "demo-jdy");
        (supervisor.Counts[CountKey.Filed], supervisor.Counts[CountKey.Missed]).ShouldBe((4, 1));
        supervisor.Indicator("MissedReportRate").ValueText.ShouldBe("25.00%");
        supervisor.Indicator("MissedReportRate").ScoreText.ShouldBe("75.00");  // (1 − 1/4) × 100, a bad rate

        var operatorRow = (await queries.TableAsync(admin, run.RunId, EvaluationObjectType.Operator)).Value.Rows.Single(r => r.SubjectId == "demo-sly");
        (operatorRow.Counts[CountKey.VerificationsSent], operatorRow.Counts[CountKey.VerificationsSentOnTime]).ShouldBe((1, 1));
        operatorRow.Indicator("VerificationDispatchRate").ScoreText.ShouldBe("100.00");
        operatorRow.Indicator("CheckDispatchRate").ScoreText.ShouldBe("—", "no step of the loop records an operator sending a 核查");

        // Each of these counts drills down to exactly the cases behind it.
        var drill = services.Get<EvaluationDrillDown>();
        (await drill.CasesAsync(admin, run.RunId, EvaluationObjectType.Supervisor, "demo-jdy", CountKey.Filed)).Value.Total.ShouldBe(4);
        var missed = (await drill.CasesAsync(admin, run.RunId, EvaluationObjectType.Supervisor, "demo-jdy", CountKey.Missed)).Value;
        missed.Cases.Single().Number.ShouldBe(citizen.Number.Value);
        var sent = (await drill.CasesAsync(admin, run.RunId, EvaluationObjectType.Operator, "demo-sly", CountKey.VerificationsSent)).Value;
        sent.Cases.Single().Number.ShouldBe(citizen.Number.Value);
    }
}
