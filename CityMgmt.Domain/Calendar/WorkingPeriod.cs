namespace CityMgmt.Domain.Calendar;

/// <summary>One stretch of working time within a working day, e.g. 08:00–12:00. Validated by <see cref="WorkingCalendar.Create"/>.</summary>
public sealed record WorkingPeriod(TimeOnly Start, TimeOnly End)
{
    /// <summary>Length of the period; negative or zero for a period the calendar would refuse.</summary>
    public TimeSpan Duration => End.ToTimeSpan() - Start.ToTimeSpan();

    public override string ToString() => $"{Start:HH\\:mm}–{End:HH\\:mm}";
}
