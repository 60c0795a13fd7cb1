using CityMgmt.Domain.Cases;
using CityMgmt.Infrastructure.Cases;
using CityMgmt.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Tests.Infrastructure.Cases;

public sealed class CaseQueriesTests
{
    // Our own cases sit well before the seeded 90 days, so date filters on them are exact.
    private static readonly DateTimeOffset June10 = new(2025, 6, 10, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("czry", "SZ")]
    [InlineData("hwcz", "HW")]
    public async Task SearchAsync_DepartmentUser_SeesOnlyCasesDispatchedToItsDepartment(string user, string department)
    {
        await using var services = await TestServices.FromTemplateAsync();
        var sz = await TestCases.DispatchedAsync(services, "SZ", June10, 90_001);
        var hw = await TestCases.DispatchedAsync(services, "HW", June10, 90_002);
        var staff = await services.StaffAsync(user);

        var (rows, total) = await services.Get<CaseQueries>().SearchAsync(staff, new CaseSearch(PageSize: 200));

        await using var db = services.NewDb();
        var deptId = await db.OrgUnits.Where(o => o.Code == department).Select(o => o.Id).SingleAsync();
        var expected = await db.Cases.Where(c => c.DepartmentId == deptId).Select(c => c.Id).ToListAsync();
        rows.Select(r => r.Id).ShouldBe(expected, ignoreOrder: true);
        total.ShouldBe(expected.Count);
        rows.Select(r => r.Id).ShouldContain(department == "SZ" ? sz.Id : hw.Id);
        rows.Select(r => r.Id).ShouldNotContain(department == "SZ" ? hw.Id : sz.Id);
    }

    [Fact]
    public async Task SearchAsync_SubCentreShiftLeader_SeesOnlyCasesInItsTown()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var inside = await TestCases.DispatchedAsync(services, "SZ", June10, 90_001, streetName: "青龙镇");
        var outside = await TestCases.DispatchedAsync(services, "SZ", June10, 90_002, streetName: "城关街道");
        var staff = await services.StaffAsync("qlzbz");

        var (rows, total) = await services.Get<CaseQueries>().SearchAsync(staff, new CaseSearch(PageSize: 200));

