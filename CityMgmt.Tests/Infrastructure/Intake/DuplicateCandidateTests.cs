using CityMgmt.Domain.Cases;
using CityMgmt.Infrastructure.Cases.Intake;
using CityMgmt.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using static CityMgmt.Tests.Infrastructure.Cases.CaseActionKit;
using static CityMgmt.Tests.Infrastructure.Intake.IntakeKit;
using K = CityMgmt.Infrastructure.Cases.CaseActionKind;

namespace CityMgmt.Tests.Infrastructure.Intake;

public class DuplicateCandidateTests
{
    [Fact]
    public async Task Candidates_SameClassWithinTheRadius_AreListedNearestFirstWithTheirDistance()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var queued = await ReportAsync(services, Spot);
        var inside = await ReportAsync(services, East(49), CaseSource.SupervisorReport);
        var nearer = await ReportAsync(services, East(20));
        var outside = await ReportAsync(services, East(51));

        var candidates = await CandidatesAsync(services, "sly", queued.Id);

        candidates.Select(c => c.Id).ShouldBe([nearer.Id, inside.Id]);
        candidates[1].DistanceMetres.ShouldBe(49, 0.01);
        candidates[1].Number.ShouldBe(inside.Number.Value);
        candidates.ShouldNotContain(c => c.Id == outside.Id);
    }

    [Fact]
    public async Task Candidates_OutsideTheTimeWindowOrOfAnotherClass_AreLeftOut()
    {
        var clock = TestClock.Create();
        await using var services = await TestServices.FromTemplateAsync(clock);
        var queued = await ReportAsync(services, Spot);
        var otherClass = await ReportAsync(services, Spot, minor: "04");
        clock.Advance(TimeSpan.FromHours(23));
        var withinDay = await ReportAsync(services, East(5));
        clock.Advance(TimeSpan.FromHours(2));
        var nextDay = await ReportAsync(services, East(5));

        var candidates = (await CandidatesAsync(services, "sly", queued.Id)).Select(c => c.Id).ToList();

        candidates.ShouldBe([withinDay.Id]);
        candidates.ShouldNotContain(otherClass.Id);
        candidates.ShouldNotContain(nextDay.Id);
    }

    [Fact]
    public async Task Candidates_IncludeRegisteredCases_ExcludeFinalOnes()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var queued = await ReportAsync(services, Spot);
        var registered = await ReportAsync(services, East(10));
        await OkAsync(services, "sly", registered.Id, K.Register);
        var cancelled = await ReportAsync(services, East(12));
        await OkAsync(services, "sly", cancelled.Id, K.RequestCancel, new("重复来电"));
        await OkAsync(services, "zbz", cancelled.Id, K.ApproveCancel);

        var candidates = await CandidatesAsync(services, "sly", queued.Id);

        candidates.Single().Id.ShouldBe(registered.Id);
        candidates.Single().Status.ShouldBe(CaseStatus.PendingVerification);
    }

    [Fact]
    public async Task Candidates_OfAnotherTownsArea_AreNotShownToASubCentre()
    {
        await using var services = await TestServices.FromTemplateAsync(TestClock.Create());
        var queued = await ReportAsync(services, Spot, street: "青龙镇");
        var elsewhere = await ReportAsync(services, East(10), street: "城关街道");

        (await CandidatesAsync(services, "zbz", queued.Id)).Select(c => c.Id).ShouldBe([elsewhere.Id]);
        (await CandidatesAsync(services, "qlzbz", queued.Id)).ShouldBeEmpty();
        (await CandidatesAsync(services, "qlzbz", elsewhere.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Queue_ListsReportsWaitingAtAcceptanceNewestFirst_FilteredBySource_WithCandidates()
    {
        // After every demo case: the template seeds them up to the real time it was made, and the recent ones wait at 受理.
        var clock = TestClock.Create(DateTimeOffset.UtcNow.AddDays(1));
        await using var services = await TestServices.FromTemplateAsync(clock);
        var hotline = await ReportAsync(services, Spot);
        clock.Advance(TimeSpan.FromMinutes(5));
        var patrol = await ReportAsync(services, East(30), CaseSource.SupervisorReport);
        var queries = services.Get<IntakeQueries>();
        var sly = await services.StaffAsync("sly");

        var (rows, total) = await queries.QueueAsync(sly, null, 0, 2);
        var (hotlines, hotlineTotal) = await queries.QueueAsync(sly, CaseSource.Hotline, 0, 50);

        rows.Select(r => r.Id).ShouldBe([patrol.Id, hotline.Id]);
        total.ShouldBeGreaterThanOrEqualTo(2);
        rows[0].Candidates.Single().Id.ShouldBe(hotline.Id);
        hotlines.ShouldAllBe(r => r.Source == CaseSource.Hotline);
        hotlines.ShouldContain(r => r.Id == hotline.Id);
        hotlineTotal.ShouldBeLessThan(total);
        Should.Throw<UnauthorizedAccessException>(async () => await queries.QueueAsync(await services.StaffAsync("pqy"), null, 0, 20));
    }

    [Fact]
    public async Task Options_ARadiusOfZeroOrNoWindow_StopsTheHostAtStart()
    {
        var validator = new DuplicateCheckOptionsValidator();
        validator.Validate(null, new DuplicateCheckOptions { WindowHours = 0 }).Failed.ShouldBeTrue();
        validator.Validate(null, new DuplicateCheckOptions()).Succeeded.ShouldBeTrue();

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["DuplicateCheck:RadiusMetres"] = "0" });
        builder.Services.AddIntake(builder.Configuration);
        using var host = builder.Build();

        var refused = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());
        refused.Message.ShouldContain("DuplicateCheck:RadiusMetres");
    }
}
