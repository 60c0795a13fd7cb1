namespace CityMgmt.Domain.Workflows.Model;

/// <summary>
/// Something in the process we cannot execute, reported by the validator rather than ignored:
/// <paramref name="ElementId"/> and <paramref name="ElementName"/> are those of the element itself or, for a
/// child such as a loop marker, of the node that carries it; <paramref name="XmlName"/> is the BPMN element name.
/// </summary>
public sealed record UnsupportedElement(string ElementId, string ElementName, string XmlName);
