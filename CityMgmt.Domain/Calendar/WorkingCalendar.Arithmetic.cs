namespace CityMgmt.Domain.Calendar;

/// <summary>Deadline and elapsed-time arithmetic. Works day by day, never minute by minute, so long limits stay cheap.</summary>
public sealed partial class WorkingCalendar
{
    /// <summary>
    /// The deadline of a limit started at <paramref name="start"/>, in UTC.
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>紧急: natural time, <c>start + hours</c>, nights and holidays included.</item>
    /// <item>工作时: walks forward through the working periods of working days only.</item>
    /// <item>
    /// 工作日: one working day is worth <see cref="WorkingDayLength"/> of working time (8 h by default), counted
    /// like working hours. So 1 工作日 started Friday 10:00 ends Monday 10:00 when Monday is worked, and a
    /// fraction such as 0.5 工作日 is half a day's working time. We chose this over "end of the Nth working
    /// day" so a case filed late in the day gets as much working time as one filed in the morning.
    /// </item>
    /// </list>
    /// A start outside working time begins counting at the next working instant. A limit that runs out
    /// exactly at the end of a period ends there (11:00 + 1 工作时 = 12:00, not 14:00).
    /// </remarks>
    public DateTimeOffset AddTimeLimit(DateTimeOffset start, TimeLimit limit)
    {
        var length = LimitLength(limit);
        return limit.Unit == TimeLimitUnit.UrgentHours
            ? start.ToUniversalTime() + length
            : AddWorkingTime(start, length);
    }

    /// <summary>Adds working time to an instant; the result is in UTC. A zero amount returns <paramref name="start"/> itself.</summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan workingTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingTime, TimeSpan.Zero);
        if (workingTime == TimeSpan.Zero)
        {
            return start.ToUniversalTime();
        }

        var (date, time) = ToLocal(start);
        var dayLength = WorkingDayLength.Ticks;
        var remaining = workingTime.Ticks;
        if (IsWorkingDay(date))
        {
            var before = WorkedUntil(time);
            if (remaining <= dayLength - before)
            {
                return ToUtc(date, TimeAtWorked(before + remaining));
            }

            remaining -= dayLength - before;
        }

