using CityMgmt.Domain.Evaluation;

namespace CityMgmt.Tests.Domain.Evaluation;

public class EvaluationPeriodTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    [Theory]
    [InlineData("2026-11-25", "2026-11-23", "2026-11-29", "2026年第48周")]  // a Wednesday
    [InlineData("2026-11-23", "2026-11-23", "2026-11-29", "2026年第48周")]  // the Monday itself
    [InlineData("2026-11-29", "2026-11-23", "2026-11-29", "2026年第48周")]  // the Sunday ends it
    [InlineData("2027-01-01", "2026-12-28", "2027-01-03", "2026年第53周")]  // across New Year, in 2026's week 53
    [InlineData("2024-12-31", "2024-12-30", "2025-01-05", "2025年第1周")]   // across New Year, in 2025's week 1
    [InlineData("2026-01-01", "2025-12-29", "2026-01-04", "2026年第1周")]
    public void Week_AnyDay_IsMondayToSundayWithIsoNumber(string day, string start, string end, string label)
    {
        var week = EvaluationPeriod.Week(DateOnly.Parse(day));

        week.Kind.ShouldBe(PeriodKind.Week);
        week.Start.ShouldBe(DateOnly.Parse(start));
        week.End.ShouldBe(DateOnly.Parse(end));
        week.Label.ShouldBe(label);
        week.Days.ShouldBe(7);
    }

    [Theory]
    [InlineData(2026, 11, "2026-11-30", "2026年11月")]
    [InlineData(2028, 2, "2028-02-29", "2028年2月")]
    [InlineData(2026, 12, "2026-12-31", "2026年12月")]
    public void Month_Given_RunsToItsLastDay(int year, int month, string end, string label)
    {
        var period = EvaluationPeriod.Month(year, month);

        period.Start.ShouldBe(new DateOnly(year, month, 1));
        period.End.ShouldBe(DateOnly.Parse(end));
        period.Label.ShouldBe(label);
    }

    [Theory]
    [InlineData(1, "2026-01-01", "2026-03-31")]
    [InlineData(2, "2026-04-01", "2026-06-30")]
    [InlineData(3, "2026-07-01", "2026-09-30")]
    [InlineData(4, "2026-10-01", "2026-12-31")]
    public void Quarter_Given_CoversThreeMonths(int quarter, string start, string end)
    {
        var period = EvaluationPeriod.Quarter(2026, quarter);

        (period.Start, period.End).ShouldBe((DateOnly.Parse(start), DateOnly.Parse(end)));
        period.Label.ShouldBe($"2026年第{quarter}季度");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Quarter_OutOfRange_Throws(int quarter) =>
        Should.Throw<ArgumentOutOfRangeException>(() => EvaluationPeriod.Quarter(2026, quarter));

    [Fact]
    public void Year_Given_IsJanuaryToDecember()
    {
        var year = EvaluationPeriod.Year(2026);

        (year.Start, year.End, year.Label, year.Days).ShouldBe((new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), "2026年", 365));
    }

    [Fact]
    public void Custom_FromBeforeTo_IncludesBothDays()
    {
        var period = EvaluationPeriod.Custom(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 15)).Value;

        period.Label.ShouldBe("2026-11-01至2026-11-15");
        period.Days.ShouldBe(15);
        period.Contains(new DateOnly(2026, 11, 15)).ShouldBeTrue();
        period.Contains(new DateOnly(2026, 11, 16)).ShouldBeFalse();
    }

    [Fact]
    public void Custom_SingleDay_IsAllowed() =>
        EvaluationPeriod.Custom(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 1)).Value.Days.ShouldBe(1);

    [Fact]
    public void Custom_FromAfterTo_FailsInChinese() =>
        EvaluationPeriod.Custom(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 1)).Error.Message
            .ShouldBe("自定义时段的开始日期2026-11-02不能晚于结束日期2026-11-01");

    [Theory]
    [InlineData(PeriodKind.Week, "2026年第33周")]
    [InlineData(PeriodKind.Month, "2026年8月")]
    [InlineData(PeriodKind.Quarter, "2026年第3季度")]
    [InlineData(PeriodKind.Year, "2026年")]
    public void Containing_AnyKind_HoldsTheDay(PeriodKind kind, string label)
    {
        var period = EvaluationPeriod.Containing(kind, new DateOnly(2026, 8, 15));

        period.Label.ShouldBe(label);
        period.Contains(new DateOnly(2026, 8, 15)).ShouldBeTrue();
    }

    [Fact]
    public void StartsAtAndEndsBefore_Month_AreChinaMidnightsInUtc()
    {
        var november = EvaluationPeriod.Month(2026, 11);

        november.StartsAt.ShouldBe(new DateTimeOffset(2026, 10, 31, 16, 0, 0, TimeSpan.Zero));
        november.EndsBefore.ShouldBe(new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("2026-10-31T16:00:00Z", true)]   // 11-01 00:00 China
    [InlineData("2026-10-31T15:59:59Z", false)]  // 10-31 23:59:59 China
    [InlineData("2026-11-30T15:59:59Z", true)]   // 11-30 23:59:59 China
    [InlineData("2026-11-30T16:00:00Z", false)]  // 12-01 00:00 China
    public void Contains_Instant_UsesChinaDate(string instant, bool expected) =>
        EvaluationPeriod.Month(2026, 11).Contains(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);

    [Fact]
    public void LastCompleted_JustAfterChinaMidnightOnNewYear_IsDecember()
    {
        // 2027-01-01 00:30 in China is still 2026-12-31 in UTC: the finished month is December, not November.
        var now = new DateTimeOffset(2027, 1, 1, 0, 30, 0, China).ToUniversalTime();

        EvaluationPeriod.LastCompleted(PeriodKind.Month, now).Label.ShouldBe("2026年12月");
    }

    [Fact]
    public void LastCompleted_MondayMorning_IsTheWeekJustEnded() =>
        EvaluationPeriod.LastCompleted(PeriodKind.Week, new DateTimeOffset(2026, 11, 30, 1, 0, 0, China)).Label.ShouldBe("2026年第48周");

    [Theory]
    [InlineData(PeriodKind.Quarter, "2027-02-10", "2026年第4季度")]
    [InlineData(PeriodKind.Week, "2026-01-01", "2025年第52周")]
    [InlineData(PeriodKind.Year, "2026-06-01", "2025年")]
    [InlineData(PeriodKind.Month, "2026-01-15", "2025年12月")]
    public void Previous_AcrossYearEnd_StepsBackOnePeriod(PeriodKind kind, string day, string label) =>
        EvaluationPeriod.Containing(kind, DateOnly.Parse(day)).Previous().Label.ShouldBe(label);

    [Fact]
    public void Previous_Custom_Throws() =>
        Should.Throw<InvalidOperationException>(() => EvaluationPeriod.Custom(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 5)).Value.Previous());

    [Fact]
    public void Equals_SamePeriodBuiltTwoWays_AreEqual() =>
        EvaluationPeriod.Week(new DateOnly(2026, 11, 23)).ShouldBe(EvaluationPeriod.Containing(PeriodKind.Week, new DateOnly(2026, 11, 29)));
}
