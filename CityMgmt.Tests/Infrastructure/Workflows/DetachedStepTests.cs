using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Categories;
using CityMgmt.Domain.Geo;
using CityMgmt.Domain.Organisation;
using CityMgmt.Domain.Workflows.Execution;
using CityMgmt.Domain.Workflows.Model;
using CityMgmt.Domain.Workflows.Runtime;
using CityMgmt.Infrastructure.Cases;
using CityMgmt.Infrastructure.Persistence;
using CityMgmt.Infrastructure.Workflows;
using CityMgmt.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CityMgmt.Tests.Infrastructure.Workflows.WorkflowTestKit;

namespace CityMgmt.Tests.Infrastructure.Workflows;

/// <summary>
/// On SQLite a completion reads and writes its rows with prepared statements outside EF's change tracker (ADR 0017);
/// on SQL Server, and here with the switch off, it runs through EF. Both must leave exactly the same rows.
/// </summary>
public class DetachedStepTests
{
    private static readonly HashSet<string> RunSpecific = ["Id", "CaseId", "InstanceId", "ClientKey"];

    [Fact]
    public async Task Completions_PreparedAndThroughEf_LeaveTheSameCaseHistoryTasksTimersAndInstance()
    {
        var prepared = await RunScriptAsync(preparedSteps: true);
        var tracked = await RunScriptAsync(preparedSteps: false);

        prepared.Count.ShouldBe(tracked.Count);
        for (var i = 0; i < prepared.Count; i++)
        {
            prepared[i].ShouldBe(tracked[i], $"row {i}");
        }

        // The script really walked the loop: return, rework, a fired timer, closed.
        prepared.ShouldContain(r => r.StartsWith("CityCase") && r.Contains("Status=Closed") && r.Contains("ReworkCount=1"));
        prepared.ShouldContain(r => r.StartsWith("CaseHistoryEntry") && r.Contains("Action=DeadlineWarning"));
        prepared.ShouldContain(r => r.StartsWith("CaseHistoryEntry") && r.Contains("Action=Returned"));
        prepared.ShouldContain(r => r.StartsWith("WorkflowTimer") && r.Contains("Status=Fired"));
        prepared.ShouldContain(r => r.StartsWith("WorkflowTimer") && r.Contains("Status=Cancelled"));
        prepared.ShouldContain(r => r.StartsWith("WorkflowTask") && r.Contains("AssigneeUserId=demo-jdy"));
    }

