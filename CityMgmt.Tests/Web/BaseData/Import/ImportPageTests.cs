using Bunit;
using CityMgmt.Domain.Components;
using CityMgmt.Infrastructure.Geo.Import;
using CityMgmt.Infrastructure.Geo.Import.Census;
using CityMgmt.Tests.Support;
using CityMgmt.Web.Components.Pages.BaseData;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace CityMgmt.Tests.Web.BaseData.Import;

public sealed class ImportPageTests
{
    /// <summary>The page below the popover provider (its selects open there), with an optional Id parameter.</summary>
    private static RenderFragment Page<TPage>(Guid? id = null)
        where TPage : IComponent => builder =>
    {
        builder.OpenComponent<MudPopoverProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent<TPage>(1);
        if (id is { } value)
        {
            builder.AddAttribute(2, nameof(ComponentDetail.Id), value);
        }

        builder.CloseComponent();
    };

    [Fact]
    public void ImportPage_Authorize_AdminOnly()
    {
        var roles = typeof(ImportPage).GetCustomAttributes(typeof(AuthorizeAttribute), true).Cast<AuthorizeAttribute>().Single(a => a.Roles is not null).Roles;

        roles.ShouldBe("Admin");
    }

    [Fact]
    public async Task ImportPage_AsAdmin_ShowsSizeLimitFieldHelpAndExportLinks()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var ctx = await BunitHost.CreateAsync(services, "admin");

        var cut = ctx.Render(Page<ImportPage>());

        cut.WaitForAssertion(() => cut.Find("[data-testid=import-limit]").TextContent.ShouldContain("文件大小上限 200 MB"));
        cut.Find("[data-testid=import-limit]").TextContent.ShouldContain("不超过 1 GB");
        cut.Find("[data-testid=help-component]").TextContent.ShouldContain("DeptName1");
        cut.Find("[data-testid=help-component]").TextContent.ShouldContain("主管部门");
        cut.Find("[data-testid=help-grid]").TextContent.ShouldContain("网格编码");
        cut.Find("[data-testid=export-component-shapefile]").GetAttribute("href").ShouldBe("/api/basedata/export/component/shapefile");
        cut.Find("[data-testid=import-start]").HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public async Task ImportPage_BadGeoJsonUploaded_ShowsErrorTableWithRowsAndNothingWritten()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var db = services.NewDb();
        var before = await db.Components.CountAsync();
        await using var ctx = await BunitHost.CreateAsync(services, "admin");
        var cut = ctx.Render(Page<ImportPage>());
        cut.WaitForAssertion(() => cut.Find("[data-testid=import-limit]"));
        const string json = """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","geometry":{"type":"Point","coordinates":[104.0004,30.5004]},"properties":{"ObjID":"5199010102900001","DeptCode1":"SZ"}},
              {"type":"Feature","geometry":{"type":"Point","coordinates":[104.0004,30.5004]},"properties":{"ObjID":"51990101029","DeptCode1":"SZ"}}
            ]}
            """;

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(json, "bad.geojson"));
        cut.WaitForAssertion(() => cut.Find("[data-testid=import-file]").TextContent.ShouldStartWith("bad.geojson"));
        await cut.Find("[data-testid=import-start]").ClickAsync(new());

        cut.WaitForAssertion(() => cut.Find("[data-testid=import-summary]").TextContent.ShouldContain("发现 1 处错误，未导入任何数据"), TimeSpan.FromSeconds(20));
        cut.FindAll("[data-testid=error-row]").Select(e => e.TextContent).ShouldBe(["2"]);
        cut.Find("[data-testid=error-message]").TextContent.ShouldContain("必须是16位数字（实际11位");
        cut.Find("[data-testid=import-errors]").TextContent.ShouldContain("ObjID（部件标识码）");
        (await db.Components.CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task ImportPage_FileOverConfiguredLimit_RefusedWithoutStarting()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var ctx = await BunitHost.CreateAsync(services, "admin");
        var scope = services.Services.CreateScope().ServiceProvider;
        var small = ActivatorUtilities.CreateInstance<BaseDataImportService>(scope, Options.Create(new BaseDataImportOptions { MaxUploadBytes = 100 }));
        ctx.Services.AddScoped(_ => new ImportRunner(small));
        var cut = ctx.Render(Page<ImportPage>());
        cut.WaitForAssertion(() => cut.Find("[data-testid=import-limit]").TextContent.ShouldContain("文件大小上限 100 字节"));

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(new string('x', 500), "big.geojson"));

        cut.WaitForAssertion(() => cut.Find("[data-testid=import-file-error]").TextContent.ShouldBe("文件大小 500 字节 超过上限 100 字节，请拆分后分批导入"));
        cut.Find("[data-testid=import-file]").TextContent.ShouldBe("未选择文件");
        cut.Find("[data-testid=import-start]").HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public async Task ComponentDetail_AfterCensus_ShowsAttributesAndTimeline()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var db = services.NewDb();
        var component = await db.Components.AsNoTracking().OrderBy(c => c.Code).FirstAsync(c => c.State == ComponentState.Intact);
        var today = CityMgmt.Infrastructure.Cases.ChinaDay.Today(DateTimeOffset.UtcNow);
        (await services.Get<ComponentCensusService>().UpdateStateAsync(await services.StaffAsync("admin"),
            new CensusUpdate(component.Id, ComponentState.Lost, today, "井盖丢失", component.Version))).IsSuccess.ShouldBeTrue();
        await using var ctx = await BunitHost.CreateAsync(services, "admin");

        var cut = ctx.Render(Page<ComponentDetail>(component.Id));

        cut.WaitForAssertion(() => cut.Find("[data-testid=component-title]").TextContent.ShouldBe($"{component.Code} {component.Name}"));
        cut.Find("[data-testid=component-state]").TextContent.ShouldBe("丢失");
        var entry = cut.Find("[data-testid=change-entry]").TextContent;
        entry.ShouldContain("状态变更");
        entry.ShouldContain("完好 → 丢失");
        entry.ShouldContain("普查");
        entry.ShouldContain("井盖丢失");
        cut.FindAll("[data-testid=census-form]").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task ComponentDetail_AsLeader_NoCensusForm()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var db = services.NewDb();
        var id = await db.Components.OrderBy(c => c.Code).Select(c => c.Id).FirstAsync();
        await using var ctx = await BunitHost.CreateAsync(services, "ld");

        var cut = ctx.Render(Page<ComponentDetail>(id));

        cut.WaitForAssertion(() => cut.Find("[data-testid=component-attributes]"));
        cut.FindAll("[data-testid=census-form]").ShouldBeEmpty();
    }
}
