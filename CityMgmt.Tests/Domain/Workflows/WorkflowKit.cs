using System.Globalization;
using CityMgmt.Domain.Calendar;
using CityMgmt.Domain.Workflows.Execution;
using CityMgmt.Domain.Workflows.Model;
using CityMgmt.Domain.Workflows.Parsing;

namespace CityMgmt.Tests.Domain.Workflows;

/// <summary>Small BPMN documents, contexts on the default calendar and lookups for engine tests. 2026-03-02 is a Monday.</summary>
internal static class WorkflowKit
{
    public static readonly WorkingCalendar Calendar = WorkingCalendar.Default;

    /// <summary>Monday 2026-03-02 10:00 China time.</summary>
    public static readonly DateTimeOffset Monday10 = Cn("2026-03-02 10:00");

    public static DateTimeOffset Cn(string local) =>
        new(DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), TimeSpan.FromHours(8));

    /// <summary>A definitions document around a process body, with the bpmn, cm and xsi prefixes declared.</summary>
    public static string Document(string body, string processId = "p", string processName = "测试流程") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="{BpmnNames.ModelNamespaceUri}" xmlns:cm="{BpmnNames.ExtensionNamespaceUri}"
                          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="http://test">
          <bpmn:process id="{processId}" name="{processName}" isExecutable="true">
        {body}
          </bpmn:process>
        </bpmn:definitions>
        """;

    public static WorkflowProcess Parse(string body)
    {
        var result = BpmnParser.Parse(Document(body));
        result.IsSuccess.ShouldBeTrue(result.IsFailure ? result.Error.Message : string.Empty);
        return result.Value;
    }

    public static WorkflowEngine Engine(string body) => new(Parse(body));

    public static string Flow(string id, string from, string to, string? condition = null, string name = "") => condition is null
        ? $"""<bpmn:sequenceFlow id="{id}" name="{name}" sourceRef="{from}" targetRef="{to}" />"""
        : $"""<bpmn:sequenceFlow id="{id}" name="{name}" sourceRef="{from}" targetRef="{to}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{condition}</bpmn:conditionExpression></bpmn:sequenceFlow>""";

    public static string UserTask(string id, string outcomes = "", string limit = "", string name = "") =>
        $"""<bpmn:userTask id="{id}" name="{(name == string.Empty ? id : name)}" cm:role="Operator"{(outcomes == string.Empty ? string.Empty : $" cm:outcomes=\"{outcomes}\"")}{(limit == string.Empty ? string.Empty : $" cm:limit=\"{limit}\"")} />""";

    public static string Timer(string id, string attachedTo, string fraction, bool interrupting) =>
        $"""<bpmn:boundaryEvent id="{id}" name="{id}" attachedToRef="{attachedTo}" cancelActivity="{(interrupting ? "true" : "false")}" cm:limitFraction="{fraction}"><bpmn:timerEventDefinition /></bpmn:boundaryEvent>""";

    /// <summary>start → A → end: the smallest runnable process.</summary>
    public static string Linear(string outcomes = "") => $"""
        <bpmn:startEvent id="start" />
        {UserTask("A", outcomes)}
        <bpmn:endEvent id="end" />
        {Flow("f1", "start", "A")}
        {Flow("f2", "A", "end")}
        """;

    /// <summary>A context at <paramref name="now"/> whose ids run t1, t2 … for this context.</summary>
    public static EngineContext Context(DateTimeOffset? now = null, TimeLimit? categoryLimit = null) =>
        EngineContext.WithCounter(now ?? Monday10, Calendar) with { CategoryLimit = categoryLimit };

    public static Dictionary<string, object?> Vars(params (string Name, object? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value);

    public static StepResult Ok(this CityMgmt.Domain.Common.Result<StepResult> result)
    {
        result.IsSuccess.ShouldBeTrue(result.IsFailure ? result.Error.Message : string.Empty);
        return result.Value;
    }

    public static OpenTask Task(this InstanceState state, string nodeId) => state.OpenTasks.Single(t => t.NodeId == nodeId);

    public static OpenTimer TimerOf(this InstanceState state, string nodeId) => state.Timers.Single(t => t.NodeId == nodeId);

    public static string[] OpenNodes(this InstanceState state) => [.. state.OpenTasks.Select(t => t.NodeId)];

    public static T[] Of<T>(this StepResult step) => [.. step.Events.OfType<T>()];
}
