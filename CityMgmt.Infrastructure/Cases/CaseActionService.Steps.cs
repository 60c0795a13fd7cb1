using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Common;
using CityMgmt.Domain.Organisation;
using CityMgmt.Domain.Workflows.Model;
using CityMgmt.Domain.Workflows.Runtime;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Infrastructure.Persistence;
using CityMgmt.Infrastructure.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Infrastructure.Cases;

public sealed partial class CaseActionService
{
    private static readonly CaseAction[] Marks =
    [
        CaseAction.ParkRequested, CaseAction.Parked, CaseAction.ParkRefused, CaseAction.Resumed, CaseAction.CancelRequested,
        CaseAction.CancelRefused, CaseAction.Returned, CaseAction.Dispatched, CaseAction.DisposalReported, CaseAction.Registered,
    ];

    private static readonly CaseAction[] ParkSettled =
        [CaseAction.Parked, CaseAction.ParkRefused, CaseAction.Dispatched, CaseAction.DisposalReported, CaseAction.Returned];

    private static Error NoTask(CaseActionSpec spec) => new("Case.NoTask", $"您当前没有该案件的“{spec.Name}”待办，或已被他人签收");

    private static async Task<CaseState> LoadStateAsync(CityDbContext db, StaffContext who, CityCase item, CancellationToken ct)
    {
        var open = await db.WorkflowTasks.Where(t => t.CaseId == item.Id && t.Status == WorkflowTaskStatus.Open).ToListAsync(ct);
        var mine = await db.WorkflowTasks.AsNoTracking().ActionableBy(who).Where(t => t.CaseId == item.Id).Select(t => t.Id).ToListAsync(ct);
        var marks = await db.CaseHistory.AsNoTracking().Where(h => h.CaseId == item.Id && Marks.Contains(h.Action))
            .OrderByDescending(h => h.Sequence).Select(h => new { h.Action, h.At, h.DepartmentId }).Take(100).ToListAsync(ct);
        var park = marks.FirstOrDefault(m => m.Action == CaseAction.ParkRequested || ParkSettled.Contains(m.Action));
        var cancel = marks.FirstOrDefault(m => m.Action is CaseAction.CancelRequested or CaseAction.CancelRefused or CaseAction.Registered);
        var returned = marks.FirstOrDefault(m => m.Action is CaseAction.Returned or CaseAction.Dispatched);
        return new CaseState(
            open,
            [.. mine],
            park?.Action == CaseAction.ParkRequested,
            cancel?.Action == CaseAction.CancelRequested,
            returned?.Action == CaseAction.Returned ? returned.DepartmentId : null,
            marks.FirstOrDefault(m => m.Action == CaseAction.Parked)?.At);
    }

    private static Result Check(CityCase item, CaseActionSpec spec, CaseState state)
    {
        if (!spec.From.Contains(item.Status))
        {
            return CaseErrors.WrongState(spec.Name, item.Status);
        }

        var guard = spec.Kind switch
        {
            CaseActionKind.Register or CaseActionKind.RequestCancel or CaseActionKind.Merge when state.CancelPending => new Error("Case.CancelPending", "已申请作废，等待值班长审批"),
            CaseActionKind.ApproveCancel or CaseActionKind.RefuseCancel when !state.CancelPending => new Error("Case.NoCancelRequest", "该案件没有待审批的作废申请"),
            CaseActionKind.RefuseReturn when state.ReturnedFrom is null => new Error("Case.NoReturn", "该案件不是回退案件"),
            CaseActionKind.RequestPark when state.ParkPending => new Error("Case.ParkPending", "已申请挂账，等待派遣员审批"),
            CaseActionKind.ApprovePark or CaseActionKind.RefusePark when !state.ParkPending => new Error("Case.NoParkRequest", "该案件没有待审批的挂账申请"),
            _ => Error.None,
        };
        if (guard != Error.None)
        {
            return guard;
        }

        if (spec.Stage is null)
        {
            return Result.Success();
        }

        var task = TaskFor(spec, state);
        if (task is null)
        {
            return NoTask(spec);
        }

        // 作废 is approved by the shift leader on the operator's 受理 task; everything else is the user's own task.
        if (spec.Kind != CaseActionKind.ApproveCancel && !state.Mine.Contains(task.Id))
        {
            return NoTask(spec);
        }

        return spec.Kind == CaseActionKind.SignFor && task.ClaimedBy is not null
            ? new Error("Case.SignedFor", "该案件已签收")
            : Result.Success();
    }

