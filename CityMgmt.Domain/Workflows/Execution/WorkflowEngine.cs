using System.Collections.Frozen;
using CityMgmt.Domain.Common;
using CityMgmt.Domain.Workflows.Conditions;
using CityMgmt.Domain.Workflows.Model;

namespace CityMgmt.Domain.Workflows.Execution;

/// <summary>
/// Runs instances of one process version, token by token. Stateless and thread-safe: build one per published
/// version and reuse it. Each call takes the instance state and returns the next one with what happened;
/// a refused call returns a failure and the caller keeps the state it had. Expects a process that
/// <see cref="Validation.WorkflowValidator"/> passed.
/// </summary>
public sealed partial class WorkflowEngine
{
    // Far above any real process; only a loop of gateways and service tasks gets here, which the validator refuses.
    private const int MaxArrivalsPerStep = 10_000;

    private readonly FrozenDictionary<string, Result<CompiledCondition>> _conditions;

    public WorkflowEngine(WorkflowProcess process)
    {
        Process = process ?? throw new ArgumentNullException(nameof(process));
        _conditions = process.Flows
            .Where(f => f.Condition is not null)
            .ToFrozenDictionary(f => f.Id, f => ConditionChecker.Compile(f.Condition), StringComparer.Ordinal);
    }

    public WorkflowProcess Process { get; }

    /// <summary>Starts an instance with the case's variables (see <see cref="WorkflowVariables"/>).</summary>
    public Result<StepResult> Start(IReadOnlyDictionary<string, object?> variables, EngineContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var starts = Process.StartEvents.ToList();
        if (starts.Count != 1)
        {
            return WorkflowErrors.NoStartEvent;
        }

        var values = WorkflowValues.From(variables);
        if (!values.ContainsKey(WorkflowVariables.Outcome))
        {
            values = values.Add(WorkflowVariables.Outcome, null);
        }

        var run = StepRun.Empty(values);
        run.Arrivals.Enqueue((starts[0].Id, null));
        return Advance(run, context);
    }

    /// <summary>
    /// Completes an open task with one of its offered outcomes (none when it offers none). The outcome becomes
    /// the <c>outcome</c> variable and the form data is merged into the variables before routing on.
    /// </summary>
    public Result<StepResult> CompleteTask(
        InstanceState state,
        string taskId,
        string? outcome,
        IReadOnlyDictionary<string, object?>? formData,
        EngineContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(context);
        if (state.Completed)
        {
            return WorkflowErrors.InstanceCompleted;
        }

        if (state.FindTask(taskId) is not { } task)
        {
            return WorkflowErrors.TaskNotOpen(taskId);
        }

        var node = (UserTaskNode)Process.Node(task.NodeId);
        var check = CheckOutcome(node, string.IsNullOrWhiteSpace(outcome) ? null : outcome.Trim());
        if (check.IsFailure)
        {
            return check.Error;
        }

        var run = new StepRun(state);
        run.CloseTask(task, TaskCloseReason.Completed, check.Value);
        run.Variables[WorkflowVariables.Outcome] = check.Value;
        foreach (var (key, value) in formData ?? new Dictionary<string, object?>())
        {
            run.Variables[key] = WorkflowValues.Normalise(value);
        }

        Follow(run, node);
        return Advance(run, context);
    }

    /// <summary>
    /// Fires a due timer once. An interrupting timer closes its task; a non-interrupting one leaves it open.
    /// Either way a new token leaves through the boundary event. A fired or cancelled timer is refused.
    /// </summary>
    public Result<StepResult> FireTimer(InstanceState state, string timerId, EngineContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(context);
        if (state.Completed)
        {
            return WorkflowErrors.InstanceCompleted;
        }

        if (state.FindTimer(timerId) is not { } timer)
        {
            return WorkflowErrors.TimerNotOpen(timerId);
        }

        if (context.Now < timer.DueAt)
        {
            return WorkflowErrors.TimerNotDue(timerId, timer.DueAt);
        }

        var run = new StepRun(state);
        run.Timers.Remove(timer);
        if (timer.Interrupting && run.Tasks.FirstOrDefault(t => t.Id == timer.TaskId) is { } task)
        {
            run.CloseTask(task, TaskCloseReason.Interrupted, outcome: null);
        }

        run.Arrivals.Enqueue((timer.NodeId, null));
        return Advance(run, context);
    }

    /// <summary>
    /// Ends a running instance from outside the process (e.g. its case was merged into another): every open task
    /// closes as terminated, every timer is cancelled, the instance completes as terminated.
    /// </summary>
    public static Result<StepResult> Terminate(InstanceState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Completed)
        {
            return WorkflowErrors.InstanceCompleted;
        }

        var run = new StepRun(state);
        run.Terminate();
        return run.ToResult();
    }

    private static Result<string?> CheckOutcome(UserTaskNode node, string? outcome)
    {
        if (node.Outcomes.IsEmpty)
        {
            return outcome is null ? Result.Success<string?>(null) : WorkflowErrors.NoOutcomesOffered(outcome, node);
        }

        if (outcome is null)
        {
            return WorkflowErrors.OutcomeRequired(node, node.Outcomes);
        }

        return node.Outcomes.Contains(outcome, StringComparer.Ordinal) ? outcome : WorkflowErrors.OutcomeNotOffered(outcome, node, node.Outcomes);
    }
}
