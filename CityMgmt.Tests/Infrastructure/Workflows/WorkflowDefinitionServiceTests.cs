using CityMgmt.Domain.Workflows.Definitions;
using CityMgmt.Domain.Workflows.Runtime;
using CityMgmt.Infrastructure.Persistence;
using CityMgmt.Infrastructure.Workflows;
using CityMgmt.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CityMgmt.Tests.Infrastructure.Workflows.WorkflowTestKit;

namespace CityMgmt.Tests.Infrastructure.Workflows;

public class WorkflowDefinitionServiceTests
{
    [Fact]
    public async Task Publish_VersionWithSubCentreReview_NewStreetOrderCaseWaitsThere_EarlierCaseStaysOnVersionOne()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var admin = await services.StaffAsync("admin");
        var definitions = services.Get<WorkflowDefinitionService>();
        var earlier = await ReportAsync(services, major: "05", minor: "01", street: "青龙镇");
        var v1 = await StandardAsync(services, 1);

        var draft = await definitions.DraftFromAsync(admin, v1.Id);
        (await definitions.SaveDraftAsync(admin, draft.Value, StandardFlowEdits.InsertSubCentreReview(v1.BpmnXml))).IsSuccess.ShouldBeTrue();
        var published = await definitions.PublishAsync(admin, draft.Value);
        published.IsSuccess.ShouldBeTrue(published.IsFailure ? published.Error.Message : null);

        var later = await ReportAsync(services, major: "05", minor: "01", street: "青龙镇");
        foreach (var item in new[] { earlier, later })
        {
            (await CompleteAsync(services, "sly", item.Id, "受理")).IsSuccess.ShouldBeTrue();
            (await CompleteAsync(services, "zbz", item.Id, "立案")).IsSuccess.ShouldBeTrue();
        }

        await using var db = services.NewDb();
        (await db.WorkflowInstances.SingleAsync(i => i.CaseId == earlier.Id)).DefinitionId.ShouldBe(v1.Id);
        (await db.WorkflowInstances.SingleAsync(i => i.CaseId == later.Id)).DefinitionId.ShouldBe(draft.Value);
        (await OpenTaskNamesAsync(db, earlier.Id)).ShouldBe(["派遣"]);
        (await OpenTaskNamesAsync(db, later.Id)).ShouldBe(["分中心审核"]);
        var review = await db.WorkflowTasks.SingleAsync(t => t.CaseId == later.Id && t.Status == WorkflowTaskStatus.Open);
        review.DueAt.ShouldNotBeNull();

