using System.Globalization;
using CityMgmt.Domain.Calendar;

namespace CityMgmt.Tests.Domain.Calendar;

/// <summary>Expected instants are written in China time ("yyyy-MM-dd HH:mm", UTC+8). March 2026 has no holidays; 2026-03-02 is a Monday.</summary>
public class WorkingCalendarTests
{
    private static readonly WorkingCalendar Plain = WorkingCalendar.Default;
    private static readonly WorkingCalendar Year2026 = WorkingCalendar.WithDefaults(Schedule2026()).Value;

    // ---- 工作时 ----

    [Theory]
    [InlineData("2026-03-02 09:00", "2 工作时", "2026-03-02 11:00")]
    [InlineData("2026-03-02 11:00", "2 工作时", "2026-03-02 15:00")] // crosses lunch
    [InlineData("2026-03-02 11:00", "1 工作时", "2026-03-02 12:00")] // ends at the close, not at 14:00
    [InlineData("2026-03-02 12:00", "1 工作时", "2026-03-02 15:00")] // starts at the lunch boundary
    [InlineData("2026-03-02 13:00", "1 工作时", "2026-03-02 15:00")] // starts in lunch
    [InlineData("2026-03-02 14:00", "1 工作时", "2026-03-02 15:00")]
    [InlineData("2026-03-02 11:45", "0.5 工作时", "2026-03-02 14:15")]
    [InlineData("2026-03-02 10:00", "0.25 工作时", "2026-03-02 10:15")]
    [InlineData("2026-03-02 10:00", "4 工作时", "2026-03-02 16:00")]
    [InlineData("2026-03-02 08:00", "8 工作时", "2026-03-02 18:00")]
    [InlineData("2026-03-02 08:00", "8.5 工作时", "2026-03-03 08:30")]
    [InlineData("2026-03-02 17:00", "1 工作时", "2026-03-02 18:00")]
    [InlineData("2026-03-02 17:30", "1 工作时", "2026-03-03 08:30")] // over the night
    [InlineData("2026-03-02 18:00", "1 工作时", "2026-03-03 09:00")] // starts at the evening boundary
    [InlineData("2026-03-02 23:00", "1 工作时", "2026-03-03 09:00")]
    [InlineData("2026-03-03 02:00", "4 工作时", "2026-03-03 12:00")]
    [InlineData("2026-03-03 07:00", "1 工作时", "2026-03-03 09:00")]
    [InlineData("2026-03-06 16:00", "4 工作时", "2026-03-09 10:00")] // Friday afternoon → Monday
    [InlineData("2026-03-07 10:00", "1 工作时", "2026-03-09 09:00")] // Saturday
    [InlineData("2026-03-08 23:59", "0.5 工作时", "2026-03-09 08:30")] // Sunday night
    [InlineData("2026-03-02 08:00", "40 工作时", "2026-03-06 18:00")] // a whole week
    [InlineData("2026-03-02 08:00", "40.25 工作时", "2026-03-09 08:15")]
    public void AddTimeLimit_WorkingHours_WalksThroughWorkingPeriods(string start, string limit, string expected) =>
        Plain.AddTimeLimit(Cn(start), Limit(limit)).ShouldBe(Cn(expected));

    // ---- 工作日 ----

    [Theory]
    [InlineData("2026-03-06 10:00", "1 工作日", "2026-03-09 10:00")] // Friday 10:00 → Monday 10:00
    [InlineData("2026-03-02 08:00", "1 工作日", "2026-03-02 18:00")]
    [InlineData("2026-03-02 10:00", "1 工作日", "2026-03-03 10:00")]
    [InlineData("2026-03-02 13:00", "1 工作日", "2026-03-03 12:00")] // lunch start counts from 14:00
    [InlineData("2026-03-02 19:00", "1 工作日", "2026-03-03 18:00")]
    [InlineData("2026-03-02 10:00", "0.5 工作日", "2026-03-02 16:00")]
    [InlineData("2026-03-07 10:00", "2 工作日", "2026-03-10 18:00")] // Saturday start
    [InlineData("2026-03-02 09:00", "15 工作日", "2026-03-23 09:00")]
    public void AddTimeLimit_WorkingDays_CountsDaysOfWorkingTime(string start, string limit, string expected) =>
        Plain.AddTimeLimit(Cn(start), Limit(limit)).ShouldBe(Cn(expected));

