using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Categories;
using CityMgmt.Domain.Geo;
using CityMgmt.Domain.Geocoding;
using CityMgmt.Infrastructure.Cases;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CityMgmt.Tests.E2E;

[Collection(AppCollection.Name)]
public class CaseLoopTests(AppServer app)
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    [Fact]
    public async Task OneCase_FromTheSupervisorsReportToClosing_ThroughEveryRoleWithReturnExtensionAndRework()
    {
        var (point, categoryId, hw, sz) = await PlaceAsync();
        var jdy = await LoginAsync("jdy", Gps(point));
        var caseId = await ReportAsync(jdy, categoryId, "人行道上堆放生活垃圾约2立方米");
        var pages = new Dictionary<string, IPage> { ["jdy"] = jdy };

        await ActAsync(pages, "sly", caseId, "Register", expect: CaseStatus.PendingFiling);
        await ActAsync(pages, "zbz", caseId, "File", expect: CaseStatus.PendingDispatch);
        await ActAsync(pages, "pqy", caseId, "Dispatch", department: hw, expect: CaseStatus.InDisposal);
        await ActAsync(pages, "hwcz", caseId, "SignFor", expect: CaseStatus.InDisposal);
        await ActAsync(pages, "hwcz", caseId, "RequestReturn", "路面井盖问题，不属于环卫职责");
        await pages["hwcz"].WaitForSelectorAsync("[data-testid=case-refused]:has-text('该案件已不在您的办理范围内')");
        await ActAsync(pages, "pqy", caseId, "Dispatch", department: sz, expect: CaseStatus.InDisposal);
        await ActAsync(pages, "czry", caseId, "SignFor", expect: CaseStatus.InDisposal);
        await ActAsync(pages, "czry", caseId, "RequestExtension", "需要调运车辆，申请延期两天", CaseStatus.InDisposal);
        await ActAsync(pages, "pqy", caseId, "ApproveExtension", "同意", CaseStatus.InDisposal);
        await ActAsync(pages, "czry", caseId, "ReportDisposal", "已清运", CaseStatus.PendingCheck);
        await ActAsync(pages, "jdy", caseId, "CheckFail", "仍有少量垃圾", CaseStatus.InDisposal);
        await ActAsync(pages, "czry", caseId, "ReportDisposal", "已彻底清理", CaseStatus.PendingCheck);
        await ActAsync(pages, "jdy", caseId, "CheckPass", expect: CaseStatus.PendingClose);
        await ActAsync(pages, "zbz", caseId, "Close", expect: CaseStatus.Closed);

        var page = pages["zbz"];
        var actions = await page.Locator("[data-testid=timeline-action]").AllInnerTextsAsync();
        actions.ShouldBe(
        [
            "上报", "受理", "立案", "派遣", "签收", "回退", "派遣", "签收", "申请延期", "延期",
            "处置反馈", "核查不通过(返工)", "处置反馈", "核查通过", "结案", "反馈上报人",
        ]);
        var sequences = await page.Locator("[data-testid=timeline-entry]").EvaluateAllAsync<int[]>("els => els.map(e => +e.dataset.sequence)");
        sequences.ShouldBe(Enumerable.Range(1, actions.Count).ToArray());
        (await page.InnerTextAsync("[data-testid=case-timeline]")).ShouldContain("路面井盖问题，不属于环卫职责");
        (await page.Locator("[data-testid=case-actions]").CountAsync()).ShouldBe(0);
        foreach (var open in pages.Values)
        {
            await open.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task SelfHandledReport_IsClosedByTheShiftLeadersReviewWithoutFilingOrDispatch()
    {
        var (point, categoryId, _, _) = await PlaceAsync();
        var jdy = await LoginAsync("jdy", Gps(point));
        var caseId = await ReportAsync(jdy, categoryId, "路边少量散落垃圾，已现场捡拾清理", photo: true, selfHandled: true);
        var pages = new Dictionary<string, IPage> { ["jdy"] = jdy };

        await ActAsync(pages, "sly", caseId, "Register", expect: CaseStatus.PendingFiling);
        var zbz = pages["zbz"] = await LoginAsync("zbz");
        await zbz.GotoAsync($"/cases/{caseId}");
        await AppServer.WaitForCircuitAsync(zbz);
        await zbz.WaitForSelectorAsync("[data-testid=action-SelfHandledToFiling]");
        (await zbz.Locator("[data-testid=action-File]").CountAsync()).ShouldBe(0);
        await ActAsync(pages, "zbz", caseId, "Close", "现场已处置到位", CaseStatus.Closed);

        var actions = await zbz.Locator("[data-testid=timeline-action]").AllInnerTextsAsync();
        actions[0].ShouldBe("上报");
        actions[^1].ShouldBe("结案");
        actions.ShouldNotContain("立案");
        actions.ShouldNotContain("派遣");
        foreach (var open in pages.Values)
        {
            await open.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task DepartmentUser_TypingAnotherDepartmentsCaseUrl_IsRefusedAndCannotFetchItsPhotos()
    {
        var (caseId, photoId) = await DispatchedWithPhotoAsync("SZ");
        var hwcz = await LoginAsync("hwcz");

        await hwcz.GotoAsync($"/cases/{caseId}");
        await AppServer.WaitForCircuitAsync(hwcz);

        (await hwcz.InnerTextAsync("[data-testid=case-refused]")).ShouldBe("案件不存在或无权查看");
        (await hwcz.Locator("[data-testid=case-description]").CountAsync()).ShouldBe(0);
        (await hwcz.Locator("[data-testid=case-actions]").CountAsync()).ShouldBe(0);
        (await hwcz.APIRequest.GetAsync($"/api/cases/{caseId}/attachments/{photoId}")).Status.ShouldBe(404);

        var czry = await LoginAsync("czry");
        var own = await czry.APIRequest.GetAsync($"/api/cases/{caseId}/attachments/{photoId}");
        (own.Status, own.Headers["content-type"]).ShouldBe((200, "image/png"));
        await hwcz.Context.CloseAsync();
        await czry.Context.CloseAsync();
    }

    [Fact]
    public async Task PhoneSizedScreen_ReportsAProblemWithAPhoto()
    {
        var (point, categoryId, _, _) = await PlaceAsync();
        var options = Gps(point);
        options.ViewportSize = new ViewportSize { Width = 390, Height = 844 };
        options.IsMobile = true;
        options.HasTouch = true;
        var page = await LoginAsync("jdy", options);

        var caseId = await ReportAsync(page, categoryId, "井盖旁垃圾堆放", photo: true);

        var photo = page.Locator("[data-testid=case-photo]");
        await photo.First.WaitForAsync();
        (await photo.CountAsync()).ShouldBe(1);
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=case-photo]').naturalWidth > 0");
        await using var scope = app.Services.CreateAsyncScope();
        var saved = await scope.ServiceProvider.GetRequiredService<CityDbContext>().Cases.Include(c => c.Attachments).SingleAsync(c => c.Id == caseId);
        (saved.Source, saved.Attachments.Single().ContentType, saved.GridId is not null).ShouldBe((CaseSource.SupervisorReport, "image/png", true));
        await page.Context.CloseAsync();
    }

    private static BrowserNewContextOptions Gps(GeoPoint point) => new()
    {
        Geolocation = new Geolocation { Longitude = (float)point.Longitude, Latitude = (float)point.Latitude, Accuracy = 5 },
        Permissions = ["geolocation"],
    };

    private async Task<IPage> LoginAsync(string user, BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.BaseURL = app.BaseUrl;
        options.Locale = "zh-CN";
        var context = await app.Browser.NewContextAsync(options);
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", AppServer.Password);
        await page.ClickAsync("#login-submit");
        // On a phone-sized screen the menu drawer is closed: the menu exists but is not visible.
        await page.WaitForSelectorAsync("[data-testid=nav-menu]", new() { State = WaitForSelectorState.Attached });
        await AppServer.WaitForCircuitAsync(page);
        return page;
    }

    /// <summary>Fills 问题上报 with the device position and submits; returns the new case's id from the page it lands on.</summary>
    private static async Task<Guid> ReportAsync(IPage page, Guid categoryId, string description, bool photo = false, bool selfHandled = false)
    {
        await page.GotoAsync("/report");
        await AppServer.WaitForCircuitAsync(page);
        await page.FillAsync("[data-testid=report-category-filter]", "垃圾");
        await page.SelectOptionAsync("[data-testid=report-category]", categoryId.ToString());
        await page.ClickAsync("[data-testid=report-gps]");
        await page.WaitForSelectorAsync("[data-testid=report-location]");
        await page.FillAsync("[data-testid=report-description]", description);
        if (photo)
        {
            await page.SetInputFilesAsync("[data-testid=report-photos]", new FilePayload { Name = "现场.png", MimeType = "image/png", Buffer = Png });
            await page.WaitForSelectorAsync("[data-testid=report-photo]");
        }

        if (selfHandled)
        {
            await page.CheckAsync("[data-testid=report-self-handled]");
        }

        await page.ClickAsync("[data-testid=report-submit]");
        await page.WaitForURLAsync("**/cases/*");
        await page.WaitForSelectorAsync("[data-testid=case-status]");
        return Guid.Parse(new Uri(page.Url).Segments[^1]);
    }

    private async Task ActAsync(Dictionary<string, IPage> pages, string user, Guid caseId, string action, string? comment = null, CaseStatus? expect = null, Guid? department = null)
    {
        if (!pages.TryGetValue(user, out var page))
        {
            pages[user] = page = await LoginAsync(user);
        }

        await page.GotoAsync($"/cases/{caseId}");
        await AppServer.WaitForCircuitAsync(page);
        var before = await page.Locator("[data-testid=timeline-entry]").CountAsync();
        await page.ClickAsync($"[data-testid=action-{action}]");
        await page.WaitForSelectorAsync("[data-testid=action-form]");
        if (department is { } unit)
        {
            await page.SelectOptionAsync("[data-testid=action-department]", unit.ToString());
        }

        if (comment is not null)
        {
            await page.FillAsync("[data-testid=action-comment]", comment);
        }

        await page.ClickAsync("[data-testid=action-confirm]");
        try
        {
            // Done: a new timeline line, or (when the case leaves the user's scope, e.g. after 回退) the success message.
            await page.WaitForFunctionAsync(
                $"() => document.querySelectorAll('[data-testid=timeline-entry]').length > {before} || [...document.querySelectorAll('.mud-snackbar')].some(s => s.innerText.includes('已办理'))");
        }
        catch (TimeoutException)
        {
            var snack = await page.Locator(".mud-snackbar").AllInnerTextsAsync();
            throw new ShouldAssertException($"{user} {action} did not take effect: {string.Join(" | ", snack)}");
        }

        if (expect is { } status)
        {
            (await page.GetAttributeAsync("[data-testid=case-status]", "data-status")).ShouldBe(status.ToString());
        }
    }

    /// <summary>A point inside a 城关街道 unit grid (the grid's responsible supervisor is jdy), the 暴露垃圾 class, HW and SZ.</summary>
    private async Task<(GeoPoint Point, Guid Category, Guid Hw, Guid Sz)> PlaceAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CityDbContext>();
        var geocoder = scope.ServiceProvider.GetRequiredService<IGeocoder>();
        var grids = await (from g in db.Grids.AsNoTracking()
                           join s in db.Divisions on g.StreetId equals s.Id
                           where s.Name == "城关街道"
                           orderby g.Code
                           select new { g.Id, g.MinX, g.MinY, g.MaxX, g.MaxY }).Take(20).ToListAsync();
        GeoPoint? inside = null;
        foreach (var grid in grids)
        {
            var point = new GeoPoint((grid.MinX + grid.MaxX) / 2, (grid.MinY + grid.MaxY) / 2);
            if ((await geocoder.LocateAsync(point)).GridId == grid.Id)
            {
                inside = point;
                break;
            }
        }

        var category = await db.Categories.Where(c => c.Kind == CategoryKind.Event && c.MajorCode == "01" && c.MinorCode == "02").Select(c => c.Id).SingleAsync();
        var hw = await db.OrgUnits.Where(o => o.Code == "HW").Select(o => o.Id).SingleAsync();
        var sz = await db.OrgUnits.Where(o => o.Code == "SZ").Select(o => o.Id).SingleAsync();
        return (inside.ShouldNotBeNull(), category, hw, sz);
    }

    private async Task<(Guid CaseId, Guid PhotoId)> DispatchedWithPhotoAsync(string department)
    {
        var (point, categoryId, _, _) = await PlaceAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<CityDbContext>();
        async Task<StaffContext> Staff(string user) =>
            (await sp.GetRequiredService<UserDirectory>().LoadAsync(await db.Users.Where(u => u.UserName == user).Select(u => u.Id).SingleAsync()))!;
        var location = await sp.GetRequiredService<IGeocoder>().LocateAsync(point);
        var stored = await sp.GetRequiredService<AttachmentStore>().SaveAsync(new MemoryStream(Png), "现场.png");
        var report = new NewCaseReport(CaseSource.SupervisorReport, categoryId, point, "城关街道测试地址", "路灯井盖缺失",
            new CaseLocation(location.GridId, location.GridCode, location.CommunityId, location.StreetId));
        var number = await sp.GetRequiredService<CaseReportingService>().ReportAsync(await Staff("jdy"), report, [stored.Value]);
        var item = await db.Cases.AsNoTracking().Include(c => c.Attachments).SingleAsync(c => c.Number == number.Value);
        var actions = sp.GetRequiredService<CaseActionService>();
        (await actions.RunAsync(await Staff("sly"), item.Id, CaseActionKind.Register, CaseActionInput.Empty)).IsSuccess.ShouldBeTrue();
        (await actions.RunAsync(await Staff("zbz"), item.Id, CaseActionKind.File, CaseActionInput.Empty)).IsSuccess.ShouldBeTrue();
        var unit = await db.OrgUnits.Where(o => o.Code == department).Select(o => o.Id).SingleAsync();
        (await actions.RunAsync(await Staff("pqy"), item.Id, CaseActionKind.Dispatch, new CaseActionInput(DepartmentId: unit))).IsSuccess.ShouldBeTrue();
        return (item.Id, item.Attachments.Single().Id);
    }
}