    [Fact]
    public async Task Report_WithPhotosAndAPhoneKey_PreparedAndThroughEf_LeaveTheSameRows()
    {
        var prepared = await ReportWithPhotosAsync(preparedSteps: true);
        var tracked = await ReportWithPhotosAsync(preparedSteps: false);

        prepared.ShouldBe(tracked);
        prepared.Count(r => r.StartsWith("CaseAttachment", StringComparison.Ordinal)).ShouldBe(2);
        prepared.ShouldContain(r => r.StartsWith("ReportReceipt", StringComparison.Ordinal));
        prepared.ShouldContain(r => r.StartsWith("CaseSearchEntry", StringComparison.Ordinal) && r.Contains("人民", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ScopeLookups_PreparedAndThroughEf_GiveEveryAssignmentTheSameDepartmentPersonAndSubCentre()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var db = services.NewDb();
        await db.Database.OpenConnectionAsync();
        var grid = await (from g in db.Grids join d in db.Divisions on g.StreetId equals d.Id where d.Name == "青龙镇" orderby g.Code select g).FirstAsync();
        var component = await db.Components.OrderBy(c => c.Code).FirstAsync();
        var category = await db.Categories.FirstAsync(c => c.Kind == CategoryKind.Component && c.MinorCode != null);
        var report = new NewCaseReport(CaseSource.SupervisorReport, category.Id, new GeoPoint(104.01, 30.51), "青龙镇", "测试",
            new CaseLocation(grid.Id, grid.Code.Value, grid.CommunityId, grid.StreetId), component.Id);
        var item = CityCase.Report(report, CaseNumber.Create(new DateOnly(2026, 3, 2), 1).Value, category, new Actor("u", "u", "Supervisor"), DateTimeOffset.UtcNow).Value;

        var found = new List<string>();
        foreach (var assignment in Enum.GetValues<TaskAssignment>())
        {
            var opened = new TaskOpened("t1", "Task_X", "测试", StaffRole.ShiftLeader, assignment, StandardStage.Filing, ["通过"], null, null);
            var (viaPrepared, viaEf) = (new WorkflowTask(Guid.NewGuid(), item.Id, "t1", "Task_X", "测试", DateTimeOffset.UtcNow), new WorkflowTask(Guid.NewGuid(), item.Id, "t1", "Task_X", "测试", DateTimeOffset.UtcNow));
            await TaskScopeResolver.ApplyAsync(db, viaPrepared, opened, item, category, prepared: true, default);
            await TaskScopeResolver.ApplyAsync(db, viaEf, opened, item, category, prepared: false, default);

            (viaPrepared.DepartmentId, viaPrepared.AssigneeUserId, viaPrepared.OrgUnitId).ShouldBe((viaEf.DepartmentId, viaEf.AssigneeUserId, viaEf.OrgUnitId), assignment.ToString());
            found.Add($"{assignment}: {viaPrepared.DepartmentId?.ToString() ?? viaPrepared.AssigneeUserId ?? viaPrepared.OrgUnitId?.ToString()}");
        }

        // Each lookup found something, so the comparison above compared real answers.
        found.ShouldContain($"{TaskAssignment.ComponentOwnerDepartment}: {component.OwnerDepartmentId}");
        found.ShouldContain(f => f.StartsWith($"{TaskAssignment.GridSupervisor}: demo-", StringComparison.Ordinal));
        found.ShouldContain(f => f.StartsWith($"{TaskAssignment.SubCentreShiftLeader}: ", StringComparison.Ordinal) && f.Length > 40);
    }

    [Fact]
    public async Task ReadCompletion_BuildsEveryMappedPropertyAsEfReadsIt()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var item = await ReportAsync(services, CaseSource.Hotline);
        var task = (await services.Get<TaskInbox>().ForCaseAsync(await services.StaffAsync("sly"), item.Id)).ShouldHaveSingleItem();

        await using var db = services.NewDb();
        await db.Database.OpenConnectionAsync();
        var read = StepRowReader.ReadCompletion(db, task.Id).ShouldNotBeNull();
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == task.InstanceId);
        var stored = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == item.Id);
        var category = await db.Categories.AsNoTracking().SingleAsync(c => c.Id == stored.CategoryId);

