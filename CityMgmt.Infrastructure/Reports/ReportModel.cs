namespace CityMgmt.Infrastructure.Reports;

/// <summary>
/// A report independent of what it reports: the PDF renderer and the Excel writers take the same model.
/// Instants are shown in China time (<see cref="GeneratedAt"/> and <see cref="DateTimeOffset"/> cells).
/// </summary>
/// <param name="Title">e.g. "示范县数字化城市管理月度评价报告".</param>
/// <param name="Period">Subtitle shown under the title, e.g. "2026年11月".</param>
/// <param name="Unit">编制单位.</param>
public sealed record ReportDocument(
    string Title,
    string? Period,
    string? Unit,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<ReportSection> Sections)
{
    /// <summary>编制人 (optional).</summary>
    public string? Author { get; init; }

    public IEnumerable<ReportTable> Tables => Sections.SelectMany(s => s.Blocks).OfType<ReportTable>();
}

/// <summary>A heading and its blocks; the heading may be empty for a section without one.</summary>
public sealed record ReportSection(string Heading, IReadOnlyList<ReportBlock> Blocks);

/// <summary>Paragraph, table or chart.</summary>
public abstract record ReportBlock;

/// <summary>Plain text, wrapped to the page width; "\n" starts a new line.</summary>
public sealed record ReportParagraph(string Text) : ReportBlock;

/// <summary>
/// A table: one sheet in Excel, and in the PDF a table that breaks across pages repeating its header.
/// Cell values: string, integral and floating numbers, decimal, DateOnly, DateTime, DateTimeOffset, bool; null shows "—".
/// </summary>
public sealed record ReportTable(string Title, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<ReportRow> Rows) : ReportBlock;

public enum ReportColumnKind
{
    Text,

    /// <summary>Integers: counts, ranks.</summary>
    WholeNumber,

    /// <summary>Fixed decimals, see <see cref="ReportColumn.Decimals"/>.</summary>
    Number,

    /// <summary>A fraction (0.953) shown as "95.3%".</summary>
    Percent,
    Date,
}

/// <param name="Header">Chinese header text.</param>
public sealed record ReportColumn(string Header, ReportColumnKind Kind = ReportColumnKind.Text)
{
    /// <summary>Decimal places; by default 1 for percentages and 2 for decimals.</summary>
    public int? Decimals { get; init; }

    public int Places => Decimals ?? (Kind == ReportColumnKind.Percent ? 1 : 2);

    /// <summary>Cells holding a grade letter (A–E) get the grade's colours.</summary>
    public bool GradeColours { get; init; }

    /// <summary>Excel width in characters; computed from the content when null.</summary>
    public double? Width { get; init; }

    public bool IsNumeric => Kind is ReportColumnKind.WholeNumber or ReportColumnKind.Number or ReportColumnKind.Percent;

    public static ReportColumn Text(string header) => new(header);

    public static ReportColumn WholeNumber(string header) => new(header, ReportColumnKind.WholeNumber);

    public static ReportColumn Number(string header, int decimals = 2) => new(header, ReportColumnKind.Number) { Decimals = decimals };

    public static ReportColumn Percent(string header, int decimals = 1) => new(header, ReportColumnKind.Percent) { Decimals = decimals };

    public static ReportColumn Date(string header) => new(header, ReportColumnKind.Date);

    public static ReportColumn Grade(string header) => new(header) { GradeColours = true };
}

/// <summary>One row; <paramref name="Fills"/> (same length as the values, entries may be null) colours single cells.</summary>
public sealed record ReportRow(IReadOnlyList<object?> Values, IReadOnlyList<ReportFill?>? Fills = null)
{
    public static ReportRow Of(params object?[] values) => new(values);

    /// <summary>The explicit fill of a cell, else the grade colours when the column asks for them.</summary>
    public ReportFill? FillAt(int index, ReportColumn column) =>
        (Fills is not null && index < Fills.Count ? Fills[index] : null)
        ?? (column.GradeColours ? ReportGrades.FillFor(index < Values.Count ? Values[index] : null) : null);
}

public readonly record struct ReportColor(byte R, byte G, byte B)
{
    /// <summary>"RRGGBB".</summary>
    public string Hex => $"{R:X2}{G:X2}{B:X2}";
}

/// <summary>A cell background with a text colour that stays readable on it.</summary>
public sealed record ReportFill(ReportColor Background, ReportColor Text);

public enum ReportChartKind
{
    Line,
    Bar,
}

/// <summary>Series over categories (usually periods: "1月", "2月" …); labels may be Chinese.</summary>
public sealed record ReportChart(string Title, ReportChartKind Kind, IReadOnlyList<string> Categories, IReadOnlyList<ReportSeries> Series) : ReportBlock
{
    public string? YAxisLabel { get; init; }

    /// <summary>Height in PDF points (1/72 inch).</summary>
    public float Height { get; init; } = 240;
}

/// <summary>One value per category; null leaves a gap.</summary>
public sealed record ReportSeries(string Name, IReadOnlyList<double?> Values);
