using CityMgmt.Domain.Calendar;
using CityMgmt.Domain.Categories;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Tests.Infrastructure.Admin;

public class CategoryAdminServiceTests
{
    [Fact]
    public async Task UpdateRulesAsync_NewRules_SavedKeepingAccuracyAndAudited()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var admin = await services.StaffAsync("admin");
        var cover = await CategoryAsync(services, CategoryKind.Component, "0102");
        var hw = (await services.Get<BaseDataQueries>().OrgUnitsAsync()).Single(o => o.Code == "HW");
        var rules = new MinorClassRules("井盖缺失", "井盖复位", new TimeLimit(3, TimeLimitUnit.WorkingHours), hw.Id, cover.Accuracy);

        var result = await services.Get<CategoryAdminService>().UpdateRulesAsync(admin, cover.Id, rules);

        result.IsSuccess.ShouldBeTrue();
        var after = await CategoryAsync(services, CategoryKind.Component, "0102");
        after.DisposalLimit.ToString().ShouldBe("3 工作时");
        after.FilingCondition.ShouldBe("井盖缺失");
        after.ClosingCondition.ShouldBe("井盖复位");
        after.DefaultDepartmentId.ShouldBe(hw.Id);
        after.Accuracy.ShouldBe(PositionAccuracy.A);
        await using var db = services.NewDb();
        (await db.AdminAudit.SingleAsync(e => e.Action == "修改类别规则")).Target.ShouldContain("0102 污水井盖");
    }

    [Fact]
    public async Task UpdateRulesAsync_ZeroLimit_RefusedAndUnchanged()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var admin = await services.StaffAsync("admin");
        var cover = await CategoryAsync(services, CategoryKind.Component, "0102");

        var result = await services.Get<CategoryAdminService>().UpdateRulesAsync(admin, cover.Id,
            new MinorClassRules(null, null, new TimeLimit(0, TimeLimitUnit.WorkingHours)));

        result.Error.ShouldBe(CalendarErrors.LimitNotPositive);
        (await CategoryAsync(services, CategoryKind.Component, "0102")).DisposalLimit.ToString().ShouldBe("2 小时(紧急)");
    }

    [Fact]
    public async Task UpdateRulesAsync_NonAdmin_Refused()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var dispatcher = await services.StaffAsync("pqy");
        var cover = await CategoryAsync(services, CategoryKind.Component, "0102");

        var result = await services.Get<CategoryAdminService>().UpdateRulesAsync(dispatcher, cover.Id,
            new MinorClassRules(null, null, new TimeLimit(3, TimeLimitUnit.WorkingHours)));

        result.Error.ShouldBe(StaffContext.Forbidden);
    }

    [Fact]
    public async Task AddExtensionAsync_FreeCode_AddedAsExtension()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var admin = await services.StaffAsync("admin");
        var major = await CategoryAsync(services, CategoryKind.Component, "01");

        var result = await services.Get<CategoryAdminService>().AddExtensionAsync(admin, major.Id, "90", "智能井盖",
            new MinorClassRules(null, null, new TimeLimit(4, TimeLimitUnit.WorkingHours)));

        result.IsSuccess.ShouldBeTrue();
        var added = await CategoryAsync(services, CategoryKind.Component, "0190");
        added.Name.ShouldBe("智能井盖");
        added.IsExtension.ShouldBeTrue();
        added.ParentId.ShouldBe(major.Id);
        await using var db = services.NewDb();
        (await db.AdminAudit.SingleAsync(e => e.Action == "新增扩展类别")).Target.ShouldContain("0190 智能井盖");
    }

    [Fact]
    public async Task AddExtensionAsync_ExistingCode_Refused()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var admin = await services.StaffAsync("admin");
        var major = await CategoryAsync(services, CategoryKind.Component, "01");

        var result = await services.Get<CategoryAdminService>().AddExtensionAsync(admin, major.Id, "02", "又一个井盖",
            new MinorClassRules(null, null, new TimeLimit(4, TimeLimitUnit.WorkingHours)));

        result.Error.ShouldBe(CategoryErrors.Duplicate);
        result.Error.Message.ShouldBe("同一大类下已存在相同代码的小类");
    }

    [Fact]
    public async Task AddExtensionAsync_OneDigitCode_RefusedWithMessage()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var admin = await services.StaffAsync("admin");
        var major = await CategoryAsync(services, CategoryKind.Component, "01");

        var result = await services.Get<CategoryAdminService>().AddExtensionAsync(admin, major.Id, "9", "智能井盖",
            new MinorClassRules(null, null, new TimeLimit(4, TimeLimitUnit.WorkingHours)));

        result.Error.Message.ShouldBe("小类代码“9”必须是2位或3位数字且不能全为0");
    }

    private static async Task<Category> CategoryAsync(TestServices services, CategoryKind kind, string fullCode) =>
        (await services.Get<BaseDataQueries>().CategoriesAsync()).Single(c => c.Kind == kind && c.FullCode == fullCode);
}
