namespace CityMgmt.Domain.Workflows.Model;

/// <summary>A sequence flow; <see cref="Condition"/> is an NCalc expression, null when unconditional.</summary>
public sealed record SequenceFlow(string Id, string Name, string SourceRef, string TargetRef, string? Condition)
{
    public string Label => string.IsNullOrWhiteSpace(Name) ? Id : Name;
}
