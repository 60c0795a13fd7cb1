using System.Collections.Immutable;
using System.Text.Json.Serialization;
using CityMgmt.Domain.Calendar;

namespace CityMgmt.Domain.Workflows.Execution;

/// <summary>
/// Where a running instance stands: every step takes one and returns a new one. Serialise it with
/// <see cref="InstanceStateJson"/>; it holds only strings, numbers, booleans and instants.
/// </summary>
/// <param name="Tokens">Tokens at rest: one per open task, and those waiting at a parallel join.</param>
/// <param name="OpenTasks">Open user tasks, oldest first.</param>
/// <param name="Timers">Timers scheduled and not yet fired or cancelled.</param>
/// <param name="Variables">Case fields and the last outcome, read by conditions.</param>
/// <param name="Completed">True once the instance has ended; no step is accepted after that.</param>
/// <param name="Terminated">True when it ended through a terminate end event.</param>
public sealed record InstanceState(
    ImmutableArray<Token> Tokens,
    ImmutableArray<OpenTask> OpenTasks,
    ImmutableArray<OpenTimer> Timers,
    [property: JsonConverter(typeof(VariablesJsonConverter))] ImmutableSortedDictionary<string, object?> Variables,
    bool Completed,
    bool Terminated)
{
    /// <summary>Tokens waiting at parallel joins, grouped by gateway.</summary>
    [JsonIgnore]
    public IEnumerable<PendingJoin> PendingJoins => Tokens
        .Where(t => t.TaskId is null)
        .GroupBy(t => t.NodeId, StringComparer.Ordinal)
        .Select(g => new PendingJoin(g.Key, [.. g.Select(t => t.ViaFlowId ?? string.Empty)]));

    public OpenTask? FindTask(string taskId) => OpenTasks.FirstOrDefault(t => t.Id == taskId);

    public OpenTimer? FindTimer(string timerId) => Timers.FirstOrDefault(t => t.Id == timerId);
}

/// <summary>
/// A token at rest: at a user task (<paramref name="TaskId"/> set) or at a parallel join, having arrived
/// through <paramref name="ViaFlowId"/>.
/// </summary>
public sealed record Token(string NodeId, string? TaskId, string? ViaFlowId);

/// <summary>An open user task. <paramref name="Limit"/> and <paramref name="DueAt"/> are null for a task without a limit.</summary>
public sealed record OpenTask(string Id, string NodeId, DateTimeOffset OpenedAt, DateTimeOffset? DueAt, TimeLimit? Limit);

/// <summary>A scheduled timer of boundary event <paramref name="NodeId"/> on task <paramref name="TaskId"/>.</summary>
public sealed record OpenTimer(string Id, string NodeId, string TaskId, DateTimeOffset DueAt, bool Interrupting);

/// <summary>A parallel join with the incoming flows a token has arrived through so far.</summary>
public sealed record PendingJoin(string GatewayId, ImmutableArray<string> ArrivedFlowIds);