    [Theory]
    [InlineData("2026-03-02 09:00")]
    [InlineData("2026-03-06 16:30")]
    [InlineData("2026-09-30 13:00")]
    [InlineData("2026-02-13 11:59")]
    public void AddTimeLimit_NWorkingDays_EqualsEightNWorkingHours(string start)
    {
        foreach (var days in new[] { 1, 2, 3, 5, 10, 20 })
        {
            Year2026.AddTimeLimit(Cn(start), Limit($"{days} 工作日"))
                .ShouldBe(Year2026.AddTimeLimit(Cn(start), Limit($"{days * 8} 工作时")));
        }
    }

    [Fact]
    public void AddTimeLimit_250WorkingDaysThroughWholeYear_EndsOnThe250thWorkingDay()
    {
        var start = Cn("2026-01-05 08:00");

        var deadline = Year2026.AddTimeLimit(start, Limit("250 工作日"));

        // 247 working days remain in 2026 from 01-05; 2027 has no schedule here, so 01-01, 01-04, 01-05 follow.
        deadline.ShouldBe(Cn("2027-01-05 18:00"));
        Year2026.WorkingTimeBetween(start, deadline).ShouldBe(TimeSpan.FromHours(2000));
    }

    // ---- 紧急 ----

    [Theory]
    [InlineData("2026-03-06 22:00", "2 小时(紧急)", "2026-03-07 00:00")] // over midnight into Saturday
    [InlineData("2026-03-02 11:00", "2 小时(紧急)", "2026-03-02 13:00")] // lunch counts
    [InlineData("2026-09-30 20:00", "24 小时(紧急)", "2026-10-01 20:00")] // into the holiday
    [InlineData("2026-10-01 10:00", "72 小时(紧急)", "2026-10-04 10:00")] // inside the holiday week
    [InlineData("2026-02-16 23:00", "2 小时(紧急)", "2026-02-17 01:00")] // Spring Festival night
    [InlineData("2026-03-02 09:00", "1.5 小时(紧急)", "2026-03-02 10:30")]
    [InlineData("2026-01-01 00:00", "8760 小时(紧急)", "2027-01-01 00:00")]
    public void AddTimeLimit_UrgentHours_CountsNaturalTime(string start, string limit, string expected) =>
        Year2026.AddTimeLimit(Cn(start), Limit(limit)).ShouldBe(Cn(expected));

    // ---- holidays and makeup days (real 2026 schedule) ----

    [Theory]
    [InlineData("2026-09-30", true)]
    [InlineData("2026-10-01", false)] // 国庆节, Thursday
    [InlineData("2026-10-03", false)] // holiday on a Saturday
    [InlineData("2026-10-05", false)] // Monday inside the holiday
    [InlineData("2026-10-07", false)]
    [InlineData("2026-10-08", true)]
    [InlineData("2026-10-10", true)] // 调休 Saturday
    [InlineData("2026-10-11", false)]
    [InlineData("2026-09-20", true)] // 调休 Sunday
    [InlineData("2026-09-25", false)] // 中秋节, Friday
    [InlineData("2026-02-14", true)] // 春节 调休 Saturday
    [InlineData("2026-02-17", false)] // 春节
    [InlineData("2026-02-23", false)] // 春节, Monday
    [InlineData("2026-02-24", true)]
    [InlineData("2026-03-07", false)] // ordinary Saturday
    public void IsWorkingDay_2026Schedule_FollowsHolidaysAndMakeupDays(string date, bool expected) =>
        Year2026.IsWorkingDay(DateOnly.Parse(date, CultureInfo.InvariantCulture)).ShouldBe(expected);

