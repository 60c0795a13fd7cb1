using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Organisation;
using CityMgmt.Domain.Workflows.Model;

namespace CityMgmt.Infrastructure.Cases;

/// <summary>One entry per role action of the case loop (domain.md §1).</summary>
public enum CaseActionKind
{
    Register,
    RequestCancel,
    ApproveCancel,
    RefuseCancel,
    VerifyTrue,
    VerifyFalse,
    File,
    RejectFiling,
    Dispatch,
    RefuseReturn,
    SignFor,
    ReportDisposal,
    RequestReturn,
    RequestExtension,
    ApproveExtension,
    RefuseExtension,
    RequestPark,
    ApprovePark,
    RefusePark,
    Resume,
    CheckPass,
    CheckFail,
    Close,
    Urge,
    Merge,
    SelfHandledToFiling,
}

/// <summary>
/// What the user entered with an action. <see cref="TargetCaseId"/>: the case a repeated report is merged into;
/// <see cref="SupervisorUserId"/>: who verifies on site after 受理 (null: the grid's responsible supervisor).
/// </summary>
public sealed record CaseActionInput(
    string? Comment = null, Guid? DepartmentId = null, DateTimeOffset? NewDeadline = null, ClosingKind? ClosingKind = null, IReadOnlyList<StoredFile>? Photos = null,
    Guid? TargetCaseId = null, string? SupervisorUserId = null)
{
    public static readonly CaseActionInput Empty = new();
}

/// <summary>
/// Who may take an action and when: roles, the statuses it starts from, and — for actions that are a
/// workflow step — the stage and outcome of the open task it completes.
/// </summary>
public sealed record CaseActionSpec(
    CaseActionKind Kind, string Name, IReadOnlyList<string> Roles, IReadOnlyList<CaseStatus> From,
    StandardStage? Stage = null, string? Outcome = null, bool ReasonRequired = false);

public static class CaseActionCatalog
{
    private static readonly string[] Operator = [StaffRole.Operator];
    private static readonly string[] ShiftLeader = [StaffRole.ShiftLeader];
    private static readonly string[] Supervisor = [StaffRole.Supervisor];
    private static readonly string[] Dispatcher = [StaffRole.Dispatcher];
    private static readonly string[] Handler = [StaffRole.Handler];

    public static IReadOnlyList<CaseActionSpec> All { get; } =
    [
        new(CaseActionKind.Register, "受理", Operator, [CaseStatus.Reported], StandardStage.Acceptance, "受理"),
        new(CaseActionKind.RequestCancel, "申请作废", Operator, [CaseStatus.Reported], ReasonRequired: true),
        new(CaseActionKind.ApproveCancel, "同意作废", ShiftLeader, [CaseStatus.Reported], StandardStage.Acceptance, "作废"),
        new(CaseActionKind.RefuseCancel, "不同意作废", ShiftLeader, [CaseStatus.Reported]),
        new(CaseActionKind.VerifyTrue, "核实属实", Supervisor, [CaseStatus.PendingVerification], StandardStage.Verification, "属实"),
        new(CaseActionKind.VerifyFalse, "核实不属实", Supervisor, [CaseStatus.PendingVerification], StandardStage.Verification, "不属实", true),
        new(CaseActionKind.File, "立案", ShiftLeader, [CaseStatus.PendingFiling], StandardStage.Filing, "立案"),
        new(CaseActionKind.RejectFiling, "不予立案", ShiftLeader, [CaseStatus.PendingFiling], StandardStage.Filing, "不予立案", true),
        new(CaseActionKind.Dispatch, "派遣", Dispatcher, [CaseStatus.PendingDispatch], StandardStage.Dispatch, "派遣"),
        new(CaseActionKind.RefuseReturn, "不同意回退", Dispatcher, [CaseStatus.PendingDispatch], StandardStage.Dispatch, "派遣", true),
        new(CaseActionKind.SignFor, "签收", Handler, [CaseStatus.InDisposal], StandardStage.Disposal),
        new(CaseActionKind.ReportDisposal, "处置反馈", Handler, [CaseStatus.InDisposal], StandardStage.Disposal, "处置完毕"),
        new(CaseActionKind.RequestReturn, "申请回退", Handler, [CaseStatus.InDisposal], StandardStage.Disposal, "回退", true),
        new(CaseActionKind.RequestExtension, "申请延期", Handler, [CaseStatus.InDisposal], StandardStage.Disposal, "申请延期", true),
        new(CaseActionKind.ApproveExtension, "同意延期", Dispatcher, [CaseStatus.InDisposal], StandardStage.Dispatch, "同意"),
        new(CaseActionKind.RefuseExtension, "不同意延期", Dispatcher, [CaseStatus.InDisposal], StandardStage.Dispatch, "不同意", true),
        new(CaseActionKind.RequestPark, "申请挂账", Handler, [CaseStatus.InDisposal], StandardStage.Disposal, ReasonRequired: true),
        new(CaseActionKind.ApprovePark, "同意挂账", Dispatcher, [CaseStatus.InDisposal]),
        new(CaseActionKind.RefusePark, "不同意挂账", Dispatcher, [CaseStatus.InDisposal], ReasonRequired: true),
        new(CaseActionKind.Resume, "挂账恢复", Dispatcher, [CaseStatus.Parked]),
        new(CaseActionKind.CheckPass, "核查通过", Supervisor, [CaseStatus.PendingCheck], StandardStage.Check, "通过"),
        new(CaseActionKind.CheckFail, "核查不通过（返工）", Supervisor, [CaseStatus.PendingCheck], StandardStage.Check, "不通过", true),
        // 结案 after 核查, or a supervisor's 自行处置 reviewed while it waits for filing (its 自行处置审核 task is at 结案).
        new(CaseActionKind.Close, "结案", ShiftLeader, [CaseStatus.PendingClose, CaseStatus.PendingFiling], StandardStage.Closing, "结案"),
        new(CaseActionKind.SelfHandledToFiling, "审核不通过，转立案", ShiftLeader, [CaseStatus.PendingFiling], StandardStage.Closing, "转立案", true),
        new(CaseActionKind.Urge, "督办", [StaffRole.Dispatcher, StaffRole.Leader],
            [CaseStatus.PendingDispatch, CaseStatus.InDisposal, CaseStatus.Parked, CaseStatus.PendingCheck, CaseStatus.PendingClose], ReasonRequired: true),
        new(CaseActionKind.Merge, "合并", [StaffRole.Operator, StaffRole.ShiftLeader], [CaseStatus.Reported]),
    ];

    public static CaseActionSpec Of(CaseActionKind kind) => All.Single(s => s.Kind == kind);
}
