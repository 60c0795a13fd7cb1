using CityMgmt.Domain.Common;
using CityMgmt.Domain.Workflows.Model;

namespace CityMgmt.Domain.Workflows.Execution;

/// <summary>Moving tokens: what each kind of node does when a token arrives.</summary>
public sealed partial class WorkflowEngine
{
    /// <summary>Moves every token on the move until each rests at a task or a join, or the instance ends.</summary>
    private Result<StepResult> Advance(StepRun run, EngineContext context)
    {
        var arrivals = 0;
        while (run.Arrivals.TryDequeue(out var arrival))
        {
            var node = Process.Node(arrival.NodeId);
            if (++arrivals > MaxArrivalsPerStep)
            {
                return WorkflowErrors.EndlessLoop(node);
            }

            var arrived = Arrive(run, node, arrival.ViaFlowId, context);
            if (arrived.IsFailure)
            {
                return arrived.Error;
            }
        }

        run.CompleteIfIdle();
        return run.ToResult();
    }

    private Result Arrive(StepRun run, FlowNode node, string? viaFlowId, EngineContext context)
    {
        switch (node)
        {
            case UserTaskNode task:
                return OpenTask(run, task, viaFlowId, context);
            case ServiceTaskNode { Action: { } action } service:
                run.Events.Add(new ActionRequested(service.Id, action));
                Follow(run, service);
                return Result.Success();
            case ExclusiveGatewayNode gateway:
                return Choose(run, gateway);
            case ParallelGatewayNode gateway:
                Join(run, gateway, viaFlowId);
                return Result.Success();
            case EndEventNode { Terminate: true }:
                run.Terminate();
                return Result.Success();
            case EndEventNode:
                return Result.Success();
            case StartEventNode or BoundaryTimerNode:
                Follow(run, node);
                return Result.Success();
            default:
                return WorkflowErrors.NodeNotExecutable(node);
        }
    }

    /// <summary>Sends the token down every outgoing flow: the one flow a validated activity has.</summary>
    private void Follow(StepRun run, FlowNode node)
    {
        foreach (var flow in Process.Outgoing(node.Id))
        {
            run.Arrivals.Enqueue((flow.TargetRef, flow.Id));
        }
    }

    private Result OpenTask(StepRun run, UserTaskNode node, string? viaFlowId, EngineContext context)
    {
        var limit = node.Limit switch
        {
            null => null,
            { Fixed: { } fixedLimit } => fixedLimit,
            _ => context.CategoryLimit,
        };
        if (node.Limit is { UsesCategory: true } && limit is null)
        {
            return WorkflowErrors.CategoryLimitMissing(node);
        }

        var due = limit is { } l ? DueDates.Task(l, context) : (DateTimeOffset?)null;
        var task = new OpenTask(context.NewId(), node.Id, context.Now.ToUniversalTime(), due, limit);
        run.Tasks.Add(task);
        run.Tokens.Add(new Token(node.Id, task.Id, viaFlowId));
        run.Events.Add(new TaskOpened(task.Id, node.Id, node.Name, node.Role, node.Assignment, node.Stage, node.Outcomes, due, limit));
        foreach (var boundary in Process.TimersOn(node.Id))
        {
            if (boundary.Duration is not { } duration)
            {
                return WorkflowErrors.NodeNotExecutable(boundary);
            }

            var timer = new OpenTimer(context.NewId(), boundary.Id, task.Id, DueDates.Timer(duration, limit, context), boundary.Interrupting);
            run.Timers.Add(timer);
            run.Events.Add(new TimerScheduled(timer.Id, boundary.Id, task.Id, timer.DueAt, timer.Interrupting));
        }

        return Result.Success();
    }

    /// <summary>The first flow in document order whose condition holds (no condition counts as true), else the default.</summary>
    private Result Choose(StepRun run, ExclusiveGatewayNode gateway)
    {
        SequenceFlow? chosen = null;
        foreach (var flow in Process.Outgoing(gateway.Id))
        {
            if (flow.Id == gateway.DefaultFlowId)
            {
                continue;
            }

            if (flow.Condition is null)
            {
                chosen = flow;
                break;
            }

            var compiled = _conditions[flow.Id];
            var holds = compiled.IsSuccess ? compiled.Value.Evaluate(run.Variables, flow) : Result.Failure<bool>(compiled.Error);
            if (holds.IsFailure)
            {
                return holds.Error;
            }

            if (holds.Value)
            {
                chosen = flow;
                break;
            }
        }

        chosen ??= gateway.DefaultFlowId is { } defaultId ? Process.FindFlow(defaultId) : null;
        if (chosen is null || chosen.SourceRef != gateway.Id)
        {
            return WorkflowErrors.NoPath(gateway);
        }

        run.Arrivals.Enqueue((chosen.TargetRef, chosen.Id));
        return Result.Success();
    }

    /// <summary>
    /// With one incoming flow a parallel gateway forks at once. With several it parks the token and, once a
    /// token waits on every incoming flow, consumes one per flow and forks.
    /// </summary>
    private void Join(StepRun run, ParallelGatewayNode gateway, string? viaFlowId)
    {
        var incoming = Process.Incoming(gateway.Id);
        if (incoming.Length > 1)
        {
            run.Tokens.Add(new Token(gateway.Id, TaskId: null, viaFlowId));
            var waiting = incoming.Select(f => run.Tokens.Find(t => t.TaskId is null && t.NodeId == gateway.Id && t.ViaFlowId == f.Id)).ToList();
            if (waiting.Any(t => t is null))
            {
                return;
            }

            waiting.ForEach(t => run.Tokens.Remove(t!));
        }

        Follow(run, gateway);
    }
}