    [Theory]
    [InlineData("2026-09-30 16:00", "4 工作时", "2026-10-08 10:00")] // over National Day
    [InlineData("2026-10-09 17:00", "2 工作时", "2026-10-10 09:00")] // into the makeup Saturday
    [InlineData("2026-10-10 17:00", "2 工作时", "2026-10-12 09:00")] // makeup Saturday → Monday
    [InlineData("2026-09-18 16:00", "4 工作时", "2026-09-20 10:00")] // into the makeup Sunday
    [InlineData("2026-10-03 10:00", "1 工作时", "2026-10-08 09:00")] // started during the holiday
    [InlineData("2026-02-13 16:00", "4 工作时", "2026-02-14 10:00")] // into the Spring Festival makeup Saturday
    [InlineData("2026-02-14 17:00", "2 工作时", "2026-02-24 09:00")] // over the whole Spring Festival
    [InlineData("2026-02-27 18:00", "1 工作时", "2026-02-28 09:00")] // makeup Saturday after the festival
    public void AddTimeLimit_WorkingHoursOverHolidays_SkipsHolidaysAndWorksMakeupDays(string start, string limit, string expected) =>
        Year2026.AddTimeLimit(Cn(start), Limit(limit)).ShouldBe(Cn(expected));

    [Theory]
    [InlineData("2026-09-30 10:00", "1 工作日", "2026-10-08 10:00")]
    [InlineData("2026-09-30 10:00", "3 工作日", "2026-10-10 10:00")] // third day is the makeup Saturday
    [InlineData("2026-09-24 10:00", "1 工作日", "2026-09-28 10:00")] // over 中秋节
    [InlineData("2026-09-24 10:00", "5 工作日", "2026-10-09 10:00")] // over 中秋节 and 国庆节
    [InlineData("2026-02-13 10:00", "2 工作日", "2026-02-24 10:00")] // 02-14 makeup, then 02-24
    public void AddTimeLimit_WorkingDaysOverHolidays_SkipsHolidays(string start, string limit, string expected) =>
        Year2026.AddTimeLimit(Cn(start), Limit(limit)).ShouldBe(Cn(expected));

    // ---- WorkingTimeBetween / Elapsed ----

    [Theory]
    [InlineData("2026-03-02 09:00", "2026-03-02 15:00", 4)]
    [InlineData("2026-03-02 11:00", "2026-03-02 14:00", 1)]
    [InlineData("2026-03-02 12:00", "2026-03-02 14:00", 0)]
    [InlineData("2026-03-02 18:00", "2026-03-03 08:00", 0)]
    [InlineData("2026-03-02 07:00", "2026-03-02 19:00", 8)]
    [InlineData("2026-03-06 16:00", "2026-03-09 10:00", 4)]
    [InlineData("2026-03-07 00:00", "2026-03-09 00:00", 0)]
    [InlineData("2026-03-02 00:00", "2026-03-09 00:00", 40)]
    [InlineData("2026-03-02 17:15", "2026-03-03 08:45", 1.5)]
    public void WorkingTimeBetween_PlainWeek_CountsWorkingPeriodsOnly(string from, string to, double hours) =>
        Plain.WorkingTimeBetween(Cn(from), Cn(to)).ShouldBe(TimeSpan.FromHours(hours));

