using CityMgmt.Domain.Common;

namespace CityMgmt.Domain.Calendar;

/// <summary>Expected failures of the working calendar and time limits.</summary>
public static class CalendarErrors
{
    public static readonly Error NameRequired = new("Calendar.NameRequired", "节假日名称不能为空");
    public static readonly Error NameTooLong = new("Calendar.NameTooLong", $"节假日名称不能超过 {CalendarDay.NameMaxLength} 个字符");
    public static readonly Error UnknownDayKind = new("Calendar.UnknownDayKind", "未知的日期类型");
    public static readonly Error NoPeriods = new("Calendar.NoPeriods", "至少需要设置一个工作时段");
    public static readonly Error NoWorkdays = new("Calendar.NoWorkdays", "每周至少需要设置一个工作日");
    public static readonly Error InvalidWeekday = new("Calendar.InvalidWeekday", "无效的星期");
    public static readonly Error LimitRequired = new("TimeLimit.Required", "时限不能为空");
    public static readonly Error LimitNotPositive = new("TimeLimit.NotPositive", "时限必须大于 0");
    public static readonly Error LimitTooPrecise = new("TimeLimit.TooPrecise", "时限最多保留两位小数");
    public static readonly Error UnknownUnit = new("TimeLimit.UnknownUnit", "未知的时限单位");

    public static Error MakeupNotOnWeekend(DateOnly date) => new("Calendar.MakeupNotOnWeekend", $"{date:yyyy-MM-dd} 调休上班日必须是周六或周日");

    public static Error DuplicateDate(DateOnly date) => new("Calendar.DuplicateDate", $"{date:yyyy-MM-dd} 重复设置");

    public static Error PeriodNotIncreasing(WorkingPeriod period) => new("Calendar.PeriodNotIncreasing", $"工作时段 {period} 的开始时间必须早于结束时间");

    public static Error PeriodsOverlap(WorkingPeriod first, WorkingPeriod second) => new("Calendar.PeriodsOverlap", $"工作时段 {first} 与 {second} 重叠");

    public static Error LimitTooLarge(TimeLimit max) => new("TimeLimit.TooLarge", $"时限不能超过 {max}");

    public static Error LimitUnreadable(string text) => new("TimeLimit.Unreadable", $"无法识别的时限“{text}”，应写作如“4 工作时”“2 小时(紧急)”“15 工作日”");
}
