using CityMgmt.Domain.Evaluation;

namespace CityMgmt.Tests.Domain.Evaluation;

public class GradeTests
{
    [Theory]
    [InlineData(100, Grade.A)]
    [InlineData(90, Grade.A)]
    [InlineData(89.999, Grade.B)]
    [InlineData(75, Grade.B)]
    [InlineData(74.99, Grade.C)]
    [InlineData(60, Grade.C)]
    [InlineData(59.99, Grade.D)]
    [InlineData(40, Grade.D)]
    [InlineData(39.99, Grade.E)]
    [InlineData(0, Grade.E)]
    public void For_BoundaryScores_BelongToTheHigherGrade(double score, Grade expected) =>
        Grades.For((decimal)score).Grade.ShouldBe(expected);

    [Theory]
    [InlineData(Grade.A, "#2E7D32", "绿色")]
    [InlineData(Grade.B, "#1565C0", "蓝色")]
    [InlineData(Grade.C, "#F9A825", "黄色")]
    [InlineData(Grade.D, "#C62828", "红色")]
    [InlineData(Grade.E, "#000000", "黑色")]
    public void Info_EachGrade_HasItsColour(Grade grade, string hex, string name)
    {
        var info = grade.Info();

        info.ColourHex.ShouldBe(hex);
        info.ColourName.ShouldBe(name);
        info.ToString().ShouldBe($"{grade}（{name}）");
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(100.01)]
    public void For_OutsideZeroToHundred_Throws(double score) =>
        Should.Throw<ArgumentOutOfRangeException>(() => Grades.For((decimal)score));
}