    [Theory]
    [InlineData("2026-09-28 00:00", "2026-10-12 00:00", 48)] // 09-28..30, 10-08, 10-09, makeup 10-10
    [InlineData("2026-09-30 16:00", "2026-10-08 10:00", 4)]
    [InlineData("2026-10-01 00:00", "2026-10-08 00:00", 0)]
    [InlineData("2026-09-19 00:00", "2026-09-21 00:00", 8)] // makeup Sunday 09-20 only
    [InlineData("2026-02-13 08:00", "2026-02-25 08:00", 24)] // 02-13, makeup 02-14, 02-24
    [InlineData("2026-01-01 00:00", "2027-01-01 00:00", 248 * 8)] // 248 working days in 2026
    public void WorkingTimeBetween_2026Schedule_SkipsHolidaysAndCountsMakeupDays(string from, string to, double hours) =>
        Year2026.WorkingTimeBetween(Cn(from), Cn(to)).ShouldBe(TimeSpan.FromHours(hours));

    [Theory]
    [InlineData("2026-03-02 15:00", "2026-03-02 09:00")]
    [InlineData("2026-03-02 09:00", "2026-03-02 09:00")]
    public void WorkingTimeBetween_ToNotAfterFrom_IsZero(string from, string to) =>
        Plain.WorkingTimeBetween(Cn(from), Cn(to)).ShouldBe(TimeSpan.Zero);

    [Fact]
    public void WorkingTimeBetween_Year2026_MatchesDayByDayCount()
    {
        var days = 0;
        for (var d = new DateOnly(2026, 1, 1); d.Year == 2026; d = d.AddDays(1))
        {
            days += Year2026.IsWorkingDay(d) ? 1 : 0;
        }

        days.ShouldBe(248);
    }

    [Theory]
    [InlineData("2026-03-06 22:00", "2026-03-07 01:30", TimeLimitUnit.UrgentHours, 3.5)]
    [InlineData("2026-03-06 22:00", "2026-03-07 01:30", TimeLimitUnit.WorkingHours, 0)]
    [InlineData("2026-03-06 17:00", "2026-03-09 09:00", TimeLimitUnit.WorkingDays, 2)]
    [InlineData("2026-03-06 17:00", "2026-03-06 16:00", TimeLimitUnit.UrgentHours, 0)]
    public void Elapsed_ByUnit_UsesNaturalOrWorkingTime(string from, string to, TimeLimitUnit unit, double hours) =>
        Plain.Elapsed(Cn(from), Cn(to), unit).ShouldBe(TimeSpan.FromHours(hours));

    // ---- FractionUsed (timer lights) ----

    [Theory]
    [InlineData("2026-03-02 09:00", "4 工作时", "2026-03-02 09:00", 0)]
    [InlineData("2026-03-02 09:00", "4 工作时", "2026-03-02 08:00", 0)] // before the start
    [InlineData("2026-03-02 09:00", "4 工作时", "2026-03-02 12:00", 0.75)]
    [InlineData("2026-03-02 09:00", "4 工作时", "2026-03-02 13:30", 0.75)] // lunch pauses the clock
    [InlineData("2026-03-02 09:00", "4 工作时", "2026-03-02 14:12", 0.8)] // yellow from here
    [InlineData("2026-03-02 09:00", "4 工作时", "2026-03-02 15:00", 1.0)]
    [InlineData("2026-03-02 09:00", "4 工作时", "2026-03-02 16:00", 1.25)] // red
    [InlineData("2026-03-02 17:00", "4 工作时", "2026-03-03 07:59", 0.25)] // night pauses the clock
    [InlineData("2026-03-06 22:00", "2 小时(紧急)", "2026-03-06 23:36", 0.8)]
    [InlineData("2026-03-06 22:00", "2 小时(紧急)", "2026-03-07 01:00", 1.5)]
    [InlineData("2026-03-06 10:00", "1 工作日", "2026-03-09 08:24", 0.8)]
    [InlineData("2026-03-06 10:00", "1 工作日", "2026-03-10 10:00", 2.0)]
    public void FractionUsed_AtInstant_IsElapsedOverLimit(string start, string limit, string now, double expected) =>
        Plain.FractionUsed(Cn(start), Limit(limit), Cn(now)).ShouldBe(expected, 1e-9);

