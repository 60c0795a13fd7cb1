namespace CityMgmt.Domain.Common;

/// <summary>Base of every persisted entity: a surrogate key and who/when columns filled by the persistence layer.</summary>
public abstract class Entity
{
    public Guid Id { get; protected init; } = Guid.CreateVersion7();

    public DateTimeOffset CreatedAt { get; internal set; }

    public string? CreatedBy { get; internal set; }

    public DateTimeOffset? ModifiedAt { get; internal set; }

    public string? ModifiedBy { get; internal set; }
}

/// <summary>
/// A consistency boundary. <see cref="Version"/> is the optimistic concurrency token: the persistence
/// layer bumps it on every save, so two users saving the same aggregate cannot both win.
/// </summary>
public abstract class AggregateRoot : Entity
{
    public int Version { get; internal set; }
}

/// <summary>Marks rows that may be inserted but never changed or deleted (histories, audits).</summary>
public interface IAppendOnly;
