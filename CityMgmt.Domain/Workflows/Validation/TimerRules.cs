using CityMgmt.Domain.Workflows.Model;

namespace CityMgmt.Domain.Workflows.Validation;

/// <summary>Timer boundary events sit on a user task and say when they fire, in a form the engine can count.</summary>
internal static class TimerRules
{
    public static void Check(WorkflowProcess process, ProblemList problems)
    {
        foreach (var timer in process.Nodes.OfType<BoundaryTimerNode>())
        {
            var attached = process.FindNode(timer.AttachedToRef);
            if (attached is null)
            {
                problems.Add(timer, ProblemCodes.BadAttachment, $"定时边界事件附着的任务“{timer.AttachedToRef}”不存在");
            }
            else if (attached is not UserTaskNode)
            {
                problems.Add(timer, ProblemCodes.BadAttachment, "定时边界事件只能附着在人工任务上");
            }

            CheckDuration(timer, attached as UserTaskNode, problems);
        }
    }

    private static void CheckDuration(BoundaryTimerNode timer, UserTaskNode? task, ProblemList problems)
    {
        if (timer.FractionText is not null && timer.DurationText is not null)
        {
            problems.Add(timer, ProblemCodes.BadTimer, "时限比例（cm:limitFraction）和时长（timeDuration）只能设置一种");
            return;
        }

        var parsed = timer.FractionText is not null ? TimerDuration.ParseFraction(timer.FractionText)
            : timer.DurationText is not null ? TimerDuration.ParseDuration(timer.DurationText)
            : null;
        if (parsed is null)
        {
            problems.Add(timer, ProblemCodes.BadTimer, "定时边界事件必须设置时限比例（cm:limitFraction）或时长（timeDuration）");
        }
        else if (parsed.IsFailure)
        {
            problems.Add(timer, ProblemCodes.BadTimer, parsed.Error.Message);
        }
        else if (parsed.Value is FractionOfTaskLimit && task is not null && task.LimitText is null)
        {
            problems.Add(timer, ProblemCodes.BadTimer, $"按时限比例计时，但附着的任务“{task.Label}”没有设置时限（cm:limit）");
        }
    }
}