        // Whole days at a time: a year of working days is a few hundred dictionary look-ups.
        while (true)
        {
            date = date.AddDays(1);
            if (!IsWorkingDay(date))
            {
                continue;
            }

            if (remaining <= dayLength)
            {
                return ToUtc(date, TimeAtWorked(remaining));
            }

            remaining -= dayLength;
        }
    }

    /// <summary>Working time between two instants; zero when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        var (fromDate, fromTime) = ToLocal(from);
        var (toDate, toTime) = ToLocal(to);
        long ticks;
        if (fromDate == toDate)
        {
            ticks = IsWorkingDay(fromDate) ? WorkedUntil(toTime) - WorkedUntil(fromTime) : 0;
        }
        else
        {
            ticks = (IsWorkingDay(fromDate) ? WorkingDayLength.Ticks - WorkedUntil(fromTime) : 0)
                + (CountWorkingDays(fromDate.AddDays(1), toDate) * WorkingDayLength.Ticks)
                + (IsWorkingDay(toDate) ? WorkedUntil(toTime) : 0);
        }

        // Only a DST fall-back (never in China) can make the local clock run backwards here.
        return new TimeSpan(Math.Max(0, ticks));
    }

    /// <summary>Time used so far in the measure of the unit: natural time for 紧急, working time otherwise.</summary>
    public TimeSpan Elapsed(DateTimeOffset from, DateTimeOffset to, TimeLimitUnit unit) => unit == TimeLimitUnit.UrgentHours
        ? (to > from ? to - from : TimeSpan.Zero)
        : WorkingTimeBetween(from, to);

    /// <summary>
    /// Share of the limit used at <paramref name="now"/>: below 0.8 green, 0.8–1.0 yellow, above 1.0 red.
    /// Zero before the start; keeps growing past 1.0 for overdue cases.
    /// </summary>
    public double FractionUsed(DateTimeOffset start, TimeLimit limit, DateTimeOffset now) =>
        (double)Elapsed(start, now, limit.Unit).Ticks / LimitLength(limit).Ticks;

    /// <summary>
    /// The limit as a span of time in its own measure: natural hours for 紧急, working time for 工作时 and
    /// 工作日 (one 工作日 = <see cref="WorkingDayLength"/>).
    /// </summary>
    public TimeSpan LimitLength(TimeLimit limit)
    {
        // A default(TimeLimit) or an unvalidated constructor call reaching here is a bug, not a business failure.
        if (limit.Value <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit.Value, "A time limit must be positive; build it with TimeLimit.Create.");
        }

        var perUnit = limit.Unit switch
        {
            TimeLimitUnit.UrgentHours or TimeLimitUnit.WorkingHours => TimeSpan.TicksPerHour,
            TimeLimitUnit.WorkingDays => WorkingDayLength.Ticks,
            _ => throw new ArgumentOutOfRangeException(nameof(limit), limit.Unit, "Unknown time limit unit."),
        };
        return new TimeSpan((long)decimal.Round(limit.Value * perUnit));
    }

    /// <summary>Working days in [<paramref name="first"/>, <paramref name="endExclusive"/>): whole weeks by arithmetic, then special-day corrections.</summary>
    private long CountWorkingDays(DateOnly first, DateOnly endExclusive)
    {
        var days = endExclusive.DayNumber - first.DayNumber;
        if (days <= 0)
        {
            return 0;
        }

        long count = (long)(days / 7) * _workdaysPerWeek;
        for (var d = first.AddDays(days / 7 * 7); d < endExclusive; d = d.AddDays(1))
        {
            count += _weeklyWorkday[(int)d.DayOfWeek] ? 1 : 0;
        }

        var lo = LowerBound(first);
        var hi = LowerBound(endExclusive);
        for (var i = lo; i < hi; i++)
        {
            var date = _sortedSpecialDates[i];
            var weekly = _weeklyWorkday[(int)date.DayOfWeek];
            var actual = _specialDays[date] == CalendarDayKind.MakeupWorkday;
            count += (actual ? 1 : 0) - (weekly ? 1 : 0);
        }

        return count;
    }

    private int LowerBound(DateOnly date)
    {
        var index = Array.BinarySearch(_sortedSpecialDates, date);
        return index >= 0 ? index : ~index;
    }

    /// <summary>Working time from midnight to <paramref name="timeOfDay"/> (ticks) on a working day.</summary>
    private long WorkedUntil(long timeOfDay)
    {
        long worked = 0;
        for (var i = 0; i < _periodStarts.Length && timeOfDay > _periodStarts[i]; i++)
        {
            worked += Math.Min(timeOfDay, _periodEnds[i]) - _periodStarts[i];
        }

        return worked;
    }

    /// <summary>
    /// The earliest time of day by which <paramref name="worked"/> (0 &lt; worked ≤ day length) ticks of work are done,
    /// so a limit ending with a period ends at its close rather than at the next opening.
    /// </summary>
    private long TimeAtWorked(long worked)
    {
        for (var i = 0; i < _periodStarts.Length; i++)
        {
            var length = _periodEnds[i] - _periodStarts[i];
            if (worked <= length)
            {
                return _periodStarts[i] + worked;
            }

            worked -= length;
        }

        return _periodEnds[^1];
    }

    private (DateOnly Date, long TimeOfDay) ToLocal(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime;
        return (DateOnly.FromDateTime(local), local.TimeOfDay.Ticks);
    }

    private DateTimeOffset ToUtc(DateOnly date, long timeOfDay)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified).AddTicks(timeOfDay);

        // GetUtcOffset reads an unspecified DateTime as this zone's wall clock and never throws, even in a DST gap.
        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }
}
