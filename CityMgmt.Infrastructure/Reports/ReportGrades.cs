namespace CityMgmt.Infrastructure.Reports;

/// <summary>The colours of the evaluation grades: A green, B blue, C yellow, D red, E black.</summary>
public static class ReportGrades
{
    private static readonly ReportColor White = new(0xFF, 0xFF, 0xFF);
    private static readonly ReportColor Ink = new(0x21, 0x21, 0x21);

    public static ReportFill A { get; } = new(new(0x2E, 0x7D, 0x32), White);

    public static ReportFill B { get; } = new(new(0x15, 0x65, 0xC0), White);

    /// <summary>Yellow is too light for white text: dark text.</summary>
    public static ReportFill C { get; } = new(new(0xFB, 0xC0, 0x2D), Ink);

    public static ReportFill D { get; } = new(new(0xC6, 0x28, 0x28), White);

    public static ReportFill E { get; } = new(new(0x21, 0x21, 0x21), White);

    /// <summary>The fill of a grade value ("A"…"E", case-insensitive, surrounding spaces ignored); null for anything else.</summary>
    public static ReportFill? FillFor(object? grade) => (grade as string)?.Trim().ToUpperInvariant() switch
    {
        "A" => A,
        "B" => B,
        "C" => C,
        "D" => D,
        "E" => E,
        _ => null,
    };
}
