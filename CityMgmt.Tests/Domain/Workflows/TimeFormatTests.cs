using CityMgmt.Domain.Calendar;
using CityMgmt.Domain.Workflows.Model;

namespace CityMgmt.Tests.Domain.Workflows;

/// <summary>The machine forms of <c>cm:limit</c>, <c>cm:limitFraction</c> and <c>timeDuration</c>.</summary>
public class TimeFormatTests
{
    [Theory]
    [InlineData("0.5 WorkingHours", 0.5, TimeLimitUnit.WorkingHours)]
    [InlineData("2 UrgentHours", 2, TimeLimitUnit.UrgentHours)]
    [InlineData(" 15  WorkingDays ", 15, TimeLimitUnit.WorkingDays)]
    public void ParseMachineLimit_Valid_ReadsValueAndUnit(string text, decimal value, TimeLimitUnit unit) =>
        TaskLimit.ParseMachineLimit(text).Value.ShouldBe(new TimeLimit(value, unit));

    [Theory]
    [InlineData("0.5 workinghours")]
    [InlineData("0,5 WorkingHours")]
    [InlineData("0.5")]
    [InlineData("")]
    public void ParseMachineLimit_Invalid_Fails(string text) =>
        TaskLimit.ParseMachineLimit(text).Error.Code.ShouldBe("Workflow.LimitUnreadable");

    [Fact]
    public void TaskLimit_RoundTripsThroughItsText()
    {
        TaskLimit.Parse(TaskLimit.Of(new TimeLimit(0.25m, TimeLimitUnit.WorkingHours)).ToString()).Value.Fixed.ShouldBe(new TimeLimit(0.25m, TimeLimitUnit.WorkingHours));
        TaskLimit.Parse(TaskLimit.Category.ToString()).Value.ShouldBe(TaskLimit.Category);
        TaskLimit.FormatMachineLimit(new TimeLimit(4, TimeLimitUnit.WorkingDays)).ShouldBe("4 WorkingDays");
    }

    [Theory]
    [InlineData("PT2H", 120)]
    [InlineData("PT1H30M", 90)]
    [InlineData("PT0.5H", 30)]
    [InlineData("P2D", 2 * 24 * 60)]
    [InlineData("PT90S", 1.5)]
    public void ParseDuration_Iso_ReadsNaturalTime(string text, double minutes) =>
        TimerDuration.ParseDuration(text).Value.ShouldBe(new NaturalDuration(TimeSpan.FromMinutes(minutes)));

    [Theory]
    [InlineData("P1Y")]
    [InlineData("P1M")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P1W")]
    [InlineData("PT-1H")]
    public void ParseDuration_IsoWithoutFixedLength_Fails(string text) =>
        TimerDuration.ParseDuration(text).Error.Code.ShouldBe("Workflow.DurationUnreadable");

    [Fact]
    public void ParseDuration_OverAYear_Fails() =>
        TimerDuration.ParseDuration("P366D").Error.Code.ShouldBe("Workflow.DurationOutOfRange");

    [Theory]
    [InlineData("0.8", 0.8)]
    [InlineData("1.0", 1.0)]
    [InlineData("10", 10)]
    public void ParseFraction_InRange_Reads(string text, decimal fraction) =>
        TimerDuration.ParseFraction(text).Value.ShouldBe(new FractionOfTaskLimit(fraction));

    [Theory]
    [InlineData("-0.5")]
    [InlineData("1e1")]
    public void ParseFraction_Invalid_Fails(string text) =>
        TimerDuration.ParseFraction(text).IsFailure.ShouldBeTrue();
}
