using CityMgmt.Domain.Components;
using CityMgmt.Infrastructure.Geo.Import.Census;
using CityMgmt.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Tests.Infrastructure.Geo.Import;

public sealed class CensusTests
{
    private static async Task<CityComponent> IntactAsync(TestServices services)
    {
        await using var db = services.NewDb();
        return await db.Components.AsNoTracking().OrderBy(c => c.Code).FirstAsync(c => c.State == ComponentState.Intact);
    }

    [Fact]
    public async Task UpdateStateAsync_FieldCheckFindsDamage_ChangesStateChDateAndWritesHistoryAndAudit()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var component = await IntactAsync(services);
        var census = services.Get<ComponentCensusService>();
        var admin = await services.StaffAsync("admin");
        var day = new DateOnly(2026, 3, 1);

        var result = await census.UpdateStateAsync(admin, new CensusUpdate(component.Id, ComponentState.Damaged, day, "井盖边缘破裂", component.Version));

        result.IsSuccess.ShouldBeTrue(result.IsFailure ? result.Error.Message : null);
        var detail = (await census.DetailAsync(component.Id))!;
        (detail.State, detail.ChangeDate).ShouldBe((ComponentState.Damaged, day));
        var latest = (await census.HistoryAsync(component.Id))[0];
        (latest.Kind, latest.Source, latest.OldValue, latest.NewValue, latest.Note, latest.ChangeDate, latest.ActorName)
            .ShouldBe((ComponentChangeKind.StateChanged, ComponentChangeSource.Census, "完好", "破损", "井盖边缘破裂", day, "系统管理员"));
        await using var db = services.NewDb();
        (await db.AdminAudit.AnyAsync(a => a.Action == "部件普查" && a.Target == component.Code.Value)).ShouldBeTrue();
    }

    [Fact]
    public async Task UpdateStateAsync_SameState_RefusedWithoutHistory()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var component = await IntactAsync(services);
        var census = services.Get<ComponentCensusService>();

        var result = await census.UpdateStateAsync(await services.StaffAsync("admin"),
            new CensusUpdate(component.Id, ComponentState.Intact, new DateOnly(2026, 3, 1), null, component.Version));

        result.Error.ShouldBe(CensusErrors.Unchanged);
        (await census.HistoryAsync(component.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task UpdateStateAsync_FutureDateStaleVersionOrOperator_Refused()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var component = await IntactAsync(services);
        var census = services.Get<ComponentCensusService>();
        var admin = await services.StaffAsync("admin");

        (await census.UpdateStateAsync(admin, new CensusUpdate(component.Id, ComponentState.Lost, new DateOnly(2026, 3, 3), null, component.Version)))
            .Error.Message.ShouldBe("普查日期 2026-03-03 晚于今天");
        (await census.UpdateStateAsync(admin, new CensusUpdate(component.Id, ComponentState.Lost, new DateOnly(2026, 3, 1), null, component.Version + 1)))
            .Error.ShouldBe(CensusErrors.Conflict);
        (await census.UpdateStateAsync(await services.StaffAsync("sly"), new CensusUpdate(component.Id, ComponentState.Lost, new DateOnly(2026, 3, 1), null, component.Version)))
            .Error.Message.ShouldBe("您没有执行此操作的权限");
        (await census.DetailAsync(component.Id))!.State.ShouldBe(ComponentState.Intact);
    }

    [Fact]
    public async Task FindByCodeAsync_KnownAndUnknownCodes_IdOrNull()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var component = await IntactAsync(services);
        var census = services.Get<ComponentCensusService>();

        (await census.FindByCodeAsync(component.Code.Value)).ShouldBe(component.Id);
        (await census.FindByCodeAsync("5199010102999999")).ShouldBeNull();
        (await census.FindByCodeAsync("abc")).ShouldBeNull();
    }
}
