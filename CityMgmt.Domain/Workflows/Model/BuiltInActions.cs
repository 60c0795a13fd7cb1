namespace CityMgmt.Domain.Workflows.Model;

/// <summary>
/// The actions a service task may request (<c>cm:action</c>). The host implements each one; the validator
/// refuses any other name, so the two always agree.
/// </summary>
public static class BuiltInActions
{
    /// <summary>Tells the assignees a deadline is near (the yellow light).</summary>
    public const string NotifyDeadlineWarning = "NotifyDeadlineWarning";

    /// <summary>Marks the case overdue (the red light) and alerts the centre.</summary>
    public const string MarkOverdue = "MarkOverdue";

    /// <summary>Sends the outcome back to the citizen who reported the case, where there is one.</summary>
    public const string NotifyReporter = "NotifyReporter";

    public static IReadOnlyList<string> All { get; } = [NotifyDeadlineWarning, MarkOverdue, NotifyReporter];

    public static string DisplayName(string action) => action switch
    {
        NotifyDeadlineWarning => "时限预警提醒",
        MarkOverdue => "标记超期",
        NotifyReporter => "向举报人反馈",
        _ => action,
    };
}
