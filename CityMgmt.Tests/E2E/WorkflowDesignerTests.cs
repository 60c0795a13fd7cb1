using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Categories;
using CityMgmt.Domain.Common;
using CityMgmt.Domain.Geo;
using CityMgmt.Domain.Workflows.Definitions;
using CityMgmt.Domain.Workflows.Runtime;
using CityMgmt.Infrastructure.Cases;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Infrastructure.Persistence;
using CityMgmt.Infrastructure.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CityMgmt.Tests.E2E;

/// <summary>Has its own app: publishing a new standard-flow version must not change the route of other E2E tests' cases.</summary>
[CollectionDefinition(Name)]
public class DesignerCollection : ICollectionFixture<AppServer>
{
    public const string Name = "designer";
}

[Collection(DesignerCollection.Name)]
public class WorkflowDesignerTests(AppServer app)
{
    private const string Canvas = "[data-testid=workflow-canvas]";

    [Fact]
    public async Task Admin_InsertsSubCentreReviewForStreetOrder_NewCaseWaitsThere_EarlierCaseStaysOnVersionOne()
    {
        var earlier = await ReportStreetOrderCaseAsync();
        var page = await app.LoginAsync("admin");
        try
        {
            await page.GotoAsync("/admin/workflows");
            await AppServer.WaitForCircuitAsync(page);
            await page.ClickAsync("[data-testid=workflow-versions] [data-testid=open-version]");
            await page.WaitForSelectorAsync($"{Canvas} [data-element-id=Task_File]");
            await page.ClickAsync("[data-testid=new-draft]");
            await page.WaitForSelectorAsync("[data-testid=definition-status]:has-text('第2版')");
            await page.WaitForSelectorAsync($"{Canvas} [data-element-id=Task_Dispatch]");
            await page.SetViewportSizeAsync(1600, 1000);
            await ZoomToAsync(page, "Flow_Filed", 1.2);
            var before = await ElementIdsAsync(page);

            // Drop an exclusive gateway from the palette onto the flow 立案 → 派遣: bpmn-js splits the flow.
            // The flow's label lies on the flow: drag it out of the way first, as one does in the modeler.
            var (labelX, labelY) = await PositionAsync(page, "Flow_Filed_label");
            await page.Mouse.MoveAsync(labelX, labelY);
            await page.Mouse.DownAsync();
            await page.Mouse.MoveAsync(labelX, labelY - 20, new() { Steps = 4 });
            await page.Mouse.MoveAsync(labelX - 20, labelY - 50, new() { Steps = 4 });
            await page.Mouse.UpAsync();
            var (flowX, flowY) = await PositionAsync(page, "Flow_Filed");
            await DragAsync(page, ".djs-palette [data-action='create.exclusive-gateway']", flowX, flowY);
            var gateway = (await ElementIdsAsync(page)).Except(before).Single(id => id.StartsWith("Gateway_", StringComparison.Ordinal));

            // A task from the palette into the free space above 派遣, made a user task, connected gateway → task → 派遣.
            var (gatewayX, gatewayY) = await PositionAsync(page, gateway);
            await DragAsync(page, ".djs-palette [data-action='create.task']", gatewayX + 80, gatewayY - 170);
            var task = (await ElementIdsAsync(page)).Except(before).Single(id => id.StartsWith("Activity_", StringComparison.Ordinal));
            await ClickAtAsync(page, task);
            await page.ClickAsync(".djs-context-pad [data-action='replace']");
            await page.ClickAsync(".djs-popup [data-id='replace-with-user-task']");
            var review = await page.EvaluateAsync<string>($"() => window.cityMgmtDesigner(document.querySelector('{Canvas}').id).get('elementRegistry').filter(e => e.type === 'bpmn:UserTask' && !e.businessObject.name)[0].id");
            await ClickAtAsync(page, gateway);
            var (reviewX, reviewY) = await PositionAsync(page, review);
            await DragAsync(page, ".djs-context-pad [data-action='connect']", reviewX, reviewY);
            await ClickAtAsync(page, review, 40, -25);
            var (dispatchX, dispatchY) = await PositionAsync(page, "Task_Dispatch");
            await DragAsync(page, ".djs-context-pad [data-action='connect']", dispatchX, dispatchY);

            // The side panel: the review task's name, role, assignment, stage, time limit and outcomes.
            await ClickAtAsync(page, review, 40, -25);
            await page.WaitForSelectorAsync($"[data-testid=properties-panel]:has-text('{review}')");
            await FillAsync(page, "[data-testid=prop-name]", "分中心审核");
            await ChooseAsync(page, "[data-testid=prop-role]", "值班长");
            await ChooseAsync(page, "[data-testid=prop-assignment]", "分中心值班长");
            await ChooseAsync(page, "[data-testid=prop-stage]", "立案");
            await ChooseAsync(page, "[data-testid=prop-limit-mode]", "指定时限");
            await FillAsync(page, "[data-testid=prop-limit-value]", "2");
            await FillAsync(page, "[data-testid=prop-outcomes]", "同意");

            // The gateway's two flows: 街面秩序 to the review, the other classes by the default flow.
            await ClickAtAsync(page, gateway);
            await FillAsync(page, "[data-testid=prop-name]", "是否街面秩序");
            var (toReview, toDispatch) = await GatewayFlowsAsync(page, gateway, review);
            await ClickAtAsync(page, toReview);
            await page.WaitForSelectorAsync($"[data-testid=properties-panel]:has-text('{toReview}')");
            await FillAsync(page, "[data-testid=prop-condition]", "categoryMajor == '05");
            await page.WaitForSelectorAsync("[data-testid=properties-panel] .mud-input-error");
            (await page.InnerTextAsync("[data-testid=properties-panel]")).ShouldContain("语法错误");
            await FillAsync(page, "[data-testid=prop-condition]", "categoryMajor == '05'");
            await ClickAtAsync(page, toDispatch);
            await page.WaitForSelectorAsync($"[data-testid=properties-panel]:has-text('{toDispatch}')");
            await page.Locator("[data-testid=prop-default]").CheckAsync(new() { Force = true });

            await page.ClickAsync("[data-testid=save-draft]");
            await page.WaitForSelectorAsync(".mud-snackbar:has-text('草稿已保存')");
            await page.ClickAsync("[data-testid=validate]");
            await page.WaitForSelectorAsync(".mud-snackbar:has-text('校验通过')");
            await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "citymgmt-designer-e2e.png"), FullPage = true });
            await page.ClickAsync("[data-testid=publish]");
            await page.WaitForSelectorAsync("[data-testid=definition-status]:has-text('已发布')");
        }
        catch
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "citymgmt-designer-e2e-failed.png"), FullPage = true });
            throw;
        }

        var published = await DefinitionAsync(2);
        published.Status.ShouldBe(WorkflowDefinitionStatus.Published);
        published.BpmnXml.ShouldContain("cm:limit=\"2 WorkingHours\"");
        published.BpmnXml.ShouldContain("分中心审核");

        var later = await ReportStreetOrderCaseAsync();
        foreach (var item in new[] { earlier, later })
        {
            await CompleteAsync("sly", item, "受理");
            await CompleteAsync("zbz", item, "立案");
        }

        (await InstanceDefinitionAsync(earlier)).ShouldBe((await DefinitionAsync(1)).Id);
        (await InstanceDefinitionAsync(later)).ShouldBe(published.Id);
        (await OpenTaskAsync(earlier)).Name.ShouldBe("派遣");
        var waiting = await OpenTaskAsync(later);
        waiting.Name.ShouldBe("分中心审核");
        waiting.DueAt.ShouldNotBeNull();

        // The 青龙镇 sub-centre's shift leader finds it in the inbox.
        var leader = await app.LoginAsync("qlzbz");
        await leader.GotoAsync("/tasks");
        await AppServer.WaitForCircuitAsync(leader);
        await leader.WaitForSelectorAsync($"text={later.Number}");
        (await leader.InnerTextAsync(".mud-main-content")).ShouldContain("分中心审核");

        // A task the designer added is completed right in the inbox with its own outcome; the case moves on to 派遣.
        await leader.ClickAsync("[data-testid='outcome-同意']");
        await leader.FillAsync("textarea[data-testid=task-comment], input[data-testid=task-comment]", "同意派遣");
        await leader.ClickAsync("[data-testid=confirm-outcome]");
        await leader.WaitForSelectorAsync($"text={later.Number}", new() { State = WaitForSelectorState.Detached });
        (await OpenTaskAsync(later)).Name.ShouldBe("派遣");
        await leader.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    /// <summary>Zooms the canvas around an element, as an administrator does with the mouse wheel.</summary>
    private static async Task ZoomToAsync(IPage page, string elementId, double scale) =>
        await page.EvaluateAsync(
            $$"""
            ([id, scale]) => {
              const modeler = window.cityMgmtDesigner(document.querySelector('{{Canvas}}').id);
              const element = modeler.get('elementRegistry').get(id);
              const at = element.waypoints ? element.waypoints[0] : { x: element.x, y: element.y };
              const canvas = modeler.get('canvas');
              const rect = canvas.getContainer().getBoundingClientRect();
              canvas.viewbox({ x: at.x - rect.width / scale / 3, y: at.y - rect.height / scale / 2, width: rect.width / scale, height: rect.height / scale });
            }
            """,
            new object[] { elementId, scale });

    private static async Task<string[]> ElementIdsAsync(IPage page) =>
        await page.EvaluateAsync<string[]>($"() => window.cityMgmtDesigner(document.querySelector('{Canvas}').id).get('elementRegistry').getAll().map(e => e.id)");

    /// <summary>The flows leaving <paramref name="gateway"/>: the one to the review task and the other.</summary>
    private static async Task<(string ToReview, string Other)> GatewayFlowsAsync(IPage page, string gateway, string review)
    {
        var flows = await page.EvaluateAsync<string[][]>(
            $"(g) => window.cityMgmtDesigner(document.querySelector('{Canvas}').id).get('elementRegistry').get(g).outgoing.map(f => [f.id, f.target.id])", gateway);
        return (flows.Single(f => f[1] == review)[0], flows.Single(f => f[1] != review)[0]);
    }

    /// <summary>Screen position of an element's centre (a flow: the middle of its longest segment).</summary>
    private static async Task<(float X, float Y)> PositionAsync(IPage page, string elementId, double along = 0.5)
    {
        var at = await page.EvaluateAsync<double[]>(
            $$"""
            ([id, along]) => {
              const modeler = window.cityMgmtDesigner(document.querySelector('{{Canvas}}').id);
              const canvas = modeler.get('canvas');
              const element = modeler.get('elementRegistry').get(id);
              let x, y;
              if (element.waypoints) {
                let best = 0;
                for (let i = 1; i < element.waypoints.length; i++) {
                  const a = element.waypoints[i - 1], b = element.waypoints[i];
                  const length = Math.hypot(b.x - a.x, b.y - a.y);
                  if (length > best) { best = length; x = a.x + (b.x - a.x) * along; y = a.y + (b.y - a.y) * along; }
                }
              } else {
                x = element.x + element.width / 2;
                y = element.y + element.height / 2;
              }
              const box = canvas.viewbox();
              const rect = canvas.getContainer().getBoundingClientRect();
              return [rect.left + (x - box.x) * box.scale, rect.top + (y - box.y) * box.scale];
            }
            """, new object[] { elementId, along });
        return ((float)at[0], (float)at[1]);
    }

    /// <summary>Drags a palette or context pad entry onto a screen position.</summary>
    private static async Task DragAsync(IPage page, string entry, float x, float y)
    {
        var box = (await page.Locator(entry).BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(x - 30, y + 20, new() { Steps = 8 });
        await page.Mouse.MoveAsync(x, y, new() { Steps = 8 });
        await page.Mouse.UpAsync();

    }

    /// <summary>
    /// Clicks an element until the modeler has selected it: diagram-js swallows the first click after a drag (in a real
    /// browser the drag's own trailing click is that one), so a user sometimes clicks twice.
    /// </summary>
    private static async Task ClickAtAsync(IPage page, string elementId, float dx = 0, float dy = 0)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var (x, y) = await PositionAsync(page, elementId);
            await page.Mouse.ClickAsync(x + dx, y + dy);
            var selected = await page.EvaluateAsync<string[]>($"() => window.cityMgmtDesigner(document.querySelector('{Canvas}').id).get('selection').get().map(e => e.id)");
            if (selected.Contains(elementId))
            {
                return;
            }
        }

        throw new InvalidOperationException($"{elementId} could not be selected");
    }

    private static async Task FillAsync(IPage page, string selector, string value)
    {
        await page.FillAsync(selector, value);
        await page.Locator(selector).BlurAsync();
        await Task.Delay(150);
    }

    private static async Task ChooseAsync(IPage page, string select, string item)
    {
        await page.ClickAsync(select);
        await page.Locator(".mud-popover-open .mud-list-item").GetByText(item, new() { Exact = true }).ClickAsync();
        await page.WaitForSelectorAsync(".mud-popover-open .mud-list-item", new() { State = WaitForSelectorState.Detached });
    }

    private async Task<CityCase> ReportStreetOrderCaseAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CityDbContext>();
        var category = await db.Categories.FirstAsync(c => c.Kind == CategoryKind.Event && c.MajorCode == "05" && c.MinorCode == "01");
        var grid = await (from g in db.Grids
                          join s in db.Divisions on g.StreetId equals s.Id
                          where s.Name == "青龙镇"
                          orderby g.Code
                          select g).FirstAsync();
        var report = new NewCaseReport(CaseSource.SupervisorReport, category.Id, new GeoPoint(104.01, 30.51), "青龙镇街面", "流动摊贩占道经营",
            new CaseLocation(grid.Id, grid.Code.Value, grid.CommunityId, grid.StreetId));
        var number = await scope.ServiceProvider.GetRequiredService<CaseReportingService>().ReportAsync(await StaffAsync(scope, "jdy"), report);
        number.IsSuccess.ShouldBeTrue(number.IsFailure ? number.Error.Message : null);
        return await db.Cases.AsNoTracking().SingleAsync(c => c.Number == number.Value);
    }

    private async Task CompleteAsync(string user, CityCase item, string outcome)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var staff = await StaffAsync(scope, user);
        var inbox = scope.ServiceProvider.GetRequiredService<TaskInbox>();
        var task = (await inbox.ForCaseAsync(staff, item.Id)).ShouldHaveSingleItem();
        Result done = await inbox.CompleteAsync(staff, task.Id, outcome, TaskForm.Empty);
        done.IsSuccess.ShouldBeTrue(done.IsFailure ? done.Error.Message : null);
    }

    private static async Task<StaffContext> StaffAsync(AsyncServiceScope scope, string userName)
    {
        var db = scope.ServiceProvider.GetRequiredService<CityDbContext>();
        var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return (await scope.ServiceProvider.GetRequiredService<UserDirectory>().LoadAsync(id))!;
    }

    private async Task<WorkflowDefinition> DefinitionAsync(int version)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CityDbContext>().WorkflowDefinitions.AsNoTracking()
            .SingleAsync(d => d.Key == WorkflowCatalog.StandardKey && d.VersionNumber == version);
    }

    private async Task<Guid> InstanceDefinitionAsync(CityCase item)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CityDbContext>().WorkflowInstances.Where(i => i.CaseId == item.Id).Select(i => i.DefinitionId).SingleAsync();
    }

    private async Task<WorkflowTask> OpenTaskAsync(CityCase item)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CityDbContext>().WorkflowTasks.AsNoTracking()
            .SingleAsync(t => t.CaseId == item.Id && t.Status == WorkflowTaskStatus.Open);
    }
}