    private static WorkflowTask? TaskFor(CaseActionSpec spec, CaseState state) =>
        state.Open.FirstOrDefault(t => t.Stage == spec.Stage && (spec.Outcome is null || t.OutcomeList.Contains(spec.Outcome)));

    private async Task<Result> ApplyAsync(
        CityDbContext db, StaffContext who, CityCase item, CaseActionSpec spec, CaseActionInput input, CaseState state, DateTimeOffset now, CancellationToken ct)
    {
        var photos = Attach(who, item, spec, input, now);
        return photos.IsFailure ? photos : await StepAsync(db, who, item, spec, input, state, now, ct);
    }

    /// <summary>Photos taken with 核实, 处置反馈 or 核查 (after-photos), recorded before the step in the same transaction.</summary>
    private static Result Attach(StaffContext who, CityCase item, CaseActionSpec spec, CaseActionInput input, DateTimeOffset now)
    {
        if (input.Photos is not { Count: > 0 } photos)
        {
            return Result.Success();
        }

        AttachmentStage? stage = spec.Kind switch
        {
            CaseActionKind.VerifyTrue or CaseActionKind.VerifyFalse => AttachmentStage.Verification,
            CaseActionKind.ReportDisposal => AttachmentStage.Disposal,
            CaseActionKind.CheckPass or CaseActionKind.CheckFail => AttachmentStage.Check,
            _ => null,
        };
        if (stage is null)
        {
            return new Error("Case.NoPhotos", $"“{spec.Name}”不需要上传照片");
        }

        foreach (var photo in photos)
        {
            var attached = item.AddAttachment(who.ToActor(), now, stage.Value, photo.FileName, photo.ContentHash, photo.ContentType, photo.SizeBytes);
            if (attached.IsFailure)
            {
                return attached;
            }
        }

        return Result.Success();
    }

    private async Task<Result> StepAsync(
        CityDbContext db, StaffContext who, CityCase item, CaseActionSpec spec, CaseActionInput input, CaseState state, DateTimeOffset now, CancellationToken ct)
    {
        var actor = who.ToActor();
        var comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim();
        var task = spec.Stage is null ? null : TaskFor(spec, state);
        switch (spec.Kind)
        {
            case CaseActionKind.SignFor:
                var claimed = task!.Claim(who.UserId, now);
                return claimed.IsFailure ? claimed : item.Note(actor, now, CaseAction.SignedFor, comment);
            case CaseActionKind.RequestCancel:
                return item.Note(actor, now, CaseAction.CancelRequested, comment);
            case CaseActionKind.RefuseCancel:
                return item.Note(actor, now, CaseAction.CancelRefused, comment);
            case CaseActionKind.RequestPark:
                return item.Note(actor, now, CaseAction.ParkRequested, comment);
            case CaseActionKind.RefusePark:
                return item.Note(actor, now, CaseAction.ParkRefused, comment);
            case CaseActionKind.Urge:
                return item.Note(actor, now, CaseAction.Urged, comment);
            case CaseActionKind.Merge:
                return await MergeAsync(db, who, item, input, comment, now, ct);
            case CaseActionKind.ApprovePark:
                SetDisposalDue(state, null);
                foreach (var timer in await TimersAsync(db, item, WorkflowTimerStatus.Scheduled, ct))
                {
                    timer.Suspend();
                }

                return item.Park(actor, now, comment);
            case CaseActionKind.Resume:
                var resumed = await ResumeDeadlineAsync(item, input, state, now, ct);
                if (resumed.IsFailure)
                {
                    return resumed.Error;
                }

                SetDisposalDue(state, resumed.Value);
                await ResumeTimersAsync(db, item, state, resumed.Value, now, ct);
                return item.Resume(actor, now, resumed.Value, comment);
        }

        var form = await FormAsync(db, spec, input, state, comment, now, ct);
        if (form.IsFailure)
        {
            return form.Error;
        }

        var supervisor = await ChosenSupervisorAsync(db, item, spec, input, ct);
        if (supervisor.IsFailure)
        {
            return supervisor.Error;
        }

        var done = await runtime.CompleteAsync(db, task!, spec.Outcome, form.Value, actor, now, ct);
        if (done.IsFailure)
        {
            return done;
        }

        // A re-opened 处置 task (after 延期, a refused request or 返工) keeps the case's own 处置时限, not a fresh one.
        foreach (var opened in db.ChangeTracker.Entries<WorkflowTask>().Where(e => e.State == EntityState.Added && e.Entity.Stage == StandardStage.Disposal))
        {
            opened.Entity.DueAt = item.DisposalDeadline ?? opened.Entity.DueAt;
        }

        return SendToVerification(db, item, actor, now, supervisor.Value);
    }

