using CityMgmt.Domain.Cases;
using CityMgmt.Infrastructure.Cases;
using CityMgmt.Infrastructure.Field;
using CityMgmt.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Tests.Infrastructure.Field;

public class FieldReportServiceTests
{
    [Fact]
    public async Task SubmitAsync_SameKeySentAgain_ReturnsTheFirstCaseAndCreatesNoSecond()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var draft = await DraftAsync(services, "离线时写的上报");
        var photo = await PhotoAsync(services);
        var jdy = await services.StaffAsync("jdy");

        var sent = await Service(services).SubmitAsync(jdy, draft, [photo]);
        var again = await Service(services).SubmitAsync(jdy, draft, [photo]);

        sent.IsSuccess.ShouldBeTrue(sent.IsFailure ? sent.Error.Message : null);
        again.Value.ShouldBe(sent.Value);
        await using var db = services.NewDb();
        var saved = await db.Cases.Include(c => c.Attachments).Where(c => c.Description == "离线时写的上报").ToListAsync();
        saved.Count.ShouldBe(1);
        saved[0].ShouldSatisfyAllConditions(
            c => c.Source.ShouldBe(CaseSource.SupervisorReport),
            c => c.GridId.ShouldNotBeNull(),
            c => c.Address.ShouldNotBeNullOrWhiteSpace(),
            c => c.Attachments.Single().Stage.ShouldBe(AttachmentStage.Report));
        (await db.ReportReceipts.CountAsync(r => r.ClientKey == draft.ClientKey)).ShouldBe(1);
    }

    [Fact]
    public async Task SubmitAsync_SameKeySentThreeTimesAtOnce_CreatesOneCase()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var draft = await DraftAsync(services, "网络抖动时重复发送");
        var jdy = await services.StaffAsync("jdy");

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => Service(services).SubmitAsync(jdy, draft, []))));

        results.ShouldAllBe(r => r.IsSuccess);
        results.Select(r => r.Value.CaseId).Distinct().Count().ShouldBe(1);
        await using var db = services.NewDb();
        (await db.Cases.CountAsync(c => c.Description == "网络抖动时重复发送")).ShouldBe(1);
    }

    [Fact]
    public async Task SubmitAsync_NewKeyOrAnotherUsersKey_IsANewReport()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var draft = await DraftAsync(services, "两次不同的上报");
        var jdy = await services.StaffAsync("jdy");

        var first = await Service(services).SubmitAsync(jdy, draft, []);
        var second = await Service(services).SubmitAsync(jdy, draft with { ClientKey = Guid.NewGuid() }, []);

        second.Value.CaseId.ShouldNotBe(first.Value.CaseId);
    }

    [Fact]
    public async Task SubmitAsync_SelfHandled_RecordsTheSelfHandledSource()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var draft = await DraftAsync(services, "已现场清理小广告") with { SelfHandled = true };

        var sent = await Service(services).SubmitAsync(await services.StaffAsync("jdy"), draft, [await PhotoAsync(services)]);

        await using var db = services.NewDb();
        (await db.Cases.SingleAsync(c => c.Id == sent.Value.CaseId)).Source.ShouldBe(CaseSource.SelfHandled);
    }

    [Fact]
    public async Task SubmitAsync_BadDrafts_AreRefusedInChineseAndCreateNothing()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var draft = await DraftAsync(services, "不应成案");
        var jdy = await services.StaffAsync("jdy");
        var photo = await PhotoAsync(services);

        (await Service(services).SubmitAsync(jdy, draft with { Longitude = 100.0, Latitude = 30.0 }, [])).Error.ShouldBe(FieldReportService.OutsideGrids);
        (await Service(services).SubmitAsync(jdy, draft with { Longitude = null }, [])).Error.ShouldBe(FieldReportService.PositionMissing);
        (await Service(services).SubmitAsync(jdy, draft with { CategoryId = null }, [])).Error.ShouldBe(FieldReportService.CategoryMissing);
        (await Service(services).SubmitAsync(jdy, draft with { ClientKey = Guid.Empty }, [])).Error.ShouldBe(FieldReportService.KeyMissing);
        (await Service(services).SubmitAsync(jdy, draft, Enumerable.Repeat(photo, 10).ToList())).Error.ShouldBe(CaseErrors.TooManyAttachments);
        (await Service(services).SubmitAsync(jdy, draft with { SelfHandled = true }, [])).Error.ShouldBe(FieldReportService.SelfHandledNeedsPhoto);
        (await Service(services).SubmitAsync(await services.StaffAsync("czry"), draft, [])).IsFailure.ShouldBeTrue();

        await using var db = services.NewDb();
        (await db.Cases.CountAsync(c => c.Description == "不应成案")).ShouldBe(0);
        (await db.ReportReceipts.CountAsync()).ShouldBe(0);
    }

    private static FieldReportService Service(TestServices services) => services.Get<FieldReportService>();

    private static async Task<StoredFile> PhotoAsync(TestServices services) =>
        (await services.Get<AttachmentStore>().SaveAsync(new MemoryStream(FieldKit.Png), "现场.png")).Value;

    private static async Task<FieldReport> DraftAsync(TestServices services, string description)
    {
        var place = (await FieldKit.PlacesAsync(services, 1))[0];
        return new FieldReport(Guid.NewGuid(), await FieldKit.CategoryAsync(services), place.Point.Longitude, place.Point.Latitude, null, null, description, false);
    }
}
