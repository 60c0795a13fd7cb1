using CityMgmt.Domain.Calendar;
using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Categories;
using CityMgmt.Tests.Domain;
using CityMgmt.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Tests.Infrastructure.Persistence;

public class ConcurrencyAndAuditTests
{
    [Fact]
    public async Task SaveChanges_TwoUsersChangeTheSameCategory_SecondGetsAConflict()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var first = services.NewDb();
        await using var second = services.NewDb();
        var a = await first.Categories.FirstAsync(c => c.MinorCode == "02" && c.MajorCode == "01" && c.Kind == CategoryKind.Event);
        var b = await second.Categories.SingleAsync(c => c.Id == a.Id);
        var rules = new MinorClassRules("条件A", "结案A", new TimeLimit(3, TimeLimitUnit.WorkingHours));

        a.ApplyRules(rules).IsSuccess.ShouldBeTrue();
        await first.SaveChangesAsync();
        b.ApplyRules(rules with { FilingCondition = "条件B" }).IsSuccess.ShouldBeTrue();

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = services.NewDb();
        (await check.Categories.SingleAsync(c => c.Id == a.Id)).FilingCondition.ShouldBe("条件A");
    }

    [Fact]
    public async Task SaveChanges_TwoUsersActOnTheSameCase_SecondIsRejectedAndOnlyTheFirstStepIsKept()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var dispatched = await TestCases.DispatchedAsync(services, "SZ", DateTimeOffset.UtcNow.AddHours(-1), 90_001);
        await using var first = services.NewDb();
        await using var second = services.NewDb();
        var a = await first.Cases.SingleAsync(c => c.Id == dispatched.Id);
        var b = await second.Cases.SingleAsync(c => c.Id == a.Id);
        var now = DateTimeOffset.UtcNow;

        a.ReportDisposal(Builders.Handler, now, now.AddMinutes(30), "已处置").IsSuccess.ShouldBeTrue();
        b.Cancel(Builders.Leader, now, "重复").IsSuccess.ShouldBeTrue();
        await first.SaveChangesAsync();

        // Either guard may fire first: the version check on the case, or the unique (case, sequence) of its history.
        await Should.ThrowAsync<DbUpdateException>(() => second.SaveChangesAsync());
        await using var check = services.NewDb();
        var saved = await check.Cases.SingleAsync(c => c.Id == a.Id);
        saved.Status.ShouldBe(CaseStatus.PendingCheck);
        (await check.CaseHistory.CountAsync(h => h.CaseId == a.Id)).ShouldBe(saved.HistoryCount);
    }

    [Fact]
    public async Task SaveChanges_FillsWhoAndWhenFromTheCurrentUserAndClock()
    {
        var clock = TestClock.Create();
        await using var services = await TestServices.CreateEmptyAsync(clock);
        services.User.UserName = "admin";
        var day = CalendarDay.Create(new DateOnly(2026, 10, 1), CalendarDayKind.Holiday, "国庆节").Value;
        await using (var db = services.NewDb())
        {
            db.CalendarDays.Add(day);
            await db.SaveChangesAsync();
        }

        clock.Advance(TimeSpan.FromHours(1));
        services.User.UserName = "admin2";
        await using (var db = services.NewDb())
        {
            var category = await db.Categories.FirstAsync(c => c.MinorCode != null);
            category.Deactivate();
            await db.SaveChangesAsync();
            category.ModifiedBy.ShouldBe("admin2");
            category.ModifiedAt.ShouldBe(TestClock.MondayMorning.AddHours(1));
            category.Version.ShouldBe(1);
        }

        await using var check = services.NewDb();
        var saved = await check.CalendarDays.SingleAsync();
        (saved.CreatedBy, saved.CreatedAt).ShouldBe(("admin", TestClock.MondayMorning));
        saved.ModifiedAt.ShouldBeNull();
    }
}
