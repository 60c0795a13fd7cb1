using SkiaSharp;

namespace CityMgmt.Infrastructure.Reports.Pdf;

/// <summary>One laid-out page: drawing operations replayed once the page count is known.</summary>
internal sealed class PdfPage(bool isCover)
{
    public bool IsCover { get; } = isCover;

    public List<Action<SKCanvas>> Ops { get; } = [];
}

/// <summary>
/// A cursor over A4 pages (points, 1/72 inch). Blocks are laid out first, into a list of pages of
/// drawing operations; the renderer draws them afterwards with "第 x 页 共 y 页" on every page.
/// </summary>
internal sealed class PdfLayout(PdfText text) : IDisposable
{
    public const float PageWidth = 595.28f;
    public const float PageHeight = 841.89f;
    public const float Left = 50;
    public const float Right = PageWidth - 50;
    public const float Top = 68;
    public const float Bottom = PageHeight - 58;

    public static readonly SKColor Ink = new(0x21, 0x21, 0x21);
    public static readonly SKColor Muted = new(0x66, 0x6E, 0x78);
    public static readonly SKColor Accent = new(0x1F, 0x4E, 0x79);
    public static readonly SKColor Rule = new(0x9A, 0xA5, 0xB1);

    private readonly Dictionary<(SKColor, float), SKPaint> strokes = [];

    public PdfText Text => text;

    public List<PdfPage> Pages { get; } = [];

    public const float ContentWidth = Right - Left;

    /// <summary>Top of the free space on the current page.</summary>
    public float Y { get; set; }

    public void NewPage(bool cover = false)
    {
        Pages.Add(new PdfPage(cover));
        Y = Top;
    }

    public bool Fits(float height) => Y + height <= Bottom;

    /// <summary>Starts a new page unless <paramref name="height"/> fits (or the page is still empty).</summary>
    public void EnsureSpace(float height)
    {
        if (!Fits(height) && Y > Top)
        {
            NewPage();
        }
    }

    public void Draw(Action<SKCanvas> op) => Pages[^1].Ops.Add(op);

    public void DrawText(string value, float x, float baseline, float size, SKColor color, SKTextAlign align = SKTextAlign.Left) =>
        Draw(c => text.Draw(c, value, x, baseline, size, color, align));

    public void FillRect(SKRect rect, SKColor color) => Draw(c => c.DrawRect(rect, text.Paint(color)));

    public void StrokeRect(SKRect rect, SKColor color, float width = 0.5f) => Draw(c => c.DrawRect(rect, Stroke(color, width)));

    public void DrawLine(float x0, float y0, float x1, float y1, SKColor color, float width = 0.5f) =>
        Draw(c => c.DrawLine(x0, y0, x1, y1, Stroke(color, width)));

    /// <summary>Wrapped lines at the cursor, breaking to new pages between lines.</summary>
    public void Paragraph(string value, float size, SKColor color, float lineFactor = 1.6f)
    {
        var lineHeight = size * lineFactor;
        foreach (var line in text.Wrap(value, size, ContentWidth))
        {
            EnsureSpace(lineHeight);
            DrawText(line, Left, Y + text.Ascent(size) + ((lineHeight - size) / 2), size, color);
            Y += lineHeight;
        }
    }

    public void Dispose()
    {
        foreach (var paint in strokes.Values)
        {
            paint.Dispose();
        }
    }

    private SKPaint Stroke(SKColor color, float width)
    {
        if (!strokes.TryGetValue((color, width), out var paint))
        {
            paint = new SKPaint { Color = color, StrokeWidth = width, Style = SKPaintStyle.Stroke, IsAntialias = true };
            strokes[(color, width)] = paint;
        }

        return paint;
    }
}
