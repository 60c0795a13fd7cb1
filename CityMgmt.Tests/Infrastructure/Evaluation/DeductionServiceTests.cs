using CityMgmt.Domain.Evaluation;
using CityMgmt.Domain.Evaluation.Runs;
using CityMgmt.Infrastructure.Evaluation;
using CityMgmt.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Tests.Infrastructure.Evaluation;

/// <summary>
/// 扣分 of townships and departments feeding the quarterly and annual assessment. The June 2025 fixture gives
/// 县市政设施管理所 (SZ) a composite of 60.00 (C) for the quarter and the year, worked out in EvaluationRunnerTests.
/// </summary>
public class DeductionServiceTests
{
    private static readonly EvaluationPeriod Q2 = EvaluationPeriod.Quarter(2025, 2);
    private static readonly EvaluationPeriod Year = EvaluationPeriod.Year(2025);

    private static async Task<string> SzAsync(TestServices services)
    {
        await using var db = services.NewDb();
        return (await db.OrgUnits.SingleAsync(o => o.Code == "SZ")).Id.ToString();
    }

    private static DeductionInput Sz(string id, string date, decimal points, string reason = "处置不及时") =>
        new(EvaluationObjectType.Department, id, DateOnly.Parse(date), points, reason);

    [Fact]
    public async Task Assess_QuarterAndYear_SubtractsDeductionsInForceAndGradesTheFinalScore()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        await EvaluationFixture.SeedJuneAsync(services);
        var leader = await services.StaffAsync("ld");
        var runner = services.Get<EvaluationRunner>();
        var quarterRun = (await runner.RunAsync(Q2, RunTrigger.Manual, "test")).Value;
        (await runner.RunAsync(Year, RunTrigger.Manual, "test")).IsSuccess.ShouldBeTrue();
        var sz = await SzAsync(services);
        var deductions = services.Get<DeductionService>();
        (await deductions.RecordAsync(leader, Sz(sz, "2025-04-15", 0.5m))).IsSuccess.ShouldBeTrue();
        (await deductions.RecordAsync(leader, Sz(sz, "2025-07-01", 4m))).IsSuccess.ShouldBeTrue();        // Q3: the year only
        var revoked = (await deductions.RecordAsync(leader, Sz(sz, "2025-05-05", 10m))).Value;
        (await deductions.RecordAsync(leader, Sz(sz, "2024-12-31", 7m))).IsSuccess.ShouldBeTrue();        // last year: neither
        (await deductions.RevokeAsync(leader, revoked, "重复记录")).IsSuccess.ShouldBeTrue();

        var quarter = (await services.Get<AssessmentQueries>().AssessAsync(leader, Q2)).Value;
        var year = (await services.Get<AssessmentQueries>().AssessAsync(leader, Year)).Value;

        var q = quarter.Rows.Single(r => r.Id == sz);
        (q.Composite, q.Deducted, q.DeductionCount, q.FinalScore).ShouldBe((60.00m, 0.5m, 1, 59.50m));
        q.Grade!.Grade.ShouldBe(Grade.D, "60.00 is C, but the final 59.50 is D");
        var y = year.Rows.Single(r => r.Id == sz);
        (y.Composite, y.Deducted, y.DeductionCount, y.FinalScore).ShouldBe((60.00m, 4.5m, 2, 55.50m));  // 60 − (0.5 + 4)
        y.Grade!.Grade.ShouldBe(Grade.D);
        quarter.Run!.Id.ShouldBe(quarterRun.RunId);

