using CityMgmt.Domain.Calendar;

namespace CityMgmt.Tests.Domain.Calendar;

public class TimeLimitTests
{
    [Theory]
    [InlineData(4, TimeLimitUnit.WorkingHours, "4 工作时")]
    [InlineData(2, TimeLimitUnit.UrgentHours, "2 小时(紧急)")]
    [InlineData(15, TimeLimitUnit.WorkingDays, "15 工作日")]
    [InlineData(0.5, TimeLimitUnit.WorkingDays, "0.5 工作日")]
    [InlineData(1.25, TimeLimitUnit.WorkingHours, "1.25 工作时")]
    [InlineData(8760, TimeLimitUnit.UrgentHours, "8760 小时(紧急)")]
    [InlineData(2000, TimeLimitUnit.WorkingHours, "2000 工作时")]
    [InlineData(250, TimeLimitUnit.WorkingDays, "250 工作日")]
    public void Create_ValidValue_SucceedsAndPrintsInChinese(double value, TimeLimitUnit unit, string expected)
    {
        var result = TimeLimit.Create((decimal)value, unit);

        result.IsSuccess.ShouldBeTrue();
        result.Value.ShouldBe(new TimeLimit((decimal)value, unit));
        result.Value.ToString().ShouldBe(expected);
    }

    [Fact]
    public void ToString_TrailingZeros_AreDropped() =>
        TimeLimit.Create(4.00m, TimeLimitUnit.WorkingHours).Value.ToString().ShouldBe("4 工作时");

    [Fact]
    public void Equals_SameValueDifferentScale_AreEqual() =>
        TimeLimit.Create(4.00m, TimeLimitUnit.WorkingHours).Value.ShouldBe(TimeLimit.Create(4m, TimeLimitUnit.WorkingHours).Value);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(-0.01)]
    public void Create_ZeroOrNegative_FailsWithChineseMessage(double value)
    {
        var result = TimeLimit.Create((decimal)value, TimeLimitUnit.WorkingHours);

        result.IsFailure.ShouldBeTrue();
        result.Error.Code.ShouldBe("TimeLimit.NotPositive");
        result.Error.Message.ShouldBe("时限必须大于 0");
    }

    [Fact]
    public void Create_MoreThanTwoDecimals_Fails()
    {
        var result = TimeLimit.Create(1.234m, TimeLimitUnit.WorkingHours);

        result.Error.Code.ShouldBe("TimeLimit.TooPrecise");
        result.Error.Message.ShouldBe("时限最多保留两位小数");
    }

    [Theory]
    [InlineData(8760.01, TimeLimitUnit.UrgentHours, "时限不能超过 8760 小时(紧急)")]
    [InlineData(2001, TimeLimitUnit.WorkingHours, "时限不能超过 2000 工作时")]
    [InlineData(250.5, TimeLimitUnit.WorkingDays, "时限不能超过 250 工作日")]
    public void Create_AbsurdSize_FailsNamingTheMaximum(double value, TimeLimitUnit unit, string message)
    {
        var result = TimeLimit.Create((decimal)value, unit);

        result.Error.Code.ShouldBe("TimeLimit.TooLarge");
        result.Error.Message.ShouldBe(message);
    }

    [Fact]
    public void Create_UnknownUnit_Fails() =>
        TimeLimit.Create(1, (TimeLimitUnit)42).Error.Code.ShouldBe("TimeLimit.UnknownUnit");

    [Theory]
    [InlineData("4 工作时", 4, TimeLimitUnit.WorkingHours)]
    [InlineData("2 小时(紧急)", 2, TimeLimitUnit.UrgentHours)]
    [InlineData("15 工作日", 15, TimeLimitUnit.WorkingDays)]
    [InlineData("0.5 工作日", 0.5, TimeLimitUnit.WorkingDays)]
    [InlineData("4工作时", 4, TimeLimitUnit.WorkingHours)]
    [InlineData("  2 小时（紧急） ", 2, TimeLimitUnit.UrgentHours)]
    [InlineData("2 小时 (紧急)", 2, TimeLimitUnit.UrgentHours)]
    [InlineData("1.50 工作时", 1.5, TimeLimitUnit.WorkingHours)]
    public void Parse_WrittenForm_ReadsValueAndUnit(string text, double value, TimeLimitUnit unit) =>
        TimeLimit.Parse(text).Value.ShouldBe(new TimeLimit((decimal)value, unit));

    [Theory]
    [InlineData(4, TimeLimitUnit.WorkingHours)]
    [InlineData(2, TimeLimitUnit.UrgentHours)]
    [InlineData(15, TimeLimitUnit.WorkingDays)]
    [InlineData(0.25, TimeLimitUnit.WorkingDays)]
    [InlineData(8760, TimeLimitUnit.UrgentHours)]
    public void Parse_ToStringOutput_RoundTrips(double value, TimeLimitUnit unit)
    {
        var limit = TimeLimit.Create((decimal)value, unit).Value;

        TimeLimit.Parse(limit.ToString()).Value.ShouldBe(limit);
    }

    [Theory]
    [InlineData(null, "TimeLimit.Required")]
    [InlineData("", "TimeLimit.Required")]
    [InlineData("   ", "TimeLimit.Required")]
    [InlineData("4 小时", "TimeLimit.Unreadable")]
    [InlineData("四 工作时", "TimeLimit.Unreadable")]
    [InlineData("工作时", "TimeLimit.Unreadable")]
    [InlineData("1e2 工作时", "TimeLimit.Unreadable")]
    [InlineData("0 工作时", "TimeLimit.NotPositive")]
    [InlineData("-1 工作日", "TimeLimit.NotPositive")]
    [InlineData("1.234 工作时", "TimeLimit.TooPrecise")]
    [InlineData("300 工作日", "TimeLimit.TooLarge")]
    public void Parse_BadText_FailsWithCode(string? text, string code) =>
        TimeLimit.Parse(text).Error.Code.ShouldBe(code);

    [Fact]
    public void Parse_Unreadable_MessageQuotesInputAndShowsExamples()
    {
        var message = TimeLimit.Parse(" 4 小时 ").Error.Message;

        message.ShouldContain("“4 小时”");
        message.ShouldContain("4 工作时");
    }

    [Theory]
    [InlineData(TimeLimitUnit.UrgentHours, "紧急(自然小时)")]
    [InlineData(TimeLimitUnit.WorkingHours, "工作时")]
    [InlineData(TimeLimitUnit.WorkingDays, "工作日")]
    public void ToDisplayName_EachUnit_IsChinese(TimeLimitUnit unit, string expected) =>
        unit.ToDisplayName().ShouldBe(expected);
}
