using CityMgmt.Domain.Organisation;
using CityMgmt.Domain.Workflows.Model;

namespace CityMgmt.Domain.Workflows.Validation;

/// <summary>User tasks say who works on them, by when, in which stage and with which outcomes; service tasks name a known action.</summary>
internal static class TaskRules
{
    public static void Check(WorkflowProcess process, ValidationOptions options, ProblemList problems)
    {
        foreach (var node in process.Nodes)
        {
            switch (node)
            {
                case UserTaskNode task:
                    CheckUserTask(task, problems);
                    break;
                case ServiceTaskNode { Action: null } service:
                    problems.Add(service, ProblemCodes.UnknownAction, "服务任务必须设置动作（cm:action）");
                    break;
                case ServiceTaskNode service when !options.KnownActions.Contains(service.Action!):
                    problems.Add(service, ProblemCodes.UnknownAction, $"未知动作“{service.Action}”，可选：{string.Join('、', options.KnownActions.Order(StringComparer.Ordinal))}");
                    break;
            }
        }
    }

    private static void CheckUserTask(UserTaskNode task, ProblemList problems)
    {
        if (task.Role is null && task.AssignmentText is null)
        {
            problems.Add(task, ProblemCodes.NoPerformer, "人工任务必须设置角色（cm:role）或分派规则（cm:assignment）");
        }

        if (task.Role is not null && !StaffRole.IsKnown(task.Role))
        {
            problems.Add(task, ProblemCodes.UnknownRole, $"未知角色“{task.Role}”，可选：{string.Join('、', StaffRole.All)}");
        }

        if (task.AssignmentText is not null && task.Assignment is null)
        {
            problems.Add(task, ProblemCodes.UnknownAssignment, $"未知分派规则“{task.AssignmentText}”，可选：{string.Join('、', Enum.GetNames<TaskAssignment>())}");
        }

        if (task.LimitText is not null && TaskLimit.Parse(task.LimitText) is { IsFailure: true } limit)
        {
            problems.Add(task, ProblemCodes.BadLimit, limit.Error.Message);
        }

        if (task.StageText is not null && task.Stage is null)
        {
            var stages = Enum.GetValues<StandardStage>().Select(s => $"{s}（{s.DisplayName()}）");
            problems.Add(task, ProblemCodes.UnknownStage, $"未知环节“{task.StageText}”，可选：{string.Join('、', stages)}");
        }

        foreach (var duplicate in task.Outcomes.GroupBy(o => o, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add(task, ProblemCodes.BadOutcomes, $"处理结果“{duplicate.Key}”重复");
        }

        foreach (var tooLong in task.Outcomes.Where(o => o.Length > OutcomeLabels.MaxLength))
        {
            problems.Add(task, ProblemCodes.BadOutcomes, $"处理结果“{tooLong}”超过 {OutcomeLabels.MaxLength} 个字符");
        }
    }
}