        Describe(db, read.Task, all: true).ShouldBe(Describe(db, await db.WorkflowTasks.AsNoTracking().SingleAsync(t => t.Id == task.Id), all: true));
        Describe(db, read.Instance, all: true).ShouldBe(Describe(db, instance, all: true));
        Describe(db, read.Case, all: true).ShouldBe(Describe(db, stored, all: true));
        Describe(db, read.Category, all: true).ShouldBe(Describe(db, category, all: true));
        read.Category.DisposalLimit.ShouldNotBeNull(); // the private limit columns came through their converters
        read.Case.Source.ShouldBe(CaseSource.Hotline);
    }

    [Fact]
    public async Task Completion_CaseSavedByAnotherUserSinceTheRead_IsAConflictAndWritesNothing()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var item = await CaseAsync(services, (await ReportAsync(services)).Id);
        item.History.Count.ShouldBe(1);
        var sly = await services.StaffAsync("sly");
        var task = (await services.Get<TaskInbox>().ForCaseAsync(sly, item.Id)).ShouldHaveSingleItem();

        await using (var db = services.NewDb())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var read = StepRowReader.ReadCompletion(db, task.Id).ShouldNotBeNull();
            var detached = new DetachedRows(read.Rows);
            var now = DateTimeOffset.UtcNow;
            (await services.Get<WorkflowRuntime>().CompleteAsync(db, read.Task, read.Instance, read.Case, read.Category, "受理", TaskForm.Empty, sly.ToActor(), now, detached, default))
                .IsSuccess.ShouldBeTrue();

            // Another user's save in between: the version read is stale now.
            await db.Database.ExecuteSqlAsync($"UPDATE Cases SET Version = Version + 1 WHERE Id = {item.Id}");

            (await StepRowWriter.SaveAsync(db, now, RuntimeErrors.Conflict, default, detached)).Error.ShouldBe(RuntimeErrors.Conflict);
        }

        var after = await CaseAsync(services, item.Id);
        (after.Status, after.Version, after.History.Count).ShouldBe((item.Status, item.Version, item.History.Count));
        await using var check = services.NewDb();
        (await check.WorkflowTasks.SingleAsync(t => t.Id == task.Id)).Status.ShouldBe(WorkflowTaskStatus.Open);
    }

    /// <summary>
    /// One case walked through 受理, 立案, 派遣 to the wrong department, 回退, 派遣 again, a fired 80 % warning, 处置完毕,
    /// 核查 不通过, 处置完毕 again, 通过 and 结案, on a fixed clock; then every row it left, described column by column.
    /// </summary>
    private static async Task<List<string>> RunScriptAsync(bool preparedSteps)
    {
        var clock = TestClock.Create();
        await using var services = await TestServices.FromTemplateAsync(
            clock, new Dictionary<string, string?> { ["Database:PreparedWorkflowSteps"] = preparedSteps ? "true" : "false" });
        // A 青龙镇 case: its tasks look up the street's sub-centre and the grid's supervisor.
        var item = await ReportAsync(services, street: "青龙镇");
        var (sz, hw) = (await DepartmentAsync(services, "SZ"), await DepartmentAsync(services, "HW"));
        async Task Step(string user, string outcome, TaskForm? form = null)
        {
            clock.Advance(TimeSpan.FromMinutes(7));
            services.User.UserName = user;
            (await CompleteAsync(services, user, item.Id, outcome, form)).IsSuccess.ShouldBeTrue($"{user} {outcome}");
        }

        await Step("sly", "受理");
        await Step("zbz", "立案");
        await Step("pqy", "派遣", new TaskForm(null, hw));
        await Step("hwcz", "回退", new TaskForm("不属于环卫职责"));
        await Step("pqy", "派遣", new TaskForm("请处理", sz));
        clock.Advance(TimeSpan.FromHours(5.3)); // 80 % of the 4 工作时 of 暴露垃圾 used
        (await services.Get<TimerSweeper>().SweepAsync(CancellationToken.None)).ShouldBe(1);
        await Step("czry", "处置完毕", new TaskForm("已清理"));
        await Step("jdy", "不通过", new TaskForm("未清理干净"));
        await Step("czry", "处置完毕");
        await Step("jdy", "通过");
        await Step("zbz", "结案");

        await using var db = services.NewDb();
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.CaseId == item.Id);
        var rows = new List<string> { Describe(db, await db.Cases.AsNoTracking().SingleAsync(c => c.Id == item.Id)), Describe(db, instance) };
        rows.AddRange((await db.Set<CaseHistoryEntry>().AsNoTracking().Where(h => h.CaseId == item.Id).ToListAsync()).OrderBy(h => h.Sequence).Select(h => Describe(db, h)));
        rows.AddRange((await db.WorkflowTasks.AsNoTracking().Where(t => t.CaseId == item.Id).ToListAsync()).OrderBy(t => t.OpenedAt).ThenBy(t => t.TaskKey).Select(t => Describe(db, t)));
        rows.AddRange((await db.WorkflowTimers.AsNoTracking().Where(t => t.InstanceId == instance.Id).ToListAsync()).OrderBy(t => t.TimerKey).Select(t => Describe(db, t)));
        return rows;
    }

    /// <summary>A supervisor's report with two photos, sent from a phone with its idempotency key; every row it left.</summary>
    private static async Task<List<string>> ReportWithPhotosAsync(bool preparedSteps)
    {
        var clock = TestClock.Create();
        await using var services = await TestServices.FromTemplateAsync(
            clock, new Dictionary<string, string?> { ["Database:PreparedWorkflowSteps"] = preparedSteps ? "true" : "false" });
        services.User.UserName = "jdy";
        Guid categoryId;
        CaseLocation location;
        await using (var setup = services.NewDb())
        {
            categoryId = await setup.Categories.Where(c => c.Kind == CategoryKind.Event && c.MajorCode == "01" && c.MinorCode == "02").Select(c => c.Id).SingleAsync();
            var grid = await setup.Grids.OrderBy(g => g.Code).FirstAsync();
            location = new CaseLocation(grid.Id, grid.Code.Value, grid.CommunityId, grid.StreetId);
        }

        var report = new NewCaseReport(CaseSource.SupervisorReport, categoryId, new GeoPoint(104.01, 30.51), "人民路12号附近", "垃圾堆放", location);
        var photos = new[] { new StoredFile("a.jpg", new string('a', 64), "image/jpeg", 1000), new StoredFile("b.jpg", new string('b', 64), "image/jpeg", 2000) };
        var number = await services.Get<CaseReportingService>().ReportAsync(await services.StaffAsync("jdy"), report, photos, Guid.Parse("6f1c1f0e-2f43-4a52-9a0e-6a1f3b1c2d3e"));
        number.IsSuccess.ShouldBeTrue();

        await using var db = services.NewDb();
        var item = await db.Cases.AsNoTracking().SingleAsync(c => c.Number == number.Value);
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.CaseId == item.Id);
        var rows = new List<string> { Describe(db, item), Describe(db, instance) };
        rows.AddRange((await db.Set<CaseHistoryEntry>().AsNoTracking().Where(h => h.CaseId == item.Id).ToListAsync()).Select(h => Describe(db, h)));
        rows.AddRange((await db.Set<CaseAttachment>().AsNoTracking().Where(a => a.CaseId == item.Id).ToListAsync()).OrderBy(a => a.FileName).Select(a => Describe(db, a)));
        rows.AddRange((await db.ReportReceipts.AsNoTracking().Where(r => r.CaseId == item.Id).ToListAsync()).Select(r => Describe(db, r)));
        rows.AddRange((await db.Set<CaseSearchEntry>().AsNoTracking().Where(e => e.CaseId == item.Id).ToListAsync()).Select(e => Describe(db, e)));
        rows.AddRange((await db.WorkflowTasks.AsNoTracking().Where(t => t.CaseId == item.Id).ToListAsync()).Select(t => Describe(db, t)));
        rows.AddRange((await db.WorkflowTimers.AsNoTracking().Where(t => t.InstanceId == instance.Id).ToListAsync()).OrderBy(t => t.TimerKey).Select(t => Describe(db, t)));
        rows.Add(Describe(db, await db.CaseNumberCounters.AsNoTracking().SingleAsync(c => c.Day == new DateOnly(2026, 3, 2))));
        return rows;
    }

    /// <summary>Every mapped property as "name=value", leaving out the run's own new ids unless <paramref name="all"/>.</summary>
    private static string Describe(CityDbContext db, object entity, bool all = false)
    {
        var type = db.Model.FindEntityType(entity.GetType())!;
        var values = type.GetProperties()
            .Where(p => all || !RunSpecific.Contains(p.Name))
            .Select(p => $"{p.Name}={Format(p.GetGetter().GetClrValue(entity))}");
        return $"{type.ClrType.Name}: {string.Join("; ", values)}";
    }

    private static string Format(object? value) => value switch
    {
        null => "null",
        byte[] bytes => Convert.ToHexString(bytes),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