        // Only the 青龙镇 sub-centre's shift leader sees the review; the centre's shift leader does not.
        (await services.Get<TaskInbox>().ForCaseAsync(await services.StaffAsync("zbz"), later.Id)).ShouldBeEmpty();
        (await CompleteAsync(services, "qlzbz", later.Id, "同意")).IsSuccess.ShouldBeTrue();
        await using var after = services.NewDb();
        (await OpenTaskNamesAsync(after, later.Id)).ShouldBe(["派遣"]);
    }

    [Fact]
    public async Task Publish_OtherClassesOnTheNewVersion_GoStraightToDispatchByTheDefaultFlow()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await PublishReviewVersionAsync(services);

        var item = await ReportAsync(services, major: "01", minor: "02", street: "青龙镇");
        (await CompleteAsync(services, "sly", item.Id, "受理")).IsSuccess.ShouldBeTrue();
        (await CompleteAsync(services, "zbz", item.Id, "立案")).IsSuccess.ShouldBeTrue();

        await using var db = services.NewDb();
        (await OpenTaskNamesAsync(db, item.Id)).ShouldBe(["派遣"]);
    }

    [Fact]
    public async Task SaveDraft_PublishedVersion_IsRefusedAndTheVersionIsUnchanged()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var v1 = await StandardAsync(services, 1);

        var saved = await services.Get<WorkflowDefinitionService>().SaveDraftAsync(await services.StaffAsync("admin"), v1.Id, StandardFlowEdits.InsertSubCentreReview(v1.BpmnXml));

        saved.IsFailure.ShouldBeTrue();
        saved.Error.Message.ShouldContain("第1版");
        (await StandardAsync(services, 1)).BpmnXml.ShouldBe(v1.BpmnXml);
    }

    public static TheoryData<string, string> HostileDocuments() => new()
    {
        { """<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">&x;</bpmn:definitions>""", "DTD" },
        { """<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">&c;</bpmn:definitions>""", "DTD" },
        { "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><!--" + new string('x', WorkflowDefinition.MaxXmlLength) + "--></bpmn:definitions>", "过大" },
        { "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><bpmn:process id=\"p\">", "不是有效的 XML" },
    };

    [Theory]
    [MemberData(nameof(HostileDocuments))]
    public async Task SaveDraftAndImport_HostileXml_AreRefusedWithAChineseMessageAndChangeNothing(string xml, string expected)
    {
        await using var services = await TestServices.FromTemplateAsync();
        var admin = await services.StaffAsync("admin");
        var definitions = services.Get<WorkflowDefinitionService>();
        var v1 = await StandardAsync(services, 1);
        var draft = await definitions.DraftFromAsync(admin, v1.Id);
        var before = await SnapshotAsync(services);

        var saved = await definitions.SaveDraftAsync(admin, draft.Value, xml);
        var imported = await definitions.ImportAsync(admin, xml);

        saved.IsFailure.ShouldBeTrue();
        saved.Error.Message.ShouldContain(expected);
        imported.IsFailure.ShouldBeTrue();
        imported.Error.Message.ShouldContain(expected);
        (await SnapshotAsync(services)).ShouldBe(before);
    }

    [Fact]
    public async Task Publish_DraftWithProblems_IsRefusedAndStaysADraft()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var admin = await services.StaffAsync("admin");
        var definitions = services.Get<WorkflowDefinitionService>();
        var v1 = await StandardAsync(services, 1);
        var draft = await definitions.DraftFromAsync(admin, v1.Id);
        (await definitions.SaveDraftAsync(admin, draft.Value, StandardFlowEdits.BreakDisposalGateway(v1.BpmnXml))).IsSuccess.ShouldBeTrue();

        var published = await definitions.PublishAsync(admin, draft.Value);

        published.IsFailure.ShouldBeTrue();
        published.Error.ShouldBe(DefinitionErrors.HasProblems);
        var report = WorkflowDefinitionService.Check((await definitions.GetAsync(admin, draft.Value)).Value.BpmnXml);
        report.Problems.ShouldContain(p => p.ElementId == "Gateway_Disposed" || p.ElementId == "Flow_Returned");
        (await definitions.GetAsync(admin, draft.Value)).Value.Status.ShouldBe(WorkflowDefinitionStatus.Draft);
    }

    [Fact]
    public async Task Import_ABpmnFile_BecomesADraftOfTheNextVersion_ASecondImportWaitsForIt()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var admin = await services.StaffAsync("admin");
        var definitions = services.Get<WorkflowDefinitionService>();
        var xml = StandardFlowEdits.InsertSubCentreReview(StandardWorkflowSeeder.LoadStandardXml());

        var imported = await definitions.ImportAsync(admin, xml);
        var again = await definitions.ImportAsync(admin, xml);

        var draft = (await definitions.GetAsync(admin, imported.Value)).Value;
        (draft.Key, draft.VersionNumber, draft.Status).ShouldBe((WorkflowCatalog.StandardKey, 2, WorkflowDefinitionStatus.Draft));
        again.IsFailure.ShouldBeTrue();
        again.Error.Message.ShouldContain("已有草稿");
        (await definitions.ListAsync(admin)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task EveryChange_IsWrittenToTheAdminAudit()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await PublishReviewVersionAsync(services);

        await using var db = services.NewDb();
        var actions = await db.AdminAudit.Where(a => a.Target.StartsWith(WorkflowCatalog.StandardKey)).OrderBy(a => a.At).Select(a => a.Action).ToListAsync();
        actions.ShouldBe(["新建流程草稿", "保存流程草稿", "发布流程"]);
    }

    [Theory]
    [InlineData("zbz")]
    [InlineData("ld")]
    public async Task NonAdministrators_CannotDraftSaveOrPublish(string user)
    {
        await using var services = await TestServices.FromTemplateAsync();
        var staff = await services.StaffAsync(user);
        var definitions = services.Get<WorkflowDefinitionService>();
        var v1 = await StandardAsync(services, 1);

        (await definitions.DraftFromAsync(staff, v1.Id)).IsFailure.ShouldBeTrue();
        (await definitions.SaveDraftAsync(staff, v1.Id, v1.BpmnXml)).IsFailure.ShouldBeTrue();
        (await definitions.PublishAsync(staff, v1.Id)).IsFailure.ShouldBeTrue();
        (await definitions.ImportAsync(staff, v1.BpmnXml)).IsFailure.ShouldBeTrue();
        await Should.ThrowAsync<UnauthorizedAccessException>(() => definitions.ListAsync(staff));
        await using var db = services.NewDb();
        (await db.WorkflowDefinitions.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Migrate_RunningCasesToTheNewVersion_KeepsTheirTaskAndFollowsTheNewRoute()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var item = await ReportAsync(services, major: "05", minor: "01", street: "青龙镇");
        (await CompleteAsync(services, "sly", item.Id, "受理")).IsSuccess.ShouldBeTrue();
        var v1 = await StandardAsync(services, 1);
        var v2 = await PublishReviewVersionAsync(services);
        var admin = await services.StaffAsync("admin");
        var migration = services.Get<InstanceMigrationService>();

        var preview = await migration.PreviewAsync(admin, v1.Id, v2, new Dictionary<string, string>());
        var moved = await migration.MigrateAsync(admin, v1.Id, v2, new Dictionary<string, string>());

        preview.Value.Errors.ShouldBeEmpty();
        moved.Value.ShouldBeGreaterThanOrEqualTo(1);
        await using (var db = services.NewDb())
        {
            (await db.WorkflowInstances.SingleAsync(i => i.CaseId == item.Id)).DefinitionId.ShouldBe(v2);
            (await OpenTaskNamesAsync(db, item.Id)).ShouldBe(["立案"]);
            (await db.AdminAudit.CountAsync(a => a.Action == "迁移流程实例")).ShouldBe(1);
        }

        (await CompleteAsync(services, "zbz", item.Id, "立案")).IsSuccess.ShouldBeTrue();
        await using var after = services.NewDb();
        (await OpenTaskNamesAsync(after, item.Id)).ShouldBe(["分中心审核"]);
    }

    [Fact]
    public async Task Migrate_ToADraft_IsRefusedAndNothingMoves()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var item = await ReportAsync(services);
        var admin = await services.StaffAsync("admin");
        var v1 = await StandardAsync(services, 1);
        var draft = await services.Get<WorkflowDefinitionService>().DraftFromAsync(admin, v1.Id);

        var moved = await services.Get<InstanceMigrationService>().MigrateAsync(admin, v1.Id, draft.Value, new Dictionary<string, string>());

        moved.IsFailure.ShouldBeTrue();
        moved.Error.Message.ShouldContain("已发布版本");
        await using var db = services.NewDb();
        (await db.WorkflowInstances.SingleAsync(i => i.CaseId == item.Id)).DefinitionId.ShouldBe(v1.Id);
    }

    private static async Task<Guid> PublishReviewVersionAsync(TestServices services)
    {
        var admin = await services.StaffAsync("admin");
        var definitions = services.Get<WorkflowDefinitionService>();
        var v1 = await StandardAsync(services, 1);
        var draft = await definitions.DraftFromAsync(admin, v1.Id);
        (await definitions.SaveDraftAsync(admin, draft.Value, StandardFlowEdits.InsertSubCentreReview(v1.BpmnXml))).IsSuccess.ShouldBeTrue();
        (await definitions.PublishAsync(admin, draft.Value)).IsSuccess.ShouldBeTrue();
        return draft.Value;
    }

    private static async Task<WorkflowDefinition> StandardAsync(TestServices services, int version)
    {
        await using var db = services.NewDb();
        return await db.WorkflowDefinitions.AsNoTracking().SingleAsync(d => d.Key == WorkflowCatalog.StandardKey && d.VersionNumber == version);
    }

    private static async Task<List<string>> OpenTaskNamesAsync(CityDbContext db, Guid caseId) =>
        await db.WorkflowTasks.Where(t => t.CaseId == caseId && t.Status == WorkflowTaskStatus.Open).Select(t => t.Name).ToListAsync();

    private static async Task<string> SnapshotAsync(TestServices services)
    {
        await using var db = services.NewDb();
        var rows = await db.WorkflowDefinitions.AsNoTracking().OrderBy(d => d.VersionNumber).Select(d => $"{d.VersionNumber}:{d.Status}:{d.BpmnXml.Length}").ToListAsync();
        return string.Join("|", rows) + "|audit=" + await db.AdminAudit.CountAsync();
    }
}
