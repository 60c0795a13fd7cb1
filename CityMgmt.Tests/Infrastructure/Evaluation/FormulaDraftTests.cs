using CityMgmt.Domain.Evaluation;
using CityMgmt.Domain.Evaluation.Runs;
using CityMgmt.Infrastructure.Evaluation;
using CityMgmt.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Tests.Infrastructure.Evaluation;

/// <summary>Administrators edit a draft, save it only when valid, and publish it as a new version that never changes.</summary>
public class FormulaDraftTests
{
    private static FormulaSet WithDepartmentMinimum(long minimum)
    {
        var set = DefaultFormulaSet.Create();
        return set with { Objects = [.. set.Objects.Select(o => o.ObjectType == EvaluationObjectType.Department ? o with { MinimumSample = new MinimumSample(CountKey.ClosuresDue, minimum) } : o)] };
    }

    [Fact]
    public async Task SaveDraft_BadFormula_SavesNothingAndListsTheProblems()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var admin = await services.StaffAsync("admin");
        var set = DefaultFormulaSet.Create();
        var bad = set with
        {
            Objects = [.. set.Objects.Select(o => o.ObjectType == EvaluationObjectType.Department
                ? o with { Indicators = [.. o.Indicators.Select(i => i is RateIndicator { Key: "ClosingRate" } r ? r with { Numerator = "Closed +" } : i)], CompositeFormula = "ClosingRate + Unknown" }
                : o)],
        };

        var saved = await services.Get<FormulaSetStore>().SaveDraftAsync(admin, bad);

        saved.Value.Select(e => e.Message).ShouldBe(
        [
            "“专业部门”指标“结案率”的分子公式“Closed +”有语法错误（第8个字符附近）",
            "“专业部门”的综合指标公式引用了未知的名称“Unknown”，只能引用本类对象的指标和统计数（中文名称须写在方括号内，如[立案数]）",
        ]);
        (await services.Get<FormulaSetStore>().DraftAsync(admin)).Value.HasDraft.ShouldBeFalse();
        await using var db = services.NewDb();
        (await db.EvaluationFormulaDrafts.CountAsync()).ShouldBe(0);
        (await db.AdminAudit.CountAsync(a => a.Action.Contains("评价方案"))).ShouldBe(0);
    }

    [Fact]
    public async Task Publish_Draft_BecomesVersion2ForNewRunsAndTheOldRunKeepsVersion1()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        await EvaluationFixture.SeedJuneAsync(services);
        var admin = await services.StaffAsync("admin");
        var store = services.Get<FormulaSetStore>();
        var june = EvaluationPeriod.Month(2025, 6);
        var first = (await services.Get<EvaluationRunner>().RunAsync(june, RunTrigger.Manual, "test")).Value;

        (await store.SaveDraftAsync(admin, WithDepartmentMinimum(1))).Value.ShouldBeEmpty();
        var draft = (await store.DraftAsync(admin)).Value;
        (draft.HasDraft, draft.ActiveVersion, draft.SavedBy).ShouldBe((true, 1, "系统管理员"));
        (await store.ActiveAsync()).Definition.Version.ShouldBe(1, "a draft is not used by runs");

        (await store.PublishDraftAsync(admin)).Value.ShouldBeEmpty();
        var second = (await services.Get<EvaluationRunner>().RunAsync(june, RunTrigger.Manual, "test")).Value;

        (await store.DraftAsync(admin)).Value.ShouldSatisfyAllConditions(v => v.HasDraft.ShouldBeFalse(), v => v.ActiveVersion.ShouldBe(2));
        (await store.PublishDraftAsync(admin)).Error.Message.ShouldBe("没有可发布的草稿，请先保存草稿");
        second.FormulaSetVersion.ShouldBe(2);
        var queries = services.Get<EvaluationQueries>();
        (await queries.TableAsync(admin, second.RunId, EvaluationObjectType.Department)).Value.Rows.Single().Rank.ShouldBe(1, "3 cases due meet the minimum of 1");
        (await queries.TableAsync(admin, first.RunId, EvaluationObjectType.Department)).Value.Rows.Single().Status.ShouldBe(RankStatus.InsufficientSample);
        await using var db = services.NewDb();
        (await db.EvaluationRuns.SingleAsync(r => r.Id == first.RunId)).FormulaSetJson.ShouldContain("\"Minimum\":5");
        (await db.AdminAudit.Where(a => a.Action.Contains("评价方案")).OrderBy(a => a.At).Select(a => a.Action).ToListAsync())
            .ShouldBe(["保存评价方案草稿", "发布评价方案"]);
        (await store.VersionsAsync(admin)).Value.Select(v => v.Version).ShouldBe([2]);
    }

    [Theory]
    [InlineData("UPDATE \"EvaluationFormulaSets\" SET \"Json\" = 'x'")]
    [InlineData("DELETE FROM \"EvaluationFormulaSets\"")]
    public async Task PublishedVersion_RawSqlChange_IsAbortedByTheDatabase(string sql)
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var admin = await services.StaffAsync("admin");
        var store = services.Get<FormulaSetStore>();
        (await store.SaveDraftAsync(admin, WithDepartmentMinimum(3))).Value.ShouldBeEmpty();
        (await store.PublishDraftAsync(admin)).Value.ShouldBeEmpty();
        await using var db = services.NewDb();
        var json = (await db.EvaluationFormulaSets.SingleAsync()).Json;

        (await Should.ThrowAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync(sql))).Message.ShouldContain("append-only");

        (await db.EvaluationFormulaSets.SingleAsync()).Json.ShouldBe(json);
    }

    [Fact]
    public async Task Draft_NotAdministrator_Refused()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var leader = await services.StaffAsync("ld");
        var store = services.Get<FormulaSetStore>();

        (await store.SaveDraftAsync(leader, DefaultFormulaSet.Create())).Error.Code.ShouldBe("Auth.Forbidden");
        (await store.PublishDraftAsync(leader)).Error.Code.ShouldBe("Auth.Forbidden");
        (await store.DraftAsync(leader)).Error.Code.ShouldBe("Auth.Forbidden");
    }
}
