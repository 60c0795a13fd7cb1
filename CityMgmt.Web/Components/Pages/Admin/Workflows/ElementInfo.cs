namespace CityMgmt.Web.Components.Pages.Admin.Workflows;

/// <summary>What the designer's JS reports about the selected BPMN element (see wwwroot/js/workflow-designer.js).</summary>
public sealed class ElementInfo
{
    public string Id { get; set; } = string.Empty;

    public string Type { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public Dictionary<string, string> Attributes { get; set; } = [];

    public string? Condition { get; set; }

    public bool IsDefaultFlow { get; set; }

    public string? SourceType { get; set; }

    public bool? CancelActivity { get; set; }

    public string? TimerDuration { get; set; }

    public string Attr(string key) => Attributes.GetValueOrDefault(key, string.Empty);

    public string TypeName => Type switch
    {
        "UserTask" => "人工任务",
        "ServiceTask" => "服务任务",
        "Task" => "任务（请改为人工任务或服务任务）",
        "ExclusiveGateway" => "排他网关",
        "ParallelGateway" => "并行网关",
        "StartEvent" => "开始事件",
        "EndEvent" => "结束事件",
        "BoundaryEvent" => "边界事件",
        "SequenceFlow" => "顺序流",
        "Process" => "流程",
        _ => Type + "（不支持）",
    };
}

/// <summary>A change sent to the JS side; null members are left as they are.</summary>
public sealed record ElementChange(
    string? Name = null,
    Dictionary<string, string>? Attributes = null,
    string? Condition = null,
    bool? IsDefaultFlow = null,
    string? TimerDuration = null);
