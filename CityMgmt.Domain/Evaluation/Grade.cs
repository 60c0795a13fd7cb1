namespace CityMgmt.Domain.Evaluation;

/// <summary>A [90,100] · B [75,90) · C [60,75) · D [40,60) · E [0,40) (domain.md §5).</summary>
public enum Grade
{
    A,
    B,
    C,
    D,
    E,
}

/// <summary>A grade, its lower bound (inclusive) and the colour it is shown in.</summary>
public sealed record GradeInfo(Grade Grade, decimal MinScore, string ColourHex, string ColourName)
{
    public override string ToString() => $"{Grade}（{ColourName}）";
}

public static class Grades
{
    public static IReadOnlyList<GradeInfo> All { get; } =
    [
        new(Grade.A, 90, "#2E7D32", "绿色"),
        new(Grade.B, 75, "#1565C0", "蓝色"),
        new(Grade.C, 60, "#F9A825", "黄色"),
        new(Grade.D, 40, "#C62828", "红色"),
        new(Grade.E, 0, "#000000", "黑色"),
    ];

    public static GradeInfo Info(this Grade grade) => All.First(g => g.Grade == grade);

    /// <summary>The grade of a score in [0, 100]; bounds belong to the higher grade (90 → A, 89.999 → B).</summary>
    public static GradeInfo For(decimal score)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(score);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(score, 100m);
        return All.First(g => score >= g.MinScore);
    }
}
