using CityMgmt.Domain.Common;
using CityMgmt.Domain.Workflows.Model;

namespace CityMgmt.Domain.Workflows;

/// <summary>Expected failures of parsing, conditions, execution and migration. Messages are shown to users as is.</summary>
public static class WorkflowErrors
{
    public static readonly Error EmptyDocument = new("Workflow.EmptyDocument", "流程文件为空");
    public static readonly Error DtdRefused = new("Workflow.DtdRefused", "流程文件包含 DTD 或实体声明（<!DOCTYPE>、<!ENTITY>），出于安全原因拒绝解析");
    public static readonly Error NotBpmn = new("Workflow.NotBpmn", "不是 BPMN 2.0 流程文件：根元素应为 BPMN 命名空间的 definitions");
    public static readonly Error NoProcess = new("Workflow.NoProcess", "流程文件中没有流程（process）");
    public static readonly Error ConditionEmpty = new("Workflow.ConditionEmpty", "条件表达式不能为空");
    public static readonly Error InstanceCompleted = new("Workflow.InstanceCompleted", "流程实例已结束，不能再办理");
    public static readonly Error NoStartEvent = new("Workflow.NoStartEvent", "流程必须有且只有一个开始事件");
    public static readonly Error MigrationOfCompleted = new("Workflow.MigrationOfCompleted", "流程实例已结束，无需迁移");

    public static Error DocumentTooLarge(int maxCharacters) => new("Workflow.DocumentTooLarge", $"流程文件过大：不能超过 {maxCharacters / 1024} KB");

    public static Error MalformedXml(int line, int position) => new("Workflow.MalformedXml", $"流程文件不是有效的 XML（第 {line} 行第 {position} 列附近）");

    public static Error SeveralProcesses(int count) => new("Workflow.SeveralProcesses", $"只支持一个流程，文件中有 {count} 个流程（process）");

    public static Error MissingId(string element, string name) => new("Workflow.MissingId", $"元素 {element}{Quoted(name)}缺少 id 属性");

    public static Error DuplicateId(string id) => new("Workflow.DuplicateId", $"元素标识“{id}”重复");

    public static Error FlowEndsMissing(string id) => new("Workflow.FlowEndsMissing", $"连线“{id}”缺少起点或终点（sourceRef/targetRef）");

    public static Error LimitUnreadable(string text) => new("Workflow.LimitUnreadable", $"无法识别的时限“{text}”：应写作 category，或“数值 单位”如“0.5 WorkingHours”（单位为 UrgentHours、WorkingHours、WorkingDays）");

    public static Error FractionUnreadable(string text) => new("Workflow.FractionUnreadable", $"无法识别的时限比例“{text}”：应为小数，如 0.8");

    public static Error FractionOutOfRange(decimal fraction) => new("Workflow.FractionOutOfRange", $"时限比例 {fraction} 超出范围：应大于 0 且不超过 {TimerDuration.MaxFraction}");

    public static Error DurationUnreadable(string text) => new("Workflow.DurationUnreadable", $"无法识别的定时时长“{text}”：应为 ISO-8601 时长（如 PT2H、P1DT4H，不支持年和月）或“数值 单位”（如 2 WorkingHours）");

    public static Error DurationOutOfRange(string text) => new("Workflow.DurationOutOfRange", $"定时时长“{text}”必须大于 0 且不超过一年");

    public static Error ConditionSyntax(string expression, string? position) => new("Workflow.ConditionSyntax", $"条件表达式“{expression}”有语法错误{(position is null ? string.Empty : $"（{position}附近）")}");

    public static Error ConditionUnknownVariable(string name, IEnumerable<string> known) => new("Workflow.ConditionUnknownVariable", $"条件中使用了未知变量“{name}”，可用变量：{string.Join('、', known)}");

    public static Error ConditionFunctionNotAllowed(string name) => new("Workflow.ConditionFunctionNotAllowed", $"条件中不允许调用函数“{name}”，只能使用 if 和 in");

    public static Error ConditionNotBoolean(SequenceFlow flow) => new("Workflow.ConditionNotBoolean", $"连线“{flow.Label}”的条件“{flow.Condition}”的结果不是“是/否”");

    public static Error ConditionFailed(SequenceFlow flow) => new("Workflow.ConditionFailed", $"连线“{flow.Label}”的条件“{flow.Condition}”无法计算，请检查变量类型");

    public static Error NoPath(FlowNode gateway) => new("Workflow.NoPath", $"网关“{gateway.Label}”没有满足条件的出口，也没有默认出口");

    public static Error TaskNotOpen(string taskId) => new("Workflow.TaskNotOpen", $"任务“{taskId}”不存在或已办结");

    public static Error OutcomeRequired(FlowNode task, IEnumerable<string> outcomes) => new("Workflow.OutcomeRequired", $"请为任务“{task.Label}”选择处理结果：{OutcomeLabels.Describe(outcomes)}");

    public static Error OutcomeNotOffered(string outcome, FlowNode task, IEnumerable<string> outcomes) => new("Workflow.OutcomeNotOffered", $"“{outcome}”不是任务“{task.Label}”可选的处理结果，可选：{OutcomeLabels.Describe(outcomes)}");

    public static Error NoOutcomesOffered(string outcome, FlowNode task) => new("Workflow.NoOutcomesOffered", $"任务“{task.Label}”没有可选的处理结果，不能选择“{outcome}”");

    public static Error TimerNotOpen(string timerId) => new("Workflow.TimerNotOpen", $"定时器“{timerId}”不存在、已触发或已取消");

    public static Error TimerNotDue(string timerId, DateTimeOffset dueAt) => new("Workflow.TimerNotDue", $"定时器“{timerId}”尚未到期（到期时间 {dueAt:yyyy-MM-dd HH:mm} UTC）");

    public static Error CategoryLimitMissing(FlowNode task) => new("Workflow.CategoryLimitMissing", $"任务“{task.Label}”按案件类别计时，但未提供该类别的处置时限");

    public static Error EndlessLoop(FlowNode node) => new("Workflow.EndlessLoop", $"流程在“{node.Label}”附近陷入无限循环：循环中必须有人工任务");

    public static Error NodesUnmapped(IEnumerable<FlowNode> nodes) => new("Workflow.NodesUnmapped", $"以下节点在新版本中不存在或类型不同，请为它们指定对应的新节点：{string.Join('、', nodes.Select(n => $"{Quoted(n.Name)}（{n.Id}）"))}");

    public static Error MappingTargetInvalid(string nodeId, string targetId) => new("Workflow.MappingTargetInvalid", $"节点“{nodeId}”映射到的“{targetId}”在新版本中不存在或类型不同");

    public static Error JoinFlowUnmapped(string gatewayId, string flowId) => new("Workflow.JoinFlowUnmapped", $"并行网关“{gatewayId}”在新版本中没有入口连线“{flowId}”，等待中的分支无法迁移");

    public static Error NodeNotExecutable(FlowNode node) => new("Workflow.NodeNotExecutable", $"节点“{node.Label}”无法执行：请先通过流程校验再发布");

    private static string Quoted(string name) => string.IsNullOrWhiteSpace(name) ? string.Empty : $"“{name}”";
}
