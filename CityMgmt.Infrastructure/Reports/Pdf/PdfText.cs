using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace CityMgmt.Infrastructure.Reports.Pdf;

/// <summary>
/// Measures, wraps and draws text with one typeface. Drawing goes through HarfBuzz (<see cref="SKShaper"/>)
/// so the PDF gets positioned glyphs with their Unicode mapping: Chinese text extracts correctly.
/// </summary>
internal sealed class PdfText(SKTypeface typeface) : IDisposable
{
    private const string NoLineStart = "，。、；：！？）》」』】〕〉”’…%,.;:!?)]}";
    private const string NoLineEnd = "（《「『【〔〈“‘([{";

    private readonly SKShaper shaper = new(typeface);
    private readonly Dictionary<float, SKFont> fonts = [];
    private readonly Dictionary<SKColor, SKPaint> paints = [];

    public SKTypeface Typeface => typeface;

    public SKFont Font(float size)
    {
        if (!fonts.TryGetValue(size, out var font))
        {
            font = new SKFont(typeface, size) { Subpixel = true };
            fonts[size] = font;
        }

        return font;
    }

    public SKPaint Paint(SKColor color)
    {
        if (!paints.TryGetValue(color, out var paint))
        {
            paint = new SKPaint { Color = color, IsAntialias = true };
            paints[color] = paint;
        }

        return paint;
    }

    public float Measure(string text, float size) => Font(size).MeasureText(text);

    /// <summary>Distance from the top of a line box to the baseline.</summary>
    public float Ascent(float size) => -Font(size).Metrics.Ascent;

    public void Draw(SKCanvas canvas, string text, float x, float baseline, float size, SKColor color, SKTextAlign align = SKTextAlign.Left)
    {
        if (text.Length > 0)
        {
            canvas.DrawShapedText(shaper, text, x, baseline, align, Font(size), Paint(color));
        }
    }

    /// <summary>
    /// Greedy line breaking: any CJK character may start a line, Latin words and numbers stay whole
    /// unless longer than the line; "\n" forces a break.
    /// </summary>
    public List<string> Wrap(string text, float size, float maxWidth)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            WrapParagraph(paragraph, size, maxWidth, lines);
        }

        return lines;
    }

    public void Dispose()
    {
        shaper.Dispose();
        foreach (var font in fonts.Values)
        {
            font.Dispose();
        }

        foreach (var paint in paints.Values)
        {
            paint.Dispose();
        }
    }

    private void WrapParagraph(string text, float size, float maxWidth, List<string> lines)
    {
        if (Measure(text, size) <= maxWidth)
        {
            lines.Add(text);
            return;
        }

        var lineStart = 0;
        var position = 0;
        while (position < text.Length)
        {
            var tokenEnd = NextTokenEnd(text, position);
            var width = Measure(text[lineStart..tokenEnd], size);
            if (width > maxWidth && position > lineStart)
            {
                lines.Add(text[lineStart..position].TrimEnd());
                lineStart = position;
                while (lineStart < text.Length && text[lineStart] == ' ')
                {
                    lineStart++;
                }

                position = lineStart;
                continue;
            }

            if (width > maxWidth)
            {
                // One token wider than the line: break it by characters.
                var cut = lineStart + 1;
                while (cut < tokenEnd && Measure(text[lineStart..(cut + 1)], size) <= maxWidth)
                {
                    cut++;
                }

                lines.Add(text[lineStart..cut]);
                lineStart = position = cut;
                continue;
            }

            position = tokenEnd;
        }

        if (lineStart < text.Length)
        {
            lines.Add(text[lineStart..]);
        }
    }

    private static int NextTokenEnd(string text, int start)
    {
        if (text[start] == ' ')
        {
            return start + 1;
        }

        var end = start + 1;
        if (ReportValues.IsWide(text[start]))
        {
            end += char.IsHighSurrogate(text[start]) && end < text.Length ? 1 : 0;
        }
        else
        {
            while (end < text.Length && text[end] != ' ' && !ReportValues.IsWide(text[end]))
            {
                end++;
            }
        }

        // Line-breaking rules (禁则): opening brackets stay with what follows, closing punctuation with what precedes.
        if (NoLineEnd.Contains(text[end - 1], StringComparison.Ordinal) && end < text.Length && text[end] != ' ')
        {
            return NextTokenEnd(text, end);
        }

        while (end < text.Length && NoLineStart.Contains(text[end], StringComparison.Ordinal))
        {
            end++;
        }

        return end;
    }
}
