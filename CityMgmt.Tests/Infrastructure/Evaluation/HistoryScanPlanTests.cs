using System.Text;
using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Evaluation;
using CityMgmt.Infrastructure.Cases;
using CityMgmt.Infrastructure.Evaluation;
using CityMgmt.Infrastructure.Persistence;
using CityMgmt.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Tests.Infrastructure.Evaluation;

/// <summary>
/// The two ways the single pass reads the history (seek the period's cases, or read the whole index in case order split
/// over several connections) must count the same, on the demo cases (every branch: 核实, 回退, 返工, 延期, 作废 …) and the
/// hand-computed June fixture; and the pass picks the sequential plan only when the period holds much of the history.
/// </summary>
public class HistoryScanPlanTests
{
    private static readonly EvaluationPeriod June = EvaluationPeriod.Month(2025, 6);
    private static readonly EvaluationPeriod Everything = EvaluationPeriod.Custom(new DateOnly(2020, 1, 1), new DateOnly(2030, 12, 31)).Value;

    [Fact]
    public async Task Plans_SamePeriod_CountTheSame()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        await EvaluationFixture.SeedJuneAsync(services);

        foreach (var period in new[] { June, Everything })
        {
            var seek = await ScanAsync(services, period, ScanPlan.Seek, 1);
            var one = await ScanAsync(services, period, ScanPlan.Sequential, 1);
            var three = await ScanAsync(services, period, ScanPlan.Sequential, 3);

            seek.Cohort.Cases.ShouldBeGreaterThan(0, period.Label);
            Dump(one).ShouldBe(Dump(seek), $"{period.Label}: one sequential reader");
            Dump(three).ShouldBe(Dump(seek), $"{period.Label}: three sequential readers");
        }

        // And the hand-computed June figures (EvaluationRunnerTests) through the sequential plan.
        var june = await ScanAsync(services, June, ScanPlan.Sequential, 2);
        var sz = june.Cohort.Departments.Single().Value.ToCounts();
        sz[CountKey.Filed].ShouldBe(3);
        sz[CountKey.Closed].ShouldBe(1);
        sz[CountKey.DisposedOnTime].ShouldBe(2);
        sz[CountKey.Reworked].ShouldBe(1);
        sz[CountKey.OverduePending].ShouldBe(1);
        june.Staff[("demo-zbz", "ShiftLeader")].OnTime(CaseAction.Filed).ShouldBe(3);
        june.Staff[("demo-jdy", "Supervisor")].Name.ShouldBe("张监督");
    }

    [Fact]
    public async Task ChoosePlan_ByTheShareOfLinesInThePeriod()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        await EvaluationFixture.SeedJuneAsync(services);
        await using var db = services.NewDb();
        await db.Database.OpenConnectionAsync();
        var sql = new HistorySql(DatabaseProvider.Sqlite);

        (await HistoryScan.ChoosePlanAsync(db.Database.GetDbConnection(), sql, June, default)).ShouldBe(ScanPlan.Seek, "3 cases among the demo data");
        (await HistoryScan.ChoosePlanAsync(db.Database.GetDbConnection(), sql, Everything, default)).ShouldBe(ScanPlan.Sequential);
        (await HistoryScan.ChoosePlanAsync(db.Database.GetDbConnection(), sql, EvaluationPeriod.Month(2021, 1), default)).ShouldBe(ScanPlan.Seek, "no line at all");
    }

    private static async Task<HistoryScan.PeriodTally> ScanAsync(TestServices services, EvaluationPeriod period, ScanPlan plan, int partitions)
    {
        await using var db = services.NewDb();
        await db.Database.OpenConnectionAsync();
        return await HistoryScan.RunAsync(db.Database.GetDbConnection(), new HistorySql(DatabaseProvider.Sqlite), period, new StageLimitOptions(), plan, partitions);
    }

    /// <summary>Every count of the tally, in a stable order.</summary>
    private static string Dump(HistoryScan.PeriodTally tally)
    {
        var text = new StringBuilder();
        foreach (var ((actor, role), counts) in tally.Staff.OrderBy(s => s.Key.ActorId).ThenBy(s => s.Key.Role))
        {
            text.Append($"{actor}/{role}/{counts.Name}: valid {counts.Valid}, returned {counts.Returned};");
            foreach (var action in Enum.GetValues<CaseAction>())
            {
                text.Append($" {action} {counts.Count(action)}/{counts.OnTime(action)}");
            }

            text.AppendLine();
        }

        foreach (var (key, sends) in tally.VerificationSends.OrderBy(s => s.Key.ActorId))
        {
            text.AppendLine($"sent {key}: {sends}");
        }

        text.AppendLine($"cohort {tally.Cohort.Cases}: {Counts(tally.Cohort.County.ToCounts())}");
        foreach (var (name, tallies) in new[] { ("dept", tally.Cohort.Departments), ("street", tally.Cohort.Streets), ("community", tally.Cohort.Communities), ("grid", tally.Cohort.Grids) })
        {
            foreach (var (id, t) in tallies.OrderBy(t => t.Key))
            {
                text.AppendLine($"{name} {id}: {Counts(t.ToCounts())}");
            }
        }

        return text.ToString();
    }

    private static string Counts(CountSet counts) => string.Join(",", counts.Values.Select(v => $"{v.Key}={v.Value}"));
}
