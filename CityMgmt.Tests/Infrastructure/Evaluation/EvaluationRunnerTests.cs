using CityMgmt.Domain.Evaluation;
using CityMgmt.Domain.Evaluation.Runs;
using CityMgmt.Infrastructure.Evaluation;
using CityMgmt.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Tests.Infrastructure.Evaluation;

public class EvaluationRunnerTests
{
    private static readonly EvaluationPeriod June = EvaluationPeriod.Month(2025, 6);

    [Fact]
    public async Task Run_MonthWithCases_ScoresTheDepartmentFromTheCaseHistory()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        await EvaluationFixture.SeedJuneAsync(services);
        var leader = await services.StaffAsync("ld");

        var run = await services.Get<EvaluationRunner>().RunAsync(June, RunTrigger.Manual, "test");

        run.IsSuccess.ShouldBeTrue();
        run.Value.AlreadyExisted.ShouldBeFalse();
        var table = (await services.Get<EvaluationQueries>().TableAsync(leader, run.Value.RunId, EvaluationObjectType.Department)).Value;
        var sz = table.Rows.Single(r => r.SubjectName == "县市政设施管理所");
        sz.Counts[CountKey.Filed].ShouldBe(3);
        sz.Counts[CountKey.Closed].ShouldBe(1);
        sz.Counts[CountKey.DisposedOnTime].ShouldBe(2);
        sz.Counts[CountKey.Reworked].ShouldBe(1);
        sz.Counts[CountKey.OverduePending].ShouldBe(1);
        // 立案数 3 → 100 ×10 % + 结案率 1/3 ×30 % + 按期处置率 2/3 ×30 % + 返工率 (1 − 1/3) ×30 % = 60.00 → C.
        sz.Composite.ShouldBe(60.00m);
        sz.Grade!.Grade.ShouldBe(Grade.C);
        sz.Status.ShouldBe(RankStatus.InsufficientSample, "3 cases due is below the minimum sample of 5");
        sz.Indicator("ClosingRate").ValueText.ShouldBe("33.33%");

        // Departments without a case in the period are left out (the banded 立案数 alone would give them 100).
        table.Rows.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Run_MonthWithCases_CountsEachPostFromWhatTheyDid()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        await EvaluationFixture.SeedJuneAsync(services);
        var leader = await services.StaffAsync("ld");
        var runId = (await services.Get<EvaluationRunner>().RunAsync(June, RunTrigger.Manual, "test")).Value.RunId;
        var queries = services.Get<EvaluationQueries>();

        var leaderRow = (await queries.TableAsync(leader, runId, EvaluationObjectType.ShiftLeader)).Value.Rows.Single(r => r.SubjectId == "demo-zbz");
        leaderRow.Counts[CountKey.Filed].ShouldBe(3);
        leaderRow.Counts[CountKey.FiledOnTime].ShouldBe(3, "each was filed 5 minutes after the previous step");
        leaderRow.Counts[CountKey.Closed].ShouldBe(1);

        var dispatcher = (await queries.TableAsync(leader, runId, EvaluationObjectType.Dispatcher)).Value.Rows.Single(r => r.SubjectId == "demo-pqy");
        dispatcher.Counts[CountKey.Dispatched].ShouldBe(3);
        dispatcher.Counts[CountKey.DispatchedOnTime].ShouldBe(3);

        var supervisor = (await queries.TableAsync(leader, runId, EvaluationObjectType.Supervisor)).Value.Rows.Single(r => r.SubjectId == "demo-jdy");
        supervisor.Counts[CountKey.Reported].ShouldBe(3);
        supervisor.Counts[CountKey.ValidReported].ShouldBe(3);
        supervisor.Counts[CountKey.ChecksDue].ShouldBe(2);
        supervisor.Indicator("ValidReportRate").ValueText.ShouldBe("100.00%");
    }

    [Fact]
    public async Task Run_SamePeriodTwice_ReturnsTheFirstRunAndWritesNothing()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        await EvaluationFixture.SeedJuneAsync(services);
        var first = await services.Get<EvaluationRunner>().RunAsync(June, RunTrigger.Manual, "test");
        await TestCases.DispatchedAsync(services, "SZ", EvaluationFixture.June10.AddDays(1), 90_010);

        var second = await services.Get<EvaluationRunner>().RunAsync(June, RunTrigger.Scheduled, "定时任务");

        second.Value.AlreadyExisted.ShouldBeTrue();
        second.Value.RunId.ShouldBe(first.Value.RunId);
        await using var db = services.NewDb();
        (await db.EvaluationRuns.CountAsync()).ShouldBe(1);
        (await db.EvaluationRuns.SingleAsync()).CasesConsidered.ShouldBe(3, "the frozen run keeps its figures");
    }

    [Fact]
    public async Task SaveFormulaSet_NewWeights_NextRunUsesVersion2AndTheOldRunStays()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        await EvaluationFixture.SeedJuneAsync(services);
        var admin = await services.StaffAsync("admin");
        var first = await services.Get<EvaluationRunner>().RunAsync(June, RunTrigger.Manual, "test");
        var set = DefaultFormulaSet.Create();
        var edited = set with { Objects = [.. set.Objects.Select(o => o.ObjectType == EvaluationObjectType.Department ? o with { MinimumSample = null } : o)] };

        var saved = await services.Get<FormulaSetStore>().SaveAsync(admin, edited);
        var second = await services.Get<EvaluationRunner>().RunAsync(June, RunTrigger.Manual, "test");

        saved.Value.ShouldBeEmpty();
        second.Value.AlreadyExisted.ShouldBeFalse();
        second.Value.FormulaSetVersion.ShouldBe(2);
        second.Value.RunId.ShouldNotBe(first.Value.RunId);
        var rows = (await services.Get<EvaluationQueries>().TableAsync(admin, second.Value.RunId, EvaluationObjectType.Department)).Value.Rows;
        rows.Single(r => r.SubjectName == "县市政设施管理所").Rank.ShouldBe(1, "without a minimum sample it is ranked");
        var old = (await services.Get<EvaluationQueries>().TableAsync(admin, first.Value.RunId, EvaluationObjectType.Department)).Value.Rows;
        old.Single().Status.ShouldBe(RankStatus.InsufficientSample, "the version 1 run is unchanged");
        await using var db = services.NewDb();
        (await db.AdminAudit.CountAsync(a => a.Action == "发布评价方案")).ShouldBe(1);
    }

    [Fact]
    public async Task SaveFormulaSet_WeightsNotSummingTo100_SavesNothingAndSaysWhy()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var admin = await services.StaffAsync("admin");
        var set = DefaultFormulaSet.Create();
        var bad = set with { Objects = [.. set.Objects.Select(o => o with { Indicators = [.. o.Indicators.Select(i => i with { Weight = 1 })] })] };

        var saved = await services.Get<FormulaSetStore>().SaveAsync(admin, bad);

        saved.Value.ShouldNotBeEmpty();
        saved.Value[0].Message.ShouldContain("100");
        await using var db = services.NewDb();
        (await db.EvaluationFormulaSets.CountAsync()).ShouldBe(0);
        (await db.AdminAudit.CountAsync(a => a.Action == "发布评价方案")).ShouldBe(0);
    }

    [Fact]
    public async Task SaveFormulaSet_NotAdministrator_Refused()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var leader = await services.StaffAsync("ld");

        var saved = await services.Get<FormulaSetStore>().SaveAsync(leader, DefaultFormulaSet.Create());

        saved.IsFailure.ShouldBeTrue();
    }
}
