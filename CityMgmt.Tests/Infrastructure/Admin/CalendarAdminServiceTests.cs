using CityMgmt.Domain.Calendar;
using CityMgmt.Infrastructure.Calendar;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Tests.Infrastructure.Admin;

public class CalendarAdminServiceTests
{
    [Fact]
    public async Task AddAsync_NewHoliday_ListedAndAudited()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var admin = await services.StaffAsync("admin");
        var calendar = services.Get<CalendarAdminService>();

        var result = await calendar.AddAsync(admin, new DateOnly(2027, 1, 1), CalendarDayKind.Holiday, "元旦");

        result.IsSuccess.ShouldBeTrue();
        var day = (await calendar.ListAsync(2027)).ShouldHaveSingleItem();
        (day.Date, day.Kind, day.Name).ShouldBe((new DateOnly(2027, 1, 1), CalendarDayKind.Holiday, "元旦"));
        await using var db = services.NewDb();
        var entry = await db.AdminAudit.SingleAsync(e => e.Action == "新增工作日历");
        entry.Target.ShouldBe("2027-01-01");
        entry.Detail.ShouldBe("节假日：元旦");
    }

    [Fact]
    public async Task AddAsync_DateAlreadySet_RefusedNamingTheDate()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var admin = await services.StaffAsync("admin");
        var calendar = services.Get<CalendarAdminService>();

        var result = await calendar.AddAsync(admin, new DateOnly(2026, 10, 1), CalendarDayKind.Holiday, "国庆节");

        result.Error.Message.ShouldBe("2026-10-01 重复设置");
        (await calendar.ListAsync(2026)).Count(d => d.Date == new DateOnly(2026, 10, 1)).ShouldBe(1);
    }

    [Fact]
    public async Task AddAsync_MakeupOnWeekday_Refused()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var admin = await services.StaffAsync("admin");
        var calendar = services.Get<CalendarAdminService>();

        var result = await calendar.AddAsync(admin, new DateOnly(2027, 1, 6), CalendarDayKind.MakeupWorkday, "元旦调休");

        result.Error.Message.ShouldBe("2027-01-06 调休上班日必须是周六或周日");
        (await calendar.ListAsync(2027)).ShouldBeEmpty();
    }

    [Fact]
    public async Task AddAsync_NonAdmin_Refused()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var operatorStaff = await services.StaffAsync("sly");
        var calendar = services.Get<CalendarAdminService>();

        var result = await calendar.AddAsync(operatorStaff, new DateOnly(2027, 1, 1), CalendarDayKind.Holiday, "元旦");

        result.Error.ShouldBe(StaffContext.Forbidden);
        (await calendar.ListAsync(2027)).ShouldBeEmpty();
    }

    [Fact]
    public async Task RemoveAsync_SeededHoliday_GoneAndAudited()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var admin = await services.StaffAsync("admin");
        var calendar = services.Get<CalendarAdminService>();
        var nationalDay = (await calendar.ListAsync(2026)).Single(d => d.Date == new DateOnly(2026, 10, 7));

        var result = await calendar.RemoveAsync(admin, nationalDay.Id);

        result.IsSuccess.ShouldBeTrue();
        (await calendar.ListAsync(2026)).ShouldNotContain(d => d.Date == new DateOnly(2026, 10, 7));
        await using var db = services.NewDb();
        var entry = await db.AdminAudit.SingleAsync(e => e.Action == "删除工作日历");
        (entry.Target, entry.Detail).ShouldBe(("2026-10-07", "国庆节"));
    }

    [Fact]
    public async Task RemoveAsync_AlreadyRemoved_RefusedWithMessage()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var admin = await services.StaffAsync("admin");
        var calendar = services.Get<CalendarAdminService>();
        var day = (await calendar.ListAsync(2026)).First();
        await calendar.RemoveAsync(admin, day.Id);

        var again = await calendar.RemoveAsync(admin, day.Id);

        again.Error.Message.ShouldBe("该日期设置不存在或已被删除");
    }
}
