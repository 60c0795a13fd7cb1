using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Common;
using CityMgmt.Domain.Workflows.Model;
using CityMgmt.Domain.Workflows.Runtime;
using CityMgmt.Infrastructure.Cases.Intake;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Infrastructure.Cases;

/// <summary>The 受理队列's own steps: 合并 of a repeated report, and the supervisor chosen for 核实 with 受理.</summary>
public sealed partial class CaseActionService
{
    public static readonly Error MergeTargetRequired = new("Case.MergeTargetRequired", "请选择要合并到的案件");
    public static readonly Error MergeTargetNotFound = new("Case.MergeTargetNotFound", "要合并到的案件不存在或不在您的数据范围内");
    public static readonly Error SupervisorInvalid = new("Case.SupervisorInvalid", "所选监督员不负责该案件所在的网格或区域，请重新选择");
    public static readonly Error SupervisorNotNeeded = new("Case.SupervisorNotNeeded", "该案件受理后直接进入待立案，不需要选择核实监督员");

    /// <summary>
    /// 合并: the report ends as 已合并 with a line on both cases, its workflow instance ends (no open task or timer
    /// is left behind); all in the caller's transaction. The target must be visible to the user and still open.
    /// </summary>
    private async Task<Result> MergeAsync(CityDbContext db, StaffContext who, CityCase item, CaseActionInput input, string? comment, DateTimeOffset now, CancellationToken ct)
    {
        if (input.TargetCaseId is not { } targetId)
        {
            return MergeTargetRequired;
        }

        if (targetId == item.Id)
        {
            return CaseErrors.MergeIntoSelf;
        }

        var target = await db.Cases.VisibleTo(who.Scope).FirstOrDefaultAsync(c => c.Id == targetId, ct);
        if (target is null)
        {
            return MergeTargetNotFound;
        }

        var actor = who.ToActor();
        var merged = item.MergeInto(actor, now, target, comment);
        return merged.IsFailure ? merged : await runtime.TerminateAsync(db, item, actor, now, ct);
    }

    /// <summary>受理 of a report that goes to 核实: the supervisor picked (one of the case's), else the grid's responsible one.</summary>
    private static async Task<Result<SupervisorOption?>> ChosenSupervisorAsync(CityDbContext db, CityCase item, CaseActionSpec spec, CaseActionInput input, CancellationToken ct)
    {
        var wanted = string.IsNullOrWhiteSpace(input.SupervisorUserId) ? null : input.SupervisorUserId.Trim();
        if (spec.Kind != CaseActionKind.Register || !item.Source.NeedsVerification())
        {
            return wanted is null ? Result.Success<SupervisorOption?>(null) : SupervisorNotNeeded;
        }

        var options = await VerificationSupervisors.ForAsync(db, item, ct);
        if (wanted is null)
        {
            return options.FirstOrDefault(o => o.Suggested);
        }

        return options.FirstOrDefault(o => o.UserId == wanted) is { } chosen ? chosen : SupervisorInvalid;
    }

    /// <summary>The 核实 task opened by 受理 goes to the chosen supervisor; the timeline says 发送核实 and to whom.</summary>
    private static Result SendToVerification(CityDbContext db, CityCase item, Domain.Cases.Actor actor, DateTimeOffset now, SupervisorOption? chosen)
    {
        var opened = db.ChangeTracker.Entries<WorkflowTask>()
            .Where(e => e.State == EntityState.Added && e.Entity.CaseId == item.Id && e.Entity.Stage == StandardStage.Verification)
            .Select(e => e.Entity).ToList();
        if (opened.Count == 0 || chosen is null)
        {
            return Result.Success();
        }

        foreach (var task in opened)
        {
            task.AssigneeUserId = chosen.UserId;
        }

        return item.Note(actor, now, CaseAction.VerificationRequested, $"核实监督员：{chosen.Name}");
    }
}
