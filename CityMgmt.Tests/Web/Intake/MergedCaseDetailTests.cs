using Bunit;
using CityMgmt.Domain.Cases;
using CityMgmt.Tests.Support;
using static CityMgmt.Tests.Infrastructure.Intake.IntakeKit;

namespace CityMgmt.Tests.Web.Intake;

public sealed class MergedCaseDetailTests
{
    [Fact]
    public async Task Render_MergedCase_KeepsItsPhotoAndTimeline_AndLinksTheCaseItWasMergedInto()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var first = await ReportAsync(services, Spot);
        var repeat = await ReportAsync(services, East(8), CaseSource.Citizen, photos: [new("现场.jpg", new string('b', 64), "image/jpeg", 1024)]);
        await Infrastructure.Cases.CaseActionKit.OkAsync(services, "sly", repeat.Id, CityMgmt.Infrastructure.Cases.CaseActionKind.Merge, new(TargetCaseId: first.Id));
        await using var ctx = await BunitHost.CreateAsync(services, "zbz");

        var cut = ctx.Render<CityMgmt.Web.Components.Pages.Cases.CaseDetail>(p => p.Add(x => x.Id, repeat.Id));

        cut.WaitForAssertion(() => cut.Find("[data-testid=case-merged-into] a").GetAttribute("href").ShouldBe($"/cases/{first.Id}"));
        cut.FindAll("[data-testid=case-photo]").Count.ShouldBe(1);
        cut.Find("[data-testid=case-status]").TextContent.Trim().ShouldBe("已合并");
        cut.Find("[data-testid=case-timeline]").TextContent.ShouldContain($"重复上报，已合并至案件{first.Number.Value}");
        cut.FindAll("[data-testid=case-actions]").ShouldBeEmpty();
    }
}
