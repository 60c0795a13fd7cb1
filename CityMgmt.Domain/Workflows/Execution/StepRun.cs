using System.Collections.Immutable;

namespace CityMgmt.Domain.Workflows.Execution;

/// <summary>
/// The mutable working copy of one step. The input state is never touched, so a step that fails leaves the
/// caller's state exactly as it was.
/// </summary>
internal sealed class StepRun
{
    public StepRun(InstanceState state)
    {
        Tokens = [.. state.Tokens];
        Tasks = [.. state.OpenTasks];
        Timers = [.. state.Timers];
        Variables = state.Variables.ToBuilder();
    }

    public List<Token> Tokens { get; }

    public List<OpenTask> Tasks { get; }

    public List<OpenTimer> Timers { get; }

    public ImmutableSortedDictionary<string, object?>.Builder Variables { get; }

    public List<WorkflowEvent> Events { get; } = [];

    /// <summary>Tokens on the move: the node each arrives at and the flow it came through.</summary>
    public Queue<(string NodeId, string? ViaFlowId)> Arrivals { get; } = new();

    public bool Completed { get; private set; }

    public bool Terminated { get; private set; }

    public static StepRun Empty(ImmutableSortedDictionary<string, object?> variables) =>
        new(new InstanceState([], [], [], variables, Completed: false, Terminated: false));

    /// <summary>Closes a task, removes its token and cancels its timers.</summary>
    public void CloseTask(OpenTask task, TaskCloseReason reason, string? outcome)
    {
        Tasks.Remove(task);
        Tokens.RemoveAll(t => t.TaskId == task.Id);
        Events.Add(new TaskClosed(task.Id, task.NodeId, reason, outcome));
        foreach (var timer in Timers.Where(t => t.TaskId == task.Id).ToList())
        {
            Timers.Remove(timer);
            Events.Add(new TimerCancelled(timer.Id, timer.NodeId));
        }
    }

    /// <summary>A terminate end: every task and timer closes, every token goes, the instance ends.</summary>
    public void Terminate()
    {
        foreach (var task in Tasks.ToList())
        {
            CloseTask(task, TaskCloseReason.Terminated, outcome: null);
        }

        foreach (var timer in Timers)
        {
            Events.Add(new TimerCancelled(timer.Id, timer.NodeId));
        }

        Timers.Clear();
        Tokens.Clear();
        Arrivals.Clear();
        Complete(terminated: true);
    }

    /// <summary>Ends the instance once nothing is left to run.</summary>
    public void CompleteIfIdle()
    {
        if (!Completed && Tokens.Count == 0 && Arrivals.Count == 0)
        {
            Complete(terminated: false);
        }
    }

    public StepResult ToResult() => new(
        new InstanceState([.. Tokens], [.. Tasks], [.. Timers], Variables.ToImmutable(), Completed, Terminated),
        [.. Events]);

    private void Complete(bool terminated)
    {
        Completed = true;
        Terminated = terminated;
        Events.Add(new InstanceCompleted(terminated));
    }
}
