using System.Globalization;
using NetTopologySuite.Geometries;

namespace CityMgmt.Infrastructure.Geo.Import.Reading;

/// <summary>
/// One feature or line of a file, with its attributes under their standard names (see <see cref="ImportFields"/>).
/// A geometry that could not be read leaves <see cref="Geometry"/> null and says why in <see cref="GeometryError"/>.
/// </summary>
internal sealed record ImportRecord(int Row, string? Layer, IReadOnlyDictionary<string, object?> Values, Geometry? Geometry, string? GeometryError = null)
{
    public bool Has(string field) => Values.ContainsKey(field);

    /// <summary>Trimmed text, null when absent or blank. Numbers come back without exponent or trailing zeros.</summary>
    public string? Text(string field) => FieldValues.Text(Values.GetValueOrDefault(field));

    public ImportError Error(string field, string message, string? code = null) => new(Row, code, field, message, Layer);
}

internal static class FieldValues
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy-M-d", "yyyy/MM/dd", "yyyy/M/d", "yyyyMMdd", "yyyy.MM.dd", "yyyy.M.d", "yyyy年M月d日",
        "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm",
    ];

    public static string? Text(object? value)
    {
        var text = value switch
        {
            null => null,
            string s => s,
            decimal d => d.ToString("0.##########", CultureInfo.InvariantCulture),
            double d => d.ToString(Math.Abs(d) >= 1e15 ? "F0" : "0.##########", CultureInfo.InvariantCulture),
            float f => ((double)f).ToString("0.######", CultureInfo.InvariantCulture),
            DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        text = text?.Trim().Trim('\0');
        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>A date, or null when blank; <paramref name="invalid"/> when something was written that is not a date.</summary>
    public static DateOnly? Date(object? value, out bool invalid)
    {
        invalid = false;
        switch (value)
        {
            case DateTime d:
                return DateOnly.FromDateTime(d);
            case DateOnly d:
                return d;
        }

        var text = Text(value);
        if (text is null)
        {
            return null;
        }

        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return DateOnly.FromDateTime(parsed);
        }

        invalid = true;
        return null;
    }

    public static double? Number(object? value, out bool invalid)
    {
        invalid = false;
        switch (value)
        {
            case double d:
                return d;
            case decimal m:
                return (double)m;
            case int i:
                return i;
            case long l:
                return l;
        }

        var text = Text(value);
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            return number;
        }

        invalid = true;
        return null;
    }
}
