using CityMgmt.Domain.Common;

namespace CityMgmt.Domain.Components;

public enum ComponentChangeKind
{
    Created,
    Moved,
    StateChanged,
    AttributesChanged,
    Retired,
}

/// <summary>Where a change came from.</summary>
public enum ComponentChangeSource
{
    /// <summary>A base-data import file.</summary>
    Import,

    /// <summary>普查: a field check.</summary>
    Census,

    /// <summary>An administrator's edit on the map or form.</summary>
    Edit,

    /// <summary>A case's disposal (e.g. a replaced manhole cover).</summary>
    Case,
}

/// <summary>部件变更记录: every change of a component, with its CHDate. Append-only.</summary>
public sealed class ComponentChange : Entity, IAppendOnly
{
    public const int ValueMaxLength = 500;

    private ComponentChange()
    {
    }

    public ComponentChange(Guid componentId, DateTimeOffset at, DateOnly changeDate, ComponentChangeKind kind, ComponentChangeSource source, string actorName, string? oldValue, string? newValue, string? note = null)
    {
        ComponentId = componentId;
        At = at;
        ChangeDate = changeDate;
        Kind = kind;
        Source = source;
        ActorName = actorName.Length > 64 ? actorName[..64] : actorName;
        OldValue = Cut(oldValue);
        NewValue = Cut(newValue);
        Note = Cut(note);
    }

    public Guid ComponentId { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>CHDate as recorded on the component.</summary>
    public DateOnly ChangeDate { get; private set; }

    public ComponentChangeKind Kind { get; private set; }

    public ComponentChangeSource Source { get; private set; }

    public string ActorName { get; private set; } = string.Empty;

    public string? OldValue { get; private set; }

    public string? NewValue { get; private set; }

    public string? Note { get; private set; }

    private static string? Cut(string? text) => text is null || text.Length <= ValueMaxLength ? text : text[..ValueMaxLength];
}
