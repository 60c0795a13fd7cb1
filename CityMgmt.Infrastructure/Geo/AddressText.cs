using System.Text;

namespace CityMgmt.Infrastructure.Geo;

/// <summary>Text clean-up for address matching: full-width forms, spaces, Chinese numerals.</summary>
internal static class AddressText
{
    private const string Digits = "零一二三四五六七八九";

    /// <summary>Full-width letters/digits to ASCII, spaces and common punctuation removed, ASCII letters lower-cased.</summary>
    public static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(text.Length);
        foreach (var raw in text)
        {
            var c = raw is >= '\uFF01' and <= '\uFF5E' ? (char)(raw - 0xFEE0) : raw;
            if (char.IsWhiteSpace(c) || c is ',' or '，' or '。' or '"' or '“' or '”' or '\'')
            {
                continue;
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    /// <summary>An ASCII number ("50", "1.5") or a Chinese one up to 9999 ("五十", "一百二", "两千").</summary>
    public static bool TryParseNumber(string text, out double value)
    {
        if (double.TryParse(text, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        return TryParseChinese(text, out value);
    }

    private static bool TryParseChinese(string text, out double value)
    {
        value = 0;
        if (text.Length == 0)
        {
            return false;
        }

        var total = 0;
        var pending = -1;
        var lastUnit = 10_000;
        var zero = false;
        foreach (var c in text.Replace('两', '二').Replace('〇', '零'))
        {
            if (c == '零')
            {
                zero = true;
                continue;
            }

            var digit = Digits.IndexOf(c, StringComparison.Ordinal);
            if (digit >= 0)
            {
                pending = digit;
                continue;
            }

            var unit = c switch { '十' => 10, '百' => 100, '千' => 1000, _ => 0 };
            if (unit == 0 || unit >= lastUnit)
            {
                return false;
            }

            total += (pending < 0 ? 1 : pending) * unit;
            (pending, lastUnit) = (-1, unit);
        }

        if (pending > 0)
        {
            // "一百二" means 120 (the next lower unit), "一百零二" means 102.
            total += zero || lastUnit is 10_000 or 10 ? pending : pending * (lastUnit / 10);
        }

        value = total;
        return total > 0;
    }
}
