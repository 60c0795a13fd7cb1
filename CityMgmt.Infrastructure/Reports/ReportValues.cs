using System.Globalization;
using CityMgmt.Domain.Calendar;

namespace CityMgmt.Infrastructure.Reports;

/// <summary>How cell values are shown and sized, shared by the PDF and both Excel writers.</summary>
public static class ReportValues
{
    /// <summary>Shown for a missing value (an indicator with no sample, for instance).</summary>
    public const string Missing = "—";

    /// <summary>The text of a cell as the PDF shows it; the Excel formats give the same text.</summary>
    public static string Format(object? value, ReportColumn column)
    {
        var inv = CultureInfo.InvariantCulture;
        return value switch
        {
            null => Missing,
            string s => s,
            bool b => b ? "是" : "否",
            DateOnly d => d.ToString("yyyy-MM-dd", inv),
            DateTime d => d.ToString("yyyy-MM-dd", inv),
            DateTimeOffset d => ToChinaTime(d).ToString("yyyy-MM-dd", inv),
            _ when TryNumber(value, out var n) => column.Kind switch
            {
                ReportColumnKind.WholeNumber => Math.Round(n, MidpointRounding.AwayFromZero).ToString("0", inv),
                ReportColumnKind.Percent => (n * 100).ToString("F" + column.Places, inv) + "%",
                ReportColumnKind.Number => n.ToString("F" + column.Places, inv),
                _ => n.ToString(inv),
            },
            IFormattable f => f.ToString(null, inv),
            _ => value.ToString() ?? string.Empty,
        };
    }

    /// <summary>The Excel number format of a column kind; text columns are "@" (kept as typed, "001" stays "001").</summary>
    public static string ExcelFormat(ReportColumn column) => column.Kind switch
    {
        ReportColumnKind.WholeNumber => "0",
        ReportColumnKind.Number => column.Places > 0 ? "0." + new string('0', column.Places) : "0",
        ReportColumnKind.Percent => column.Places > 0 ? "0." + new string('0', column.Places) + "%" : "0%",
        ReportColumnKind.Date => "yyyy-mm-dd",
        _ => "@",
    };

    /// <summary>A value as Excel should store it: numbers as double, dates as DateTime (China time), the rest as text.</summary>
    public static object? ToExcel(object? value) => value switch
    {
        null => null,
        string or DateTime => value,
        bool b => b ? "是" : "否",
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        DateTimeOffset d => ToChinaTime(d),
        decimal m => (double)m,
        _ when TryNumber(value, out var n) => n,
        _ => value.ToString(),
    };

    /// <summary>
    /// Display width in Excel character units: a CJK (full-width) character counts about 2, others about 1.1.
    /// </summary>
    public static double DisplayWidth(string text)
    {
        var width = 0.0;
        foreach (var c in text)
        {
            width += char.IsLowSurrogate(c) ? 0 : IsWide(c) ? 2.0 : 1.1;
        }

        return width;
    }

    /// <summary>Excel column width for a header and sample cells: the widest text plus padding, clamped.</summary>
    public static double ExcelWidth(ReportColumn column, IEnumerable<string> sampleTexts, double min = 6, double max = 60)
    {
        if (column.Width is { } fixedWidth)
        {
            return fixedWidth;
        }

        var widest = DisplayWidth(column.Header);
        foreach (var text in sampleTexts)
        {
            widest = Math.Max(widest, DisplayWidth(text));
        }

        return Math.Clamp(Math.Ceiling(widest + 2), min, max);
    }

    internal static bool IsWide(char c) =>
        c is >= '\u1100' and <= '\u115F' or >= '\u2E80' and <= '\uA4CF' or >= '\uAC00' and <= '\uD7A3'
            or >= '\uF900' and <= '\uFAFF' or >= '\uFE30' and <= '\uFE4F' or >= '\uFF00' and <= '\uFF60' or >= '\uFFE0' and <= '\uFFE6'
            || char.IsHighSurrogate(c);

    internal static DateTime ToChinaTime(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, WorkingCalendar.ChinaTimeZone).DateTime;

    private static bool TryNumber(object value, out double number)
    {
        switch (value)
        {
            case int or long or short or byte or sbyte or ushort or uint or ulong or float or double or decimal:
                number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                return true;
            default:
                number = 0;
                return false;
        }
    }
}