        // The rankings of the quarter show the same deduction beside the composite.
        var table = (await services.Get<EvaluationQueries>().TableAsync(leader, quarterRun.RunId, EvaluationObjectType.Department)).Value;
        table.Deducted!.ShouldContainKeyAndValue(sz, 0.5m);
    }

    [Fact]
    public async Task Assess_DeductionWithoutRun_ListsTheDeductionWithoutAFinalScore()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var leader = await services.StaffAsync("ld");
        var sz = await SzAsync(services);
        (await services.Get<DeductionService>().RecordAsync(leader, Sz(sz, "2025-11-03", 2m))).IsSuccess.ShouldBeTrue();

        var assessment = (await services.Get<AssessmentQueries>().AssessAsync(leader, EvaluationPeriod.Quarter(2025, 4))).Value;

        assessment.Run.ShouldBeNull();
        var row = assessment.Rows.ShouldHaveSingleItem();
        (row.Id, row.Composite, row.Deducted, row.FinalScore, row.Grade).ShouldBe((sz, (decimal?)null, 2m, (decimal?)null, (GradeInfo?)null));
    }

    [Fact]
    public async Task Revoke_Twice_IsRefusedAndBothStepsAreAudited()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var leader = await services.StaffAsync("zbz");
        var deductions = services.Get<DeductionService>();
        var id = (await deductions.RecordAsync(leader, Sz(await SzAsync(services), "2025-11-03", 2m))).Value;

        (await deductions.RevokeAsync(leader, id, " ")).Error.Message.ShouldBe("请填写撤销原因（不超过200个字）");
        (await deductions.RevokeAsync(leader, id, "误扣")).IsSuccess.ShouldBeTrue();
        (await deductions.RevokeAsync(leader, id, "再撤一次")).Error.Message.ShouldBe("该扣分已撤销，不能重复撤销");

        var listed = (await deductions.ListAsync(leader, EvaluationPeriod.Quarter(2025, 4))).Value.ShouldHaveSingleItem();
        (listed.IsRevoked, listed.RevokeReason, listed.RevokedBy, listed.Points).ShouldBe((true, "误扣", "王值班", 2m));
        await using var db = services.NewDb();
        var audit = await db.AdminAudit.Where(a => a.Action == "扣分" || a.Action == "撤销扣分").OrderBy(a => a.At).ThenBy(a => a.Action).ToListAsync();
        audit.Select(a => (a.Action, a.Target)).ShouldBe([("扣分", "县市政设施管理所"), ("撤销扣分", "县市政设施管理所")]);
        audit[1].Detail.ShouldBe("2025-11-03 扣2分；撤销原因：误扣");
    }

    [Theory]
    [InlineData("UPDATE \"EvaluationDeductions\" SET \"Points\" = 0")]
    [InlineData("DELETE FROM \"EvaluationDeductions\"")]
    [InlineData("DELETE FROM \"EvaluationDeductionRevocations\"")]
    public async Task Deductions_RawSqlChange_IsAbortedByTheDatabase(string sql)
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var leader = await services.StaffAsync("ld");
        var deductions = services.Get<DeductionService>();
        var id = (await deductions.RecordAsync(leader, Sz(await SzAsync(services), "2025-11-03", 2m))).Value;
        (await deductions.RevokeAsync(leader, id, "误扣")).IsSuccess.ShouldBeTrue();
        await using var db = services.NewDb();

        (await Should.ThrowAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync(sql))).Message.ShouldContain("append-only");

        (await db.EvaluationDeductions.SingleAsync()).Points.ShouldBe(2m);
        (await db.EvaluationDeductionRevocations.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Record_BadInput_SavesNothingAndSaysWhy()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var leader = await services.StaffAsync("ld");
        var deductions = services.Get<DeductionService>();
        var sz = await SzAsync(services);

        (await deductions.RecordAsync(leader, Sz(sz, "2025-11-03", 0m))).Error.Message.ShouldBe("扣分分值必须大于0且不超过100");
        (await deductions.RecordAsync(leader, Sz(sz, "2025-11-03", 2m, " "))).Error.Message.ShouldBe("请填写扣分原因（不超过200个字）");
        (await deductions.RecordAsync(leader, Sz(sz, "2026-03-03", 2m))).Error.Message.ShouldBe("扣分日期不能晚于今天");
        (await deductions.RecordAsync(leader, Sz(sz, "2025-11-03", 2m) with { CaseNumber = "20250101-99999" })).Error.Message.ShouldBe("关联的案件编号不存在");
        (await deductions.RecordAsync(leader, Sz(Guid.NewGuid().ToString(), "2025-11-03", 2m))).Error.Message.ShouldBe("被扣分的镇乡（街道）或部门不存在");

        await using var db = services.NewDb();
        (await db.EvaluationDeductions.CountAsync()).ShouldBe(0);
        (await db.AdminAudit.CountAsync(a => a.Action == "扣分")).ShouldBe(0);
    }

    [Fact]
    public async Task Record_WithCaseNumber_LinksTheCase()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var leader = await services.StaffAsync("ld");
        var item = await TestCases.DispatchedAsync(services, "SZ", EvaluationFixture.June10, 90_010);

        var id = (await services.Get<DeductionService>().RecordAsync(leader, Sz(await SzAsync(services), "2025-06-11", 1m) with { CaseNumber = item.Number.Value })).Value;

        var listed = (await services.Get<DeductionService>().ListAsync(leader, Q2)).Value.Single(d => d.Id == id);
        (listed.CaseId, listed.CaseNumber).ShouldBe((item.Id, item.Number.Value));
    }

    [Fact]
    public async Task Scope_SubCentreAndSupervisor_CannotRecordAndSeeOnlyTheirOwn()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var leader = await services.StaffAsync("ld");
        var township = await services.StaffAsync("qlzbz");
        var supervisor = await services.StaffAsync("jdy");
        var deductions = services.Get<DeductionService>();
        var targets = (await deductions.TargetsAsync(leader)).Value;
        var qinglong = targets.Single(t => t.Name == "青龙镇");
        (await deductions.RecordAsync(leader, new DeductionInput(EvaluationObjectType.Street, qinglong.Id, new DateOnly(2025, 11, 3), 1, "暴露垃圾超时"))).IsSuccess.ShouldBeTrue();
        (await deductions.RecordAsync(leader, Sz(await SzAsync(services), "2025-11-03", 2m))).IsSuccess.ShouldBeTrue();

        (await deductions.RecordAsync(township, new DeductionInput(EvaluationObjectType.Street, qinglong.Id, new DateOnly(2025, 11, 3), 1, "x"))).Error.Code.ShouldBe("Auth.Forbidden");
        (await deductions.ListAsync(supervisor, EvaluationPeriod.Year(2025))).Error.Code.ShouldBe("Auth.Forbidden");
        (await deductions.ListAsync(township, EvaluationPeriod.Year(2025))).Value.Select(d => d.TargetName).ShouldBe(["青龙镇"]);
        (await deductions.TargetsAsync(township)).Value.Select(t => t.Name).ShouldBe(["青龙镇"]);
    }
}
