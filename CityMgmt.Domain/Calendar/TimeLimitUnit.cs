namespace CityMgmt.Domain.Calendar;

/// <summary>How a 处置时限 is counted.</summary>
public enum TimeLimitUnit
{
    /// <summary>紧急: natural hours on the 24 h clock, nights and holidays included.</summary>
    UrgentHours,

    /// <summary>工作时: hours counted inside the working periods of working days only.</summary>
    WorkingHours,

    /// <summary>工作日: working days, each worth one full day of working periods.</summary>
    WorkingDays,
}

public static class TimeLimitUnitExtensions
{
    /// <summary>The Chinese name shown in forms and lists.</summary>
    public static string ToDisplayName(this TimeLimitUnit unit) => unit switch
    {
        TimeLimitUnit.UrgentHours => "紧急(自然小时)",
        TimeLimitUnit.WorkingHours => "工作时",
        TimeLimitUnit.WorkingDays => "工作日",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown time limit unit."),
    };
}
