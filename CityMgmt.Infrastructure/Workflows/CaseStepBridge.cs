using CityMgmt.Domain.Calendar;
using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Common;
using CityMgmt.Domain.Workflows.Model;
using CityMgmt.Domain.Workflows.Runtime;

namespace CityMgmt.Infrastructure.Workflows;

/// <summary>What the user entered with an outcome: comment, dispatch department, new deadline, closing kind.</summary>
public sealed record TaskForm(string? Comment = null, Guid? DepartmentId = null, DateTimeOffset? NewDeadline = null, ClosingKind? ClosingKind = null)
{
    public static readonly TaskForm Empty = new();
}

/// <summary>
/// Maps a completed task (its standard stage and the outcome label chosen) to the case's own transition,
/// so the case status and its history follow the workflow. Tasks outside the standard stages (e.g. a
/// locally added 分中心审核) and unknown labels are recorded as "办理" lines without a status change.
/// </summary>
internal static class CaseStepBridge
{
    public static Result Apply(CityCase item, WorkflowTask task, string? outcome, TaskForm form, Actor actor, DateTimeOffset now, DateTimeOffset? nextDue, WorkingCalendar calendar, TimeLimit? categoryLimit)
    {
        var stageDeadline = nextDue ?? now.AddMinutes(30);
        var reason = string.IsNullOrWhiteSpace(form.Comment) ? null : form.Comment.Trim();
        return (task.Stage, outcome) switch
        {
            (StandardStage.Acceptance, "受理") => item.Register(actor, now, stageDeadline),
            (StandardStage.Acceptance, "作废") => item.Cancel(actor, now, reason ?? "受理时作废"),
            (StandardStage.Verification, "属实") => item.ConfirmVerification(actor, now, stageDeadline, reason),
            (StandardStage.Verification, "不属实") => item.RejectFiling(actor, now, reason ?? "核实不属实"),
            (StandardStage.Filing, "立案") => item.File(actor, now, stageDeadline, reason),
            (StandardStage.Filing, "不予立案") => item.RejectFiling(actor, now, reason ?? string.Empty),
            (StandardStage.Dispatch, "派遣") => Dispatch(item, form, actor, now, nextDue, calendar, categoryLimit, reason),
            (StandardStage.Disposal, "处置完毕") => item.ReportDisposal(actor, now, stageDeadline, reason),
            (StandardStage.Disposal, "回退") => item.ReturnToDispatch(actor, now, stageDeadline, reason ?? string.Empty),
            (StandardStage.Disposal, "申请延期") => item.Note(actor, now, CaseAction.ExtensionRequested, reason),
            (StandardStage.Dispatch or StandardStage.Disposal, "同意") when task.Name.Contains("延期", StringComparison.Ordinal) =>
                form.NewDeadline is { } deadline ? item.Extend(actor, now, deadline, reason) : CaseErrors.DeadlineInPast,
            (StandardStage.Dispatch or StandardStage.Disposal, "不同意") when task.Name.Contains("延期", StringComparison.Ordinal) =>
                item.Note(actor, now, CaseAction.ExtensionRefused, reason),
            (StandardStage.Check, "通过") => item.PassCheck(actor, now, stageDeadline, reason),
            (StandardStage.Check, "不通过") => item.FailCheck(actor, now, reason ?? string.Empty),
            (StandardStage.Closing, "结案") => item.Close(actor, now, form.ClosingKind ?? ClosingKind.Normal, reason),
            _ => item.Note(actor, now, CaseAction.TaskCompleted, $"{task.Name}{(outcome is null ? string.Empty : "：" + outcome)}{(reason is null ? string.Empty : "，" + reason)}"),
        };
    }

    private static Result Dispatch(CityCase item, TaskForm form, Actor actor, DateTimeOffset now, DateTimeOffset? nextDue, WorkingCalendar calendar, TimeLimit? limit, string? reason)
    {
        if (form.DepartmentId is not { } department)
        {
            return CaseErrors.DepartmentRequired;
        }

        // The disposal task's due instant is the category's 处置时限 from now; fall back to 5 工作日.
        var deadline = nextDue ?? calendar.AddTimeLimit(now, limit ?? new TimeLimit(5, TimeLimitUnit.WorkingDays));
        return item.Dispatch(actor, now, department, deadline, reason);
    }

    /// <summary>Built-in service-task actions (BuiltInActions) as case history lines.</summary>
    public static Result RunAction(CityCase item, string action, string nodeName, DateTimeOffset now) => action switch
    {
        BuiltInActions.NotifyDeadlineWarning => item.Note(Actor.System, now, CaseAction.DeadlineWarning, $"{nodeName}：已用时限80%"),
        BuiltInActions.MarkOverdue => item.Note(Actor.System, now, CaseAction.Overdue, $"{nodeName}：已超过时限"),
        BuiltInActions.NotifyReporter => item.Note(Actor.System, now, CaseAction.ReporterNotified, "已向上报人反馈办理结果"),
        _ => item.Note(Actor.System, now, CaseAction.TaskCompleted, $"{nodeName}：{action}"),
    };
}