        await using var db = services.NewDb();
        var town = await db.Divisions.Where(d => d.Name == "青龙镇").Select(d => d.Id).SingleAsync();
        var expected = await db.Cases.Where(c => c.StreetId == town).Select(c => c.Id).ToListAsync();
        rows.Select(r => r.Id).ShouldBe(expected, ignoreOrder: true);
        total.ShouldBe(expected.Count);
        rows.Select(r => r.Id).ShouldContain(inside.Id);
        rows.Select(r => r.Id).ShouldNotContain(outside.Id);
    }

    [Theory]
    [InlineData("zbz")]
    [InlineData("ld")]
    public async Task SearchAsync_CentreUser_SeesAllCases(string user)
    {
        await using var services = await TestServices.FromTemplateAsync();
        await TestCases.DispatchedAsync(services, "HW", June10, 90_001, streetName: "青龙镇");
        var staff = await services.StaffAsync(user);

        var (_, total) = await services.Get<CaseQueries>().SearchAsync(staff, new CaseSearch());

        await using var db = services.NewDb();
        total.ShouldBe(await db.Cases.CountAsync());
        total.ShouldBeGreaterThan(40);
    }

    [Fact]
    public async Task GetAsync_CaseOfAnotherDepartment_FailsAsNotFound()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var sz = await TestCases.DispatchedAsync(services, "SZ", June10, 90_001);
        var queries = services.Get<CaseQueries>();

        var refused = await queries.GetAsync(await services.StaffAsync("hwcz"), sz.Id);
        var missing = await queries.GetAsync(await services.StaffAsync("hwcz"), Guid.NewGuid());
        var allowed = await queries.GetAsync(await services.StaffAsync("czry"), sz.Id);

        refused.Error.ShouldBe(CaseErrors.NotFound);
        missing.Error.ShouldBe(refused.Error);
        allowed.IsSuccess.ShouldBeTrue();
        allowed.Value.Case.Number.ShouldBe(sz.Number);
    }

    [Fact]
    public async Task GetAsync_VisibleCase_ReturnsTimelineInOrderWithNames()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var sz = await TestCases.DispatchedAsync(services, "SZ", June10, 90_001);

        var detail = (await services.Get<CaseQueries>().GetAsync(await services.StaffAsync("zbz"), sz.Id)).Value;

        detail.History.Select(h => h.Action).ShouldBe([CaseAction.Reported, CaseAction.Registered, CaseAction.Filed, CaseAction.Dispatched]);
        detail.History.Select(h => h.Sequence).ShouldBe([1, 2, 3, 4]);
        detail.DepartmentName.ShouldBe("县市政设施管理所");
        detail.DepartmentNames![sz.DepartmentId!.Value].ShouldBe("县市政设施管理所");
        detail.DisposalLimit.ShouldNotBeNull();
        detail.CategoryCode!.Length.ShouldBe(4);
    }

    [Theory]
    [InlineData(CaseStatus.InDisposal)]
    [InlineData(CaseStatus.Closed)]
    public async Task SearchAsync_StatusFilter_ReturnsExactlyCasesInThatStatus(CaseStatus status)
    {
        await using var services = await TestServices.FromTemplateAsync();
        await TestCases.DispatchedAsync(services, "SZ", DateTimeOffset.UtcNow.AddHours(-1), 90_001);

        var (rows, total) = await SearchAllAsync(services, new CaseSearch(Status: status, PageSize: 200));

        var expected = await CountAsync(services, c => c.Status == status);
        expected.ShouldBeGreaterThan(0, "the fixture must hold cases in that status");
        total.ShouldBe(expected);
        rows.ShouldAllBe(r => r.Status == status);
    }

    [Fact]
    public async Task SearchAsync_OpenOnly_ReturnsEveryNonFinalCase()
    {
        await using var services = await TestServices.FromTemplateAsync();

        var (rows, total) = await SearchAllAsync(services, new CaseSearch(OpenOnly: true, PageSize: 200));

        var final = new[] { CaseStatus.Closed, CaseStatus.NotFiled, CaseStatus.Cancelled };
        total.ShouldBe(await CountAsync(services, c => !final.Contains(c.Status)));
        total.ShouldBeLessThan(await CountAsync(services, c => true));
        rows.ShouldAllBe(r => !r.Status.IsFinal());
    }

    [Fact]
    public async Task SearchAsync_SourceFilter_ReturnsOnlyThatSource()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await TestCases.DispatchedAsync(services, "SZ", June10, 90_001, source: CaseSource.Hotline);

        var (rows, total) = await SearchAllAsync(services, new CaseSearch(Source: CaseSource.Hotline, PageSize: 200));

        total.ShouldBe(await CountAsync(services, c => c.Source == CaseSource.Hotline));
        rows.ShouldNotBeEmpty();
        rows.ShouldAllBe(r => r.Source == CaseSource.Hotline);
    }

    [Fact]
    public async Task SearchAsync_DateRange_CountsChinaDaysInclusive()
    {
        await using var services = await TestServices.FromTemplateAsync();

        // 2025-06-10 23:30 China time is still the 10th; 2025-06-11 00:10 China time is the 11th.
        var lateOn10th = await TestCases.DispatchedAsync(services, "SZ", new DateTimeOffset(2025, 6, 10, 15, 30, 0, TimeSpan.Zero), 90_001);
        var earlyOn11th = await TestCases.DispatchedAsync(services, "SZ", new DateTimeOffset(2025, 6, 10, 16, 10, 0, TimeSpan.Zero), 90_002);
        await TestCases.DispatchedAsync(services, "SZ", new DateTimeOffset(2025, 6, 9, 1, 0, 0, TimeSpan.Zero), 90_003);

        var (rows, total) = await SearchAllAsync(services, new CaseSearch(From: new DateOnly(2025, 6, 10), To: new DateOnly(2025, 6, 10)));
        var (_, both) = await SearchAllAsync(services, new CaseSearch(From: new DateOnly(2025, 6, 10), To: new DateOnly(2025, 6, 11)));

        total.ShouldBe(1);
        rows.Single().Id.ShouldBe(lateOn10th.Id);
        both.ShouldBe(2);
        earlyOn11th.Number.Value.ShouldStartWith("20250611");
    }

    [Fact]
    public async Task SearchAsync_FullNumber_FindsThatCaseOnly()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var target = await TestCases.DispatchedAsync(services, "SZ", June10, 90_001);
        await TestCases.DispatchedAsync(services, "SZ", June10, 90_002);

        var (rows, total) = await SearchAllAsync(services, new CaseSearch(Number: " " + target.Number.Value + " "));

        total.ShouldBe(1);
        rows.Single().Number.ShouldBe(target.Number.Value);
    }

    [Fact]
    public async Task SearchAsync_EightDigitDate_FindsThatDaysCases()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await TestCases.DispatchedAsync(services, "SZ", June10, 90_001);
        await TestCases.DispatchedAsync(services, "SZ", June10.AddHours(1), 90_002);
        await TestCases.DispatchedAsync(services, "SZ", June10.AddDays(1), 90_003);

        var (rows, total) = await SearchAllAsync(services, new CaseSearch(Number: "20250610"));

        total.ShouldBe(2);
        rows.ShouldAllBe(r => r.Number.StartsWith("20250610-"));
    }

    [Theory]
    [InlineData("2025061")]
    [InlineData("20250610-9")]
    [InlineData("abc")]
    public async Task SearchAsync_UnreadableNumber_FindsNothingAndExplains(string text)
    {
        await using var services = await TestServices.FromTemplateAsync();

        var (rows, total) = await SearchAllAsync(services, new CaseSearch(Number: text));

        total.ShouldBe(0);
        rows.ShouldBeEmpty();
        CaseQueries.CheckNumber(text)!.Message.ShouldBe("请输入完整编号或8位日期");
        CaseQueries.CheckNumber("20250610").ShouldBeNull();
        CaseQueries.CheckNumber("20250610-00001").ShouldBeNull();
    }

    [Fact]
    public async Task SearchAsync_Keyword_MatchesAddressOrDescription()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var target = await TestCases.DispatchedAsync(services, "SZ", June10, 90_001, address: "玉兰巷88号");

        var (rows, total) = await SearchAllAsync(services, new CaseSearch(Text: "玉兰巷"));

        total.ShouldBe(1);
        rows.Single().Id.ShouldBe(target.Id);
    }

    [Theory]
    [InlineData("兰巷8", true)]
    [InlineData("井盖", true)]
    [InlineData("井盖缺失 行人", true)]
    [InlineData("盖井", false)]
    [InlineData("巷", true)] // one character: searched without the index
    public async Task SearchAsync_ChineseFragments_MatchExactlyWhereTheTextContainsThem(string text, bool found)
    {
        await using var services = await TestServices.FromTemplateAsync();
        var target = await TestCases.DispatchedAsync(services, "SZ", June10, 90_002, address: "玉兰巷88号", description: "井盖缺失，行人易跌落");

        var (rows, _) = await SearchAllAsync(services, new CaseSearch(Text: text));

        rows.Any(r => r.Id == target.Id).ShouldBe(found);
    }

    [Fact]
    public async Task SearchAsync_CasesMissingFromTheFullTextIndex_AreFoundAfterTheStartUpFill()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var target = await TestCases.DispatchedAsync(services, "SZ", June10, 90_003, address: "海棠街17号");
        await using (var db = services.NewDb())
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM CaseSearch");
        }

        (await SearchAllAsync(services, new CaseSearch(Text: "海棠街"))).Total.ShouldBe(0, "the search goes through the index");

        await using (var db = services.NewDb())
        {
            (await CaseSearchIndex.FillMissingAsync(db)).ShouldBe(await db.Cases.CountAsync());
        }

        (await SearchAllAsync(services, new CaseSearch(Text: "海棠街"))).Rows.Single().Id.ShouldBe(target.Id);
    }

    [Fact]
    public async Task SearchAsync_Paging_ReturnsEachCaseOnceWithTheSameTotal()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var staff = await services.StaffAsync("zbz");
        var queries = services.Get<CaseQueries>();
        var seen = new List<Guid>();
        var totals = new HashSet<int>();

        for (var page = 0; page < 8; page++)
        {
            var (rows, total) = await queries.SearchAsync(staff, new CaseSearch(Page: page, PageSize: 7));
            rows.Count.ShouldBeLessThanOrEqualTo(7);
            seen.AddRange(rows.Select(r => r.Id));
            totals.Add(total);
        }

        var all = await CountAsync(services, c => true);
        totals.ShouldHaveSingleItem().ShouldBe(all);
        seen.Count.ShouldBe(all);
        seen.Distinct().Count().ShouldBe(all);
    }

    private static async Task<(IReadOnlyList<CaseRow> Rows, int Total)> SearchAllAsync(TestServices services, CaseSearch search) =>
        await services.Get<CaseQueries>().SearchAsync(await services.StaffAsync("zbz"), search);

    private static async Task<int> CountAsync(TestServices services, System.Linq.Expressions.Expression<Func<CityCase, bool>> predicate)
    {
        await using var db = services.NewDb();
        return await db.Cases.CountAsync(predicate);
    }
}
