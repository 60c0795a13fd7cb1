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

/// <summary>城管通 on a phone-sized screen: 我的任务 with distances, and 问题上报 kept offline and sent once.</summary>
[Collection(AppCollection.Name)]
public class FieldTests(AppServer app)
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    [Fact]
    public async Task PhoneSupervisor_SeesHisVerifyTaskWithADistance_AndAnswersItWithAPhoto()
    {
        var (point, categoryId) = await PlaceAsync();
        var caseId = await HotlineAwaitingVerificationAsync(point, categoryId);
        var (lon, lat) = GeoMetrics.Offset(point.Longitude, point.Latitude, 150, 200);
        var page = await PhoneAsync(new GeoPoint(lon, lat));

        await page.GotoAsync("/field/tasks");
        await AppServer.WaitForCircuitAsync(page);
        var task = page.Locator($"[data-testid=field-task][data-case='{caseId}']");
        await task.WaitForAsync();
        (await task.Locator("[data-testid=field-task-distance]").InnerTextAsync()).ShouldBe("250米");
        (await task.Locator("[data-testid=field-task-stage]").InnerTextAsync()).ShouldBe("核实");
        (await task.Locator("[data-testid=deadline-light]").CountAsync()).ShouldBe(1);

        await task.ClickAsync();
        await page.ClickAsync("[data-testid=field-answer-yes]");
        await page.FillAsync("[data-testid=field-comment]", "现场确有垃圾堆放");
        await page.SetInputFilesAsync("[data-testid=field-photos]", new FilePayload { Name = "核实.png", MimeType = "image/png", Buffer = Png });
        await page.WaitForSelectorAsync("[data-testid=field-photos-chip]");
        await page.ClickAsync("[data-testid=field-submit]");
        await page.WaitForURLAsync("**/field/tasks");
        await page.WaitForSelectorAsync(".mud-snackbar:has-text('已提交：核实属实')");
        await page.WaitForSelectorAsync($"[data-testid=field-task][data-case='{caseId}']", new() { State = WaitForSelectorState.Detached });

        await using var scope = app.Services.CreateAsyncScope();
        var saved = await scope.ServiceProvider.GetRequiredService<CityDbContext>().Cases.AsNoTracking()
            .Include(c => c.Attachments).Include(c => c.History).SingleAsync(c => c.Id == caseId);
        saved.Status.ShouldBe(CaseStatus.PendingFiling);
        saved.Attachments.Single().Stage.ShouldBe(AttachmentStage.Verification);
        saved.History.OrderBy(h => h.Sequence).Last().Comment.ShouldBe("现场确有垃圾堆放");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PhoneReport_WrittenWhileOffline_IsKeptInTheBrowserAndBecomesExactlyOneCaseWhenBackOnline()
    {
        var (point, categoryId) = await PlaceAsync();
        var description = $"离线上报测试{Guid.NewGuid():N}";
        var page = await PhoneAsync(point);
        await OpenReportAsync(page);
        await page.SelectOptionAsync("[data-testid=report-category]", categoryId.ToString());
        await page.ClickAsync("[data-testid=report-gps]");
        await page.WaitForSelectorAsync("[data-testid=report-location]");
        await page.FillAsync("[data-testid=report-description]", description);
        await page.SetInputFilesAsync("[data-testid=report-photos]", new FilePayload { Name = "现场.png", MimeType = "image/png", Buffer = Png });
        await page.WaitForSelectorAsync("[data-testid=report-photo]");

        // The draft lives in the browser: a reload brings back the text, the class, the position and the photo.
        await page.ReloadAsync();
        await OpenReportAsync(page, reload: false);
        await page.WaitForSelectorAsync("[data-testid=report-location]");
        (await page.InputValueAsync("[data-testid=report-description]")).ShouldBe(description);
        (await page.InputValueAsync("[data-testid=report-category]")).ShouldBe(categoryId.ToString());
        (await page.Locator("[data-testid=report-photo]").CountAsync()).ShouldBe(1);

        await page.Context.SetOfflineAsync(true);
        await page.ClickAsync("[data-testid=report-submit]");
        await page.WaitForSelectorAsync("[data-testid=report-status]:has-text('已离线，草稿已保存在本机')");
        (await CasesAsync(description)).ShouldBe(0);

        await page.Context.SetOfflineAsync(false);
        await page.WaitForURLAsync("**/cases/*");
        await page.WaitForSelectorAsync("[data-testid=case-status]");

        await using var scope = app.Services.CreateAsyncScope();
        var saved = await scope.ServiceProvider.GetRequiredService<CityDbContext>().Cases.AsNoTracking()
            .Include(c => c.Attachments).Where(c => c.Description == description).ToListAsync();
        saved.Count.ShouldBe(1);
        (saved[0].Id, saved[0].Attachments.Single().ContentType, saved[0].GridId is not null).ShouldBe((Guid.Parse(new Uri(page.Url).Segments[^1]), "image/png", true));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ReportEndpoint_WithoutAnAntiforgeryTokenOrAsAnotherRole_IsRefusedAndCreatesNothing()
    {
        var (point, categoryId) = await PlaceAsync();
        var description = $"伪造请求{Guid.NewGuid():N}";
        var page = await PhoneAsync(point);
        var form = page.Context.APIRequest.CreateFormData();
        form.Set("key", Guid.NewGuid().ToString());
        form.Set("categoryId", categoryId.ToString());
        form.Set("longitude", point.Longitude.ToString(System.Globalization.CultureInfo.InvariantCulture));
        form.Set("latitude", point.Latitude.ToString(System.Globalization.CultureInfo.InvariantCulture));
        form.Set("description", description);

        var forged = await page.APIRequest.PostAsync("/api/field/reports", new() { Multipart = form });
        forged.Status.ShouldBe(400);
        (await forged.TextAsync()).ShouldContain("页面已过期");

        var other = await app.LoginAsync("czry");
        (await other.APIRequest.GetAsync("/api/field/reports/token")).Status.ShouldBe(403);
        (await CasesAsync(description)).ShouldBe(0);
        await page.Context.CloseAsync();
        await other.Context.CloseAsync();
    }

    private static async Task OpenReportAsync(IPage page, bool reload = true)
    {
        if (reload)
        {
            await page.GotoAsync("/report");
        }

        await AppServer.WaitForCircuitAsync(page);
        await page.WaitForSelectorAsync("[data-testid=report-form][data-draft-ready]");
    }

    private async Task<int> CasesAsync(string description)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CityDbContext>().Cases.CountAsync(c => c.Description == description);
    }

    /// <summary>jdy on a 390×844 touch screen whose browser reports <paramref name="at"/> as the device position.</summary>
    private async Task<IPage> PhoneAsync(GeoPoint at)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
            Geolocation = new Geolocation { Longitude = (float)at.Longitude, Latitude = (float)at.Latitude, Accuracy = 5 },
            Permissions = ["geolocation"],
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", "jdy");
        await page.FillAsync("#password", AppServer.Password);
        await page.ClickAsync("#login-submit");
        await page.WaitForSelectorAsync("[data-testid=nav-menu]", new() { State = WaitForSelectorState.Attached });
        await AppServer.WaitForCircuitAsync(page);
        return page;
    }

    /// <summary>The centre of a 城关街道 unit grid (every demo grid's supervisor is jdy) and the 暴露垃圾 class.</summary>
    private async Task<(GeoPoint Point, Guid Category)> PlaceAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CityDbContext>();
        var geocoder = scope.ServiceProvider.GetRequiredService<IGeocoder>();
        var grids = await (from g in db.Grids.AsNoTracking()
                           join s in db.Divisions on g.StreetId equals s.Id
                           where s.Name == "城关街道"
                           orderby g.Code descending
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
        return (inside.ShouldNotBeNull(), category);
    }

    /// <summary>A 12319 call at <paramref name="point"/>, registered by 受理员: jdy, the grid's supervisor, gets its 核实 task.</summary>
    private async Task<Guid> HotlineAwaitingVerificationAsync(GeoPoint point, Guid categoryId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<CityDbContext>();
        var sly = (await sp.GetRequiredService<UserDirectory>().LoadAsync(await db.Users.Where(u => u.UserName == "sly").Select(u => u.Id).SingleAsync()))!;
        var at = await sp.GetRequiredService<IGeocoder>().LocateAsync(point);
        var report = new NewCaseReport(CaseSource.Hotline, categoryId, point, "城关街道热线地址", "市民来电：路边垃圾堆放",
            new CaseLocation(at.GridId, at.GridCode, at.CommunityId, at.StreetId), ReporterName: "市民王先生", ReporterPhone: "13800001111");
        var number = await sp.GetRequiredService<CaseReportingService>().ReportAsync(sly, report);
        var id = await db.Cases.Where(c => c.Number == number.Value).Select(c => c.Id).SingleAsync();
        (await sp.GetRequiredService<CaseActionService>().RunAsync(sly, id, CaseActionKind.Register, CaseActionInput.Empty)).IsSuccess.ShouldBeTrue();
        return id;
    }
}
