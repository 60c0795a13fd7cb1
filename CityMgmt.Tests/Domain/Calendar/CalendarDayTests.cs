using CityMgmt.Domain.Calendar;

namespace CityMgmt.Tests.Domain.Calendar;

public class CalendarDayTests
{
    [Fact]
    public void Create_HolidayOnWeekday_Succeeds()
    {
        var result = CalendarDay.Create(new DateOnly(2026, 10, 1), CalendarDayKind.Holiday, "国庆节");

        result.IsSuccess.ShouldBeTrue();
        result.Value.Date.ShouldBe(new DateOnly(2026, 10, 1));
        result.Value.Kind.ShouldBe(CalendarDayKind.Holiday);
        result.Value.Name.ShouldBe("国庆节");
        result.Value.Id.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public void Create_HolidayOnWeekend_Succeeds() =>
        CalendarDay.Create(new DateOnly(2026, 10, 3), CalendarDayKind.Holiday, "国庆节").IsSuccess.ShouldBeTrue();

    [Theory]
    [InlineData(2026, 10, 10)]
    [InlineData(2026, 9, 20)]
    public void Create_MakeupOnWeekend_Succeeds(int year, int month, int day) =>
        CalendarDay.Create(new DateOnly(year, month, day), CalendarDayKind.MakeupWorkday, "国庆节调休").IsSuccess.ShouldBeTrue();

    [Fact]
    public void Create_MakeupOnWeekday_FailsNamingTheDate()
    {
        var result = CalendarDay.Create(new DateOnly(2026, 10, 9), CalendarDayKind.MakeupWorkday, "国庆节调休");

        result.IsFailure.ShouldBeTrue();
        result.Error.Code.ShouldBe("Calendar.MakeupNotOnWeekend");
        result.Error.Message.ShouldBe("2026-10-09 调休上班日必须是周六或周日");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_NoName_Fails(string? name)
    {
        var result = CalendarDay.Create(new DateOnly(2026, 10, 1), CalendarDayKind.Holiday, name!);

        result.Error.Code.ShouldBe("Calendar.NameRequired");
        result.Error.Message.ShouldBe("节假日名称不能为空");
    }

    [Fact]
    public void Create_NameOverMaxLength_Fails()
    {
        var result = CalendarDay.Create(new DateOnly(2026, 10, 1), CalendarDayKind.Holiday, new string('节', CalendarDay.NameMaxLength + 1));

        result.Error.Code.ShouldBe("Calendar.NameTooLong");
        result.Error.Message.ShouldBe("节假日名称不能超过 50 个字符");
    }

    [Fact]
    public void Create_NameAtMaxLength_Succeeds() =>
        CalendarDay.Create(new DateOnly(2026, 10, 1), CalendarDayKind.Holiday, new string('节', 50)).IsSuccess.ShouldBeTrue();

    [Fact]
    public void Create_NameWithSpaces_IsTrimmed() =>
        CalendarDay.Create(new DateOnly(2026, 2, 17), CalendarDayKind.Holiday, "  春节 ").Value.Name.ShouldBe("春节");

    [Fact]
    public void Create_UnknownKind_Fails() =>
        CalendarDay.Create(new DateOnly(2026, 10, 1), (CalendarDayKind)9, "国庆节").Error.Code.ShouldBe("Calendar.UnknownDayKind");
}
