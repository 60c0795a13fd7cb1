using CityMgmt.Domain.Cases;

namespace CityMgmt.Tests.Domain.Codes;

public class CaseNumberTests
{
    [Fact]
    public void Create_DayAndSequence_IsReadableAndRoundTrips()
    {
        var number = CaseNumber.Create(new DateOnly(2026, 11, 28), 12).Value;

        number.Value.ShouldBe("20261128-00012");
        CaseNumber.Parse(number.Value).Value.ShouldBe(number);
        number.Date.ShouldBe(new DateOnly(2026, 11, 28));
        number.Sequence.ShouldBe(12);
    }

    [Theory]
    [InlineData("2026112800012")]
    [InlineData("20261328-00012")]
    [InlineData("20261128-0001")]
    [InlineData("20261128-00000")]
    [InlineData("20261128_00012")]
    public void Parse_Malformed_Fails(string input) =>
        CaseNumber.Parse(input).Error.Message.ShouldContain("年月日-5位序号");

    [Theory]
    [InlineData(0)]
    [InlineData(100_000)]
    public void Create_SequenceOutOfRange_Fails(int sequence) =>
        CaseNumber.Create(new DateOnly(2026, 1, 1), sequence).IsFailure.ShouldBeTrue();
}