    [Fact]
    public void FractionUsed_AtDeadline_IsExactlyOne()
    {
        var start = Cn("2026-09-30 16:00");
        var limit = Limit("3 工作日");

        Year2026.FractionUsed(start, limit, Year2026.AddTimeLimit(start, limit)).ShouldBe(1.0, 1e-12);
    }

    [Fact]
    public void FractionUsed_DefaultLimit_ThrowsAsBug() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Plain.FractionUsed(Cn("2026-03-02 09:00"), default, Cn("2026-03-02 10:00")));

    [Theory]
    [InlineData("2 小时(紧急)", 2)]
    [InlineData("4 工作时", 4)]
    [InlineData("1 工作日", 8)]
    [InlineData("0.5 工作日", 4)]
    [InlineData("250 工作日", 2000)]
    public void LimitLength_DefaultCalendar_ConvertsToHours(string limit, double hours) =>
        Plain.LimitLength(Limit(limit)).ShouldBe(TimeSpan.FromHours(hours));

    // ---- validation ----

    [Fact]
    public void Create_OverlappingPeriods_FailsNamingBoth()
    {
        var result = WorkingCalendar.Create([Period(8, 12), Period(11, 13)], Weekdays(), []);

        result.Error.Code.ShouldBe("Calendar.PeriodsOverlap");
        result.Error.Message.ShouldBe("工作时段 08:00–12:00 与 11:00–13:00 重叠");
    }

    [Theory]
    [InlineData(12, 12)]
    [InlineData(14, 8)]
    public void Create_PeriodNotIncreasing_Fails(int start, int end)
    {
        var result = WorkingCalendar.Create([Period(start, end)], Weekdays(), []);

        result.Error.Code.ShouldBe("Calendar.PeriodNotIncreasing");
        result.Error.Message.ShouldBe($"工作时段 {start:00}:00–{end:00}:00 的开始时间必须早于结束时间");
    }

    [Fact]
    public void Create_NoPeriods_Fails() =>
        WorkingCalendar.Create([], Weekdays(), []).Error.Message.ShouldBe("至少需要设置一个工作时段");

    [Fact]
    public void Create_NoWorkdays_Fails() =>
        WorkingCalendar.Create([Period(8, 12)], [], []).Error.Message.ShouldBe("每周至少需要设置一个工作日");

    [Fact]
    public void Create_InvalidWeekday_Fails() =>
        WorkingCalendar.Create([Period(8, 12)], [(DayOfWeek)7], []).Error.Code.ShouldBe("Calendar.InvalidWeekday");

    [Fact]
    public void Create_DuplicateSpecialDate_FailsNamingTheDate()
    {
        var result = WorkingCalendar.WithDefaults([Holiday("2026-10-01"), Holiday("2026-10-02"), Holiday("2026-10-01")]);

        result.Error.Code.ShouldBe("Calendar.DuplicateDate");
        result.Error.Message.ShouldBe("2026-10-01 重复设置");
    }

    [Fact]
    public void Create_UnsortedTouchingPeriods_SortsAndAccepts()
    {
        var calendar = WorkingCalendar.Create([Period(14, 18), Period(8, 12), Period(12, 14)], Weekdays(), []).Value;

        calendar.Periods.Select(p => p.Start.Hour).ShouldBe([8, 12, 14]);
        calendar.WorkingDayLength.ShouldBe(TimeSpan.FromHours(10));
        calendar.AddTimeLimit(Cn("2026-03-02 11:00"), Limit("2 工作时")).ShouldBe(Cn("2026-03-02 13:00"));
    }

    [Fact]
    public void Default_Settings_AreTheLocalDefaults()
    {
        Plain.Periods.ShouldBe([Period(8, 12), Period(14, 18)]);
        Plain.WorkingDayLength.ShouldBe(TimeSpan.FromHours(8));
        Plain.WeeklyWorkdays.ShouldBe([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]);
        Plain.TimeZone.GetUtcOffset(Cn("2026-07-01 12:00")).ShouldBe(TimeSpan.FromHours(8));
        Plain.SpecialDays.ShouldBeEmpty();
    }

    // ---- custom calendars and zones ----

    [Theory]
    [InlineData("2026-03-07 10:00", "8 工作时", "2026-03-09 10:00")] // Saturday is worked, Sunday is not
    [InlineData("2026-03-06 16:00", "2 工作时", "2026-03-07 10:00")]
    [InlineData("2026-03-07 09:00", "1 工作日", "2026-03-07 17:00")]
    [InlineData("2026-03-02 12:30", "1 工作时", "2026-03-02 13:30")] // no lunch break
    [InlineData("2026-03-02 08:30", "1 工作时", "2026-03-02 10:00")]
    public void AddTimeLimit_SixDayWeekSinglePeriod_FollowsCustomCalendar(string start, string limit, string expected)
    {
        var calendar = WorkingCalendar.Create([Period(9, 17)], SixDays(), []).Value;

        calendar.AddTimeLimit(Cn(start), Limit(limit)).ShouldBe(Cn(expected));
    }

    [Fact]
    public void AddTimeLimit_SixDayWeekWithSpecialDays_HolidaySaturdayOffMakeupSundayOn()
    {
        var calendar = WorkingCalendar.Create([Period(9, 17)], SixDays(), [Holiday("2026-03-07"), Makeup("2026-03-08")]).Value;

        calendar.AddTimeLimit(Cn("2026-03-06 16:00"), Limit("2 工作时")).ShouldBe(Cn("2026-03-08 10:00"));
        calendar.WorkingTimeBetween(Cn("2026-03-02 00:00"), Cn("2026-03-09 00:00")).ShouldBe(TimeSpan.FromHours(48));
    }

    [Fact]
    public void AddTimeLimit_CalendarInUtc_UsesThatZonesWallClock()
    {
        var calendar = WorkingCalendar.Create(Plain.Periods, Weekdays(), [], TimeZoneInfo.Utc).Value;

        calendar.AddTimeLimit(Utc("2026-03-02 11:00"), Limit("2 工作时")).ShouldBe(Utc("2026-03-02 15:00"));
    }

    [Fact]
    public void AddTimeLimit_FixedWesternZone_ConvertsBackToUtc()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("Test UTC-5", TimeSpan.FromHours(-5), "UTC-5", "UTC-5");
        var calendar = WorkingCalendar.Create(Plain.Periods, Weekdays(), [], zone).Value;

        // Monday 17:00 local (22:00Z) + 2 工作时 → Tuesday 09:00 local = 14:00Z.
        calendar.AddTimeLimit(Utc("2026-03-02 22:00"), Limit("2 工作时")).ShouldBe(Utc("2026-03-03 14:00"));
    }

    [Fact]
    public void AddTimeLimit_FixedUtcPlus8Zone_MatchesShanghaiZone()
    {
        var fixedZone = TimeZoneInfo.CreateCustomTimeZone("Fixed UTC+8", TimeSpan.FromHours(8), "UTC+8", "UTC+8");
        var fixedCalendar = WorkingCalendar.Create(Plain.Periods, Weekdays(), Schedule2026(), fixedZone).Value;
        var random = new Random(2026);
        for (var i = 0; i < 300; i++)
        {
            var start = RandomInstant(random);
            var limit = Limit($"{random.Next(1, 80) * 0.25m} 工作时");

            fixedCalendar.AddTimeLimit(start, limit).ShouldBe(Year2026.AddTimeLimit(start, limit));
        }
    }

    [Fact]
    public void AddTimeLimit_ZoneWithDst_KeepsLocalWorkingHours()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var calendar = WorkingCalendar.Create(Plain.Periods, Weekdays(), [], newYork).Value;
        var fridayAfternoon = new DateTimeOffset(2026, 3, 6, 17, 0, 0, TimeSpan.FromHours(-5));

        // Clocks spring forward on Sunday 2026-03-08; Monday 09:00 is EDT (UTC-4).
        calendar.AddTimeLimit(fridayAfternoon, Limit("2 工作时")).ShouldBe(new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.FromHours(-4)));
    }

    [Theory]
    [InlineData("2 小时(紧急)")]
    [InlineData("2 工作时")]
    [InlineData("2 工作日")]
    public void AddTimeLimit_AnyUnit_ReturnsUtcWhateverTheInputOffset(string limit)
    {
        var local = Cn("2026-03-02 11:00");
        var deadline = Plain.AddTimeLimit(local, Limit(limit));

        deadline.Offset.ShouldBe(TimeSpan.Zero);
        Plain.AddTimeLimit(local.ToOffset(TimeSpan.FromHours(-7)), Limit(limit)).ShouldBe(deadline);
    }

    [Fact]
    public void AddWorkingTime_Zero_ReturnsStartInUtc()
    {
        var start = Cn("2026-03-02 12:30");

        var result = Plain.AddWorkingTime(start, TimeSpan.Zero);

        result.ShouldBe(start);
        result.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void AddWorkingTime_Negative_ThrowsAsBug() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Plain.AddWorkingTime(Cn("2026-03-02 09:00"), TimeSpan.FromMinutes(-1)));

    [Fact]
    public void AddWorkingTime_Seconds_KeepsSubMinutePrecision() =>
        Plain.AddWorkingTime(Cn("2026-03-02 11:59"), TimeSpan.FromSeconds(90)).ShouldBe(Cn("2026-03-02 14:00").AddSeconds(30));

    [Theory]
    [InlineData("2026-03-02 08:00", true)]
    [InlineData("2026-03-02 11:59", true)]
    [InlineData("2026-03-02 12:00", false)]
    [InlineData("2026-03-02 14:00", true)]
    [InlineData("2026-03-02 18:00", false)]
    [InlineData("2026-03-07 10:00", false)]
    public void IsWorkingTime_Instant_StartInclusiveEndExclusive(string instant, bool expected) =>
        Plain.IsWorkingTime(Cn(instant)).ShouldBe(expected);

    // ---- properties over random starts in 2026 ----

    [Fact]
    public void WorkingTimeBetween_StartAndDeadline_EqualsTheLimit()
    {
        var random = new Random(42);
        for (var i = 0; i < 1000; i++)
        {
            var start = RandomInstant(random);
            var hours = random.Next(1, 800) * 0.25m;

            var deadline = Year2026.AddTimeLimit(start, Limit($"{hours} 工作时"));

            Year2026.WorkingTimeBetween(start, deadline).ShouldBe(TimeSpan.FromHours((double)hours), $"start {start:o}, {hours} 工作时");
            Year2026.IsWorkingTime(deadline.AddTicks(-1)).ShouldBeTrue($"deadline {deadline:o} must close working time");
        }
    }

    [Fact]
    public void AddTimeLimit_InTwoSteps_EqualsInOneStep()
    {
        var random = new Random(7);
        for (var i = 0; i < 500; i++)
        {
            var start = RandomInstant(random);
            var a = random.Next(1, 100) * 0.25m;
            var b = random.Next(1, 100) * 0.25m;

            var twoSteps = Year2026.AddTimeLimit(Year2026.AddTimeLimit(start, Limit($"{a} 工作时")), Limit($"{b} 工作时"));

            twoSteps.ShouldBe(Year2026.AddTimeLimit(start, Limit($"{a + b} 工作时")));
        }
    }

    [Fact]
    public void WorkingTimeBetween_RandomPairs_MatchesBruteForceAndIsAdditive()
    {
        var random = new Random(99);
        for (var i = 0; i < 500; i++)
        {
            var instants = new[] { RandomInstant(random), RandomInstant(random), RandomInstant(random) }.Order().ToArray();
            var (a, b, c) = (instants[0], instants[1], instants[2]);

            Year2026.WorkingTimeBetween(a, c).ShouldBe(BruteForce(Year2026, a, c));
            (Year2026.WorkingTimeBetween(a, b) + Year2026.WorkingTimeBetween(b, c)).ShouldBe(Year2026.WorkingTimeBetween(a, c));
            Year2026.WorkingTimeBetween(c, a).ShouldBe(TimeSpan.Zero);
        }
    }

    // ---- helpers ----

    private static DateTimeOffset Cn(string text) =>
        DateTimeOffset.ParseExact($"{text} +08:00", "yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);

    private static DateTimeOffset Utc(string text) =>
        DateTimeOffset.ParseExact($"{text} +00:00", "yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);

    private static TimeLimit Limit(string text) => TimeLimit.Parse(text).Value;

    private static WorkingPeriod Period(int startHour, int endHour) => new(new TimeOnly(startHour, 0), new TimeOnly(endHour, 0));

    private static DayOfWeek[] Weekdays() =>
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private static DayOfWeek[] SixDays() => [.. Weekdays(), DayOfWeek.Saturday];

    private static CalendarDay Holiday(string date, string name = "节日") =>
        CalendarDay.Create(DateOnly.Parse(date, CultureInfo.InvariantCulture), CalendarDayKind.Holiday, name).Value;

    private static CalendarDay Makeup(string date, string name = "调休") =>
        CalendarDay.Create(DateOnly.Parse(date, CultureInfo.InvariantCulture), CalendarDayKind.MakeupWorkday, name).Value;

    /// <summary>国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04).</summary>
    private static IEnumerable<CalendarDay> Schedule2026()
    {
        (string Name, string First, string Last, string[] Makeups)[] holidays =
        [
            ("元旦", "2026-01-01", "2026-01-03", ["2026-01-04"]),
            ("春节", "2026-02-15", "2026-02-23", ["2026-02-14", "2026-02-28"]),
            ("清明节", "2026-04-04", "2026-04-06", []),
            ("劳动节", "2026-05-01", "2026-05-05", ["2026-05-09"]),
            ("端午节", "2026-06-19", "2026-06-21", []),
            ("中秋节", "2026-09-25", "2026-09-27", []),
            ("国庆节", "2026-10-01", "2026-10-07", ["2026-09-20", "2026-10-10"]),
        ];
        foreach (var (name, first, last, makeups) in holidays)
        {
            var end = DateOnly.Parse(last, CultureInfo.InvariantCulture);
            for (var d = DateOnly.Parse(first, CultureInfo.InvariantCulture); d <= end; d = d.AddDays(1))
            {
                yield return CalendarDay.Create(d, CalendarDayKind.Holiday, name).Value;
            }

            foreach (var makeup in makeups)
            {
                yield return Makeup(makeup, $"{name}调休");
            }
        }
    }

    /// <summary>A random instant in 2026, minute precision, in China time.</summary>
    private static DateTimeOffset RandomInstant(Random random) =>
        new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)).AddMinutes(random.Next(0, 365 * 24 * 60));

    /// <summary>Reference implementation: intersect [from, to) with every working period of every day.</summary>
    private static TimeSpan BruteForce(WorkingCalendar calendar, DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        for (var day = DateOnly.FromDateTime(from.ToOffset(TimeSpan.FromHours(8)).DateTime); day <= DateOnly.FromDateTime(to.ToOffset(TimeSpan.FromHours(8)).DateTime); day = day.AddDays(1))
        {
            if (!calendar.IsWorkingDay(day))
            {
                continue;
            }

            foreach (var period in calendar.Periods)
            {
                var start = new DateTimeOffset(day.ToDateTime(period.Start), TimeSpan.FromHours(8));
                var end = new DateTimeOffset(day.ToDateTime(period.End), TimeSpan.FromHours(8));
                var overlap = (end < to ? end : to) - (start > from ? start : from);
                total += overlap > TimeSpan.Zero ? overlap : TimeSpan.Zero;
            }
        }

        return total;
    }
}
