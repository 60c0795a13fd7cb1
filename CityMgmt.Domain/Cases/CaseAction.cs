namespace CityMgmt.Domain.Cases;

/// <summary>What a history entry records.</summary>
public enum CaseAction
{
    Reported,
    Registered,
    VerificationRequested,
    Verified,
    Filed,
    NotFiled,
    Dispatched,
    DisposalReported,
    CheckPassed,
    CheckFailed,
    Closed,
    Cancelled,
    AttachmentAdded,
    Commented,
    Returned,
    ExtensionRequested,
    Extended,
    ExtensionRefused,
    TaskCompleted,
    DeadlineWarning,
    Overdue,
    ReporterNotified,
}

public static class CaseActionNames
{
    public static string DisplayName(this CaseAction action) => action switch
    {
        CaseAction.Reported => "上报",
        CaseAction.Registered => "受理",
        CaseAction.VerificationRequested => "发送核实",
        CaseAction.Verified => "核实",
        CaseAction.Filed => "立案",
        CaseAction.NotFiled => "不予立案",
        CaseAction.Dispatched => "派遣",
        CaseAction.DisposalReported => "处置反馈",
        CaseAction.CheckPassed => "核查通过",
        CaseAction.CheckFailed => "核查不通过(返工)",
        CaseAction.Closed => "结案",
        CaseAction.Cancelled => "作废",
        CaseAction.AttachmentAdded => "添加附件",
        CaseAction.Commented => "备注",
        CaseAction.Returned => "回退",
        CaseAction.ExtensionRequested => "申请延期",
        CaseAction.Extended => "延期",
        CaseAction.ExtensionRefused => "延期不予批准",
        CaseAction.TaskCompleted => "办理",
        CaseAction.DeadlineWarning => "临近超时预警",
        CaseAction.Overdue => "超时",
        CaseAction.ReporterNotified => "反馈上报人",
        _ => action.ToString(),
    };
}
