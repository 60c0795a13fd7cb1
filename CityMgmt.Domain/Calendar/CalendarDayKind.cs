namespace CityMgmt.Domain.Calendar;

/// <summary>Why a date departs from the weekly pattern.</summary>
public enum CalendarDayKind
{
    /// <summary>法定节假日: no work even if the weekday is normally worked.</summary>
    Holiday,

    /// <summary>调休上班: a weekend day that is worked to make up for a holiday.</summary>
    MakeupWorkday,
}