    private static async Task<Result<TaskForm>> FormAsync(
        CityDbContext db, CaseActionSpec spec, CaseActionInput input, CaseState state, string? comment, DateTimeOffset now, CancellationToken ct)
    {
        switch (spec.Kind)
        {
            case CaseActionKind.Dispatch:
                var valid = input.DepartmentId is { } department
                    && await db.OrgUnits.AnyAsync(o => o.Id == department && o.Kind == OrgUnitKind.Department && o.IsActive, ct);
                return valid ? new TaskForm(comment, input.DepartmentId) : input.DepartmentId is null ? CaseErrors.DepartmentRequired : DepartmentInvalid;
            case CaseActionKind.RefuseReturn:
                return new TaskForm($"不同意回退：{comment}", state.ReturnedFrom);
            case CaseActionKind.ApproveExtension:
                if (input.NewDeadline is not { } deadline)
                {
                    return NewDeadlineRequired;
                }

                return deadline <= now ? CaseErrors.DeadlineInPast : new TaskForm(comment, null, deadline);
            case CaseActionKind.Close:
                return new TaskForm(comment, ClosingKind: input.ClosingKind ?? ClosingKind.Normal);
            default:
                return new TaskForm(comment);
        }
    }

    /// <summary>挂账恢复: the working time left when parked, counted again from now (the clock stood still meanwhile).</summary>
    private async Task<Result<DateTimeOffset>> ResumeDeadlineAsync(CityCase item, CaseActionInput input, CaseState state, DateTimeOffset now, CancellationToken ct)
    {
        if (input.NewDeadline is { } given)
        {
            return given > now ? given : CaseErrors.DeadlineInPast;
        }

        var calendar = await calendars.GetAsync(ct);
        var parkedAt = state.ParkedAt ?? now;
        var left = item.DisposalDeadline is { } deadline && deadline > parkedAt ? calendar.WorkingTimeBetween(parkedAt, deadline) : TimeSpan.Zero;
        var resumed = calendar.AddWorkingTime(now, left);
        return left > TimeSpan.Zero && resumed > now ? resumed : ResumeDeadlineRequired;
    }

    /// <summary>
    /// 挂账恢复 for the stage timers (处置预警, 处置超时): each is scheduled again at the same working time before the
    /// new disposal deadline as it was before the old one, so a timer at the deadline lands on the new deadline.
    /// </summary>
    private async Task ResumeTimersAsync(CityDbContext db, CityCase item, CaseState state, DateTimeOffset deadline, DateTimeOffset now, CancellationToken ct)
    {
        var calendar = await calendars.GetAsync(ct);
        var parkedAt = state.ParkedAt ?? now;
        TimeSpan LeftAtPark(DateTimeOffset due) => due > parkedAt ? calendar.WorkingTimeBetween(parkedAt, due) : TimeSpan.Zero;
        var oldLeft = item.DisposalDeadline is { } old ? LeftAtPark(old) : TimeSpan.Zero;
        var newLeft = deadline > now ? calendar.WorkingTimeBetween(now, deadline) : TimeSpan.Zero;
        foreach (var timer in await TimersAsync(db, item, WorkflowTimerStatus.Suspended, ct))
        {
            var left = newLeft - (oldLeft - LeftAtPark(timer.DueAt));
            timer.Resume(left > TimeSpan.Zero ? calendar.AddWorkingTime(now, left) : now);
        }
    }

    private static Task<List<WorkflowTimer>> TimersAsync(CityDbContext db, CityCase item, WorkflowTimerStatus status, CancellationToken ct) =>
        db.WorkflowTimers.Where(t => t.Status == status && db.WorkflowInstances.Any(i => i.Id == t.InstanceId && i.CaseId == item.Id)).ToListAsync(ct);

    private static void SetDisposalDue(CaseState state, DateTimeOffset? due)
    {
        foreach (var task in state.Open.Where(t => t.Stage == StandardStage.Disposal))
        {
            task.DueAt = due;
        }
    }

    private sealed record CaseState(
        List<WorkflowTask> Open, HashSet<Guid> Mine, bool ParkPending, bool CancelPending, Guid? ReturnedFrom, DateTimeOffset? ParkedAt);
}
