using CityMgmt.Domain.Common;

namespace CityMgmt.Domain.Workflows.Definitions;

public enum WorkflowDefinitionStatus
{
    /// <summary>草稿: editable, not used by cases.</summary>
    Draft,

    /// <summary>已发布: immutable; new cases start on the newest published version of the key.</summary>
    Published,

    /// <summary>已停用: kept for the cases that still run on it.</summary>
    Retired,
}

/// <summary>
/// One version of a routing workflow (BPMN XML). Published versions never change; each case keeps the
/// version it started on until an administrator migrates it.
/// </summary>
public sealed class WorkflowDefinition : AggregateRoot
{
    public const int KeyMaxLength = 64;
    public const int NameMaxLength = 60;
    public const int MaxXmlLength = 1024 * 1024;

    private WorkflowDefinition()
    {
    }

    /// <summary>Stable identifier across versions (the BPMN process id), e.g. "citymgmt-standard".</summary>
    public string Key { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public int VersionNumber { get; private set; }

    public WorkflowDefinitionStatus Status { get; private set; }

    public string BpmnXml { get; private set; } = string.Empty;

    public DateTimeOffset? PublishedAt { get; private set; }

    public string? PublishedBy { get; private set; }

    public string? Note { get; private set; }

    public bool IsEditable => Status == WorkflowDefinitionStatus.Draft;

    public static Result<WorkflowDefinition> CreateDraft(string key, string name, int versionNumber, string xml, string? note = null)
    {
        key = key?.Trim() ?? string.Empty;
        if (key.Length is 0 or > KeyMaxLength || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            return DefinitionErrors.InvalidKey;
        }

        if (versionNumber < 1)
        {
            return DefinitionErrors.InvalidVersion;
        }

        var definition = new WorkflowDefinition { Key = key, VersionNumber = versionNumber, Status = WorkflowDefinitionStatus.Draft };
        var set = definition.SetContent(name, xml, note);
        return set.IsFailure ? set.Error : definition;
    }

    public Result UpdateDraft(string name, string xml, string? note)
    {
        if (!IsEditable)
        {
            return DefinitionErrors.NotEditable(VersionNumber);
        }

        return SetContent(name, xml, note);
    }

    /// <summary>Publishes this draft. The caller has validated the XML; this only guards the state.</summary>
    public Result Publish(DateTimeOffset at, string by)
    {
        if (!IsEditable)
        {
            return DefinitionErrors.NotEditable(VersionNumber);
        }

        Status = WorkflowDefinitionStatus.Published;
        PublishedAt = at;
        PublishedBy = by;
        return Result.Success();
    }

    public Result Retire()
    {
        if (Status != WorkflowDefinitionStatus.Published)
        {
            return DefinitionErrors.OnlyPublishedRetire;
        }

        Status = WorkflowDefinitionStatus.Retired;
        return Result.Success();
    }

    private Result SetContent(string name, string xml, string? note)
    {
        name = name?.Trim() ?? string.Empty;
        if (name.Length is 0 or > NameMaxLength)
        {
            return DefinitionErrors.InvalidName;
        }

        if (string.IsNullOrWhiteSpace(xml))
        {
            return DefinitionErrors.EmptyXml;
        }

        if (xml.Length > MaxXmlLength)
        {
            return DefinitionErrors.XmlTooLarge;
        }

        (Name, BpmnXml, Note) = (name, xml, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
        return Result.Success();
    }
}

public static class DefinitionErrors
{
    public static readonly Error InvalidKey = new("Workflow.InvalidKey", "流程标识须为1-64位字母、数字、连字符、下划线或点");
    public static readonly Error InvalidVersion = new("Workflow.InvalidVersion", "版本号必须从1开始");
    public static readonly Error InvalidName = new("Workflow.InvalidName", "流程名称不能为空且不超过60个字");
    public static readonly Error EmptyXml = new("Workflow.EmptyXml", "流程内容不能为空");
    public static readonly Error XmlTooLarge = new("Workflow.XmlTooLarge", "流程文件不能超过1 MB");
    public static readonly Error OnlyPublishedRetire = new("Workflow.OnlyPublishedRetire", "只有已发布的版本可以停用");
    public static readonly Error NotFound = new("Workflow.NotFound", "流程版本不存在");
    public static readonly Error HasProblems = new("Workflow.HasProblems", "流程校验未通过，请先修正标红的元素");

    public static Error NotEditable(int version) =>
        new("Workflow.NotEditable", $"第{version}版已发布，不能修改；请基于它新建草稿");
}
