using CityMgmt.Domain.Divisions;
using CityMgmt.Domain.Organisation;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Tests.Infrastructure.Admin;

public class OrgAdminServiceTests
{
    [Fact]
    public async Task CreateAsync_NewDepartment_IsListedActive()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var admin = await services.StaffAsync("admin");

        var result = await services.Get<OrgAdminService>().CreateAsync(admin, new OrgUnitInput("JT", "县交通运输局", "交通局", OrgUnitKind.Department, null));

        result.IsSuccess.ShouldBeTrue();
        var unit = (await services.Get<BaseDataQueries>().OrgUnitsAsync()).Single(o => o.Code == "JT");
        unit.Name.ShouldBe("县交通运输局");
        unit.ShortName.ShouldBe("交通局");
        unit.Kind.ShouldBe(OrgUnitKind.Department);
        unit.IsActive.ShouldBeTrue();
    }

    [Fact]
    public async Task CreateAsync_NewUnit_WritesAuditRow()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var admin = await services.StaffAsync("admin");

        await services.Get<OrgAdminService>().CreateAsync(admin, new OrgUnitInput("JT", "县交通运输局", null, OrgUnitKind.Department, null));

        await using var db = services.NewDb();
        var entry = await db.AdminAudit.SingleAsync(e => e.Action == "新建机构");
        entry.Target.ShouldBe("JT 县交通运输局");
        entry.ActorId.ShouldBe(admin.UserId);
        entry.Detail!.ShouldContain("专业部门");
    }

    [Theory]
    [InlineData("HW")]
    [InlineData("hw")]
    public async Task CreateAsync_DuplicateCode_RefusedWithMessage(string code)
    {
        await using var services = await TestServices.FromTemplateAsync();
        var admin = await services.StaffAsync("admin");

        var result = await services.Get<OrgAdminService>().CreateAsync(admin, new OrgUnitInput(code, "另一个环卫所", null, OrgUnitKind.Department, null));

        result.IsFailure.ShouldBeTrue();
        result.Error.Message.ShouldBe($"机构编码“{code}”已存在");
        (await services.Get<BaseDataQueries>().OrgUnitsAsync()).ShouldNotContain(o => o.Name == "另一个环卫所");
    }

    [Fact]
    public async Task CreateAsync_NonAdmin_RefusedAndNothingWritten()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var leader = await services.StaffAsync("ld");

        var result = await services.Get<OrgAdminService>().CreateAsync(leader, new OrgUnitInput("JT", "县交通运输局", null, OrgUnitKind.Department, null));

        result.Error.ShouldBe(StaffContext.Forbidden);
        await using var db = services.NewDb();
        (await db.OrgUnits.AnyAsync(o => o.Code == "JT")).ShouldBeFalse();
        (await db.AdminAudit.AnyAsync()).ShouldBeFalse();
    }

    [Fact]
    public async Task CreateAsync_SubCentreWithoutArea_Refused()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var admin = await services.StaffAsync("admin");

        var result = await services.Get<OrgAdminService>().CreateAsync(admin, new OrgUnitInput("FZX999", "新分中心", null, OrgUnitKind.SubCentre, null));

        result.Error.ShouldBe(OrgErrors.SubCentreNeedsArea);
    }

    [Fact]
    public async Task CreateAsync_SubCentreOnCoveredStreet_RefusedNamingTheExistingOne()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var admin = await services.StaffAsync("admin");
        var existing = (await services.Get<BaseDataQueries>().OrgUnitsAsync()).First(o => o.Kind == OrgUnitKind.SubCentre);

        var result = await services.Get<OrgAdminService>().CreateAsync(admin, new OrgUnitInput("FZX999", "重复分中心", null, OrgUnitKind.SubCentre, existing.AreaDivisionId));

        result.IsFailure.ShouldBeTrue();
        result.Error.Message.ShouldContain(existing.Name);
    }

    [Fact]
    public async Task CreateAsync_SubCentreOnCommunity_Refused()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var admin = await services.StaffAsync("admin");
        var community = (await services.Get<BaseDataQueries>().DivisionsAsync()).First(d => d.Level == DivisionLevel.Community);

        var result = await services.Get<OrgAdminService>().CreateAsync(admin, new OrgUnitInput("FZX999", "社区分中心", null, OrgUnitKind.SubCentre, community.Id));

        result.Error.ShouldBe(OrgAdminService.AreaNotStreet);
    }

    [Fact]
    public async Task RenameAsync_NewName_SavedAndAudited()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var admin = await services.StaffAsync("admin");
        var unit = (await services.Get<BaseDataQueries>().OrgUnitsAsync()).Single(o => o.Code == "HW");

        var result = await services.Get<OrgAdminService>().RenameAsync(admin, unit.Id, "县环境卫生服务中心");

        result.IsSuccess.ShouldBeTrue();
        (await services.Get<BaseDataQueries>().OrgUnitsAsync()).Single(o => o.Code == "HW").Name.ShouldBe("县环境卫生服务中心");
        await using var db = services.NewDb();
        (await db.AdminAudit.SingleAsync(e => e.Action == "机构更名")).Detail.ShouldBe("县环境卫生管理所 → 县环境卫生服务中心");
    }

    [Fact]
    public async Task RenameAsync_EmptyName_Refused()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var admin = await services.StaffAsync("admin");
        var unit = (await services.Get<BaseDataQueries>().OrgUnitsAsync()).Single(o => o.Code == "HW");

        var result = await services.Get<OrgAdminService>().RenameAsync(admin, unit.Id, "  ");

        result.Error.ShouldBe(OrgErrors.InvalidName);
    }

    [Fact]
    public async Task DeactivateAsync_ActiveUnit_DeactivatedAndSecondTimeRefused()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var admin = await services.StaffAsync("admin");
        var orgAdmin = services.Get<OrgAdminService>();
        var unit = (await services.Get<BaseDataQueries>().OrgUnitsAsync()).Single(o => o.Code == "GD");

        (await orgAdmin.DeactivateAsync(admin, unit.Id)).IsSuccess.ShouldBeTrue();
        var again = await orgAdmin.DeactivateAsync(admin, unit.Id);

        again.Error.ShouldBe(OrgAdminService.AlreadyInactive);
        (await services.Get<BaseDataQueries>().OrgUnitsAsync()).Single(o => o.Code == "GD").IsActive.ShouldBeFalse();
        await using var db = services.NewDb();
        (await db.AdminAudit.CountAsync(e => e.Action == "停用机构")).ShouldBe(1);
    }

    [Fact]
    public async Task DeactivateAsync_NonAdmin_Refused()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var dispatcher = await services.StaffAsync("pqy");
        var unit = (await services.Get<BaseDataQueries>().OrgUnitsAsync()).Single(o => o.Code == "GD");

        var result = await services.Get<OrgAdminService>().DeactivateAsync(dispatcher, unit.Id);

        result.Error.ShouldBe(StaffContext.Forbidden);
        (await services.Get<BaseDataQueries>().OrgUnitsAsync()).Single(o => o.Code == "GD").IsActive.ShouldBeTrue();
    }
}
