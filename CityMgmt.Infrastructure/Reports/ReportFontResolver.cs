using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace CityMgmt.Infrastructure.Reports;

/// <summary>Thrown when no font with Chinese glyphs can be found; the message says how to fix it.</summary>
public sealed class ReportFontNotFoundException(string message) : InvalidOperationException(message);

/// <summary>
/// Finds the CJK typeface for PDFs and charts: the configured <c>Reports:CjkFontPath</c>, else fontconfig's
/// match for Chinese, else the usual install paths. TrueType outlines are preferred (wqy-microhei first):
/// CFF fonts such as Noto CJK render but their text extracts as Kangxi radicals.
/// </summary>
/// <remarks>
/// Typefaces are loaded once per file for the whole process and never disposed: the PDF backend embeds a
/// font once per typeface instance, and ScottPlot caches what its resolvers return, so charts and text
/// must share one instance (SkiaSharp here cannot subset fonts: every distinct instance costs megabytes).
/// </remarks>
public sealed class ReportFontResolver(IOptions<ReportOptions> options, ILogger<ReportFontResolver>? logger = null)
{
    private const string Fix = "请安装 fonts-wqy-microhei（apt-get install fonts-wqy-microhei）或配置 Reports:CjkFontPath。";

    private static readonly string[] KnownPaths =
    [
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
        @"C:\Windows\Fonts\msyh.ttc",
        @"C:\Windows\Fonts\simhei.ttf",
    ];

    private static readonly ConcurrentDictionary<string, Lazy<SKTypeface?>> Loaded = new(StringComparer.Ordinal);

    private readonly Lock gate = new();
    private (string Path, SKTypeface Typeface)? resolved;

    /// <summary>The font file in use (resolving it on first use).</summary>
    public string FontPath => Resolve().Path;

    /// <summary>The process-wide typeface of <see cref="FontPath"/>; do not dispose it.</summary>
    public SKTypeface Typeface => Resolve().Typeface;

    private (string Path, SKTypeface Typeface) Resolve()
    {
        lock (gate)
        {
            // Only success is cached: installing the font later works without a restart.
            return resolved ??= Load();
        }
    }

    private (string Path, SKTypeface Typeface) Load()
    {
        var configured = options.Value.CjkFontPath;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (!File.Exists(configured))
            {
                throw new ReportFontNotFoundException(
                    $"未找到中文字体：配置项 Reports:CjkFontPath 指向的文件不存在（{configured}）。{Fix} " +
                    $"CJK font not found: Reports:CjkFontPath points to a missing file ({configured}).");
            }

            return TryLoad(configured) ?? throw new ReportFontNotFoundException(
                $"未找到中文字体：{configured} 不含中文字形或无法读取。{Fix} " +
                $"CJK font not usable: {configured} has no Chinese glyphs or cannot be read.");
        }

        foreach (var candidate in FontconfigMatches().Concat(KnownPaths).Distinct())
        {
            if (File.Exists(candidate) && TryLoad(candidate) is { } found)
            {
                return found;
            }
        }

        throw new ReportFontNotFoundException(
            $"未找到中文字体：系统中没有含中文字形的字体。{Fix} " +
            "CJK font not found: install fonts-wqy-microhei or set Reports:CjkFontPath.");
    }

    private (string, SKTypeface)? TryLoad(string path)
    {
        var typeface = Loaded.GetOrAdd(Path.GetFullPath(path), LoadWithChinese).Value;
        if (typeface is null)
        {
            return null;
        }

        logger?.LogInformation("Reports use the CJK font {FontPath} ({Family})", path, typeface.FamilyName);
        return (path, typeface);
    }

    private static Lazy<SKTypeface?> LoadWithChinese(string path) => new(() =>
    {
        var typeface = SKTypeface.FromFile(path);
        if (typeface is null)
        {
            return null;
        }

        using var font = new SKFont(typeface);
        if (font.GetGlyph('中') != 0)
        {
            return typeface;
        }

        typeface.Dispose();
        return null;
    });

    private static IEnumerable<string> FontconfigMatches()
    {
        // ':lang=zh' alone may match a Latin default font; the candidates are checked for '中' anyway.
        foreach (var pattern in new[] { ":lang=zh-cn", ":lang=zh", ":charset=4e2d" })
        {
            if (RunFcMatch(pattern) is { Length: > 0 } file)
            {
                yield return file;
            }
        }
    }

    private static string? RunFcMatch(string pattern)
    {
        try
        {
            var start = new ProcessStartInfo("fc-match") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add("-f");
            start.ArgumentList.Add("%{file}");
            start.ArgumentList.Add(pattern);
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd();
            return process.WaitForExit(5000) && process.ExitCode == 0 ? output.Trim() : null;
        }
        catch (Win32Exception)
        {
            return null; // no fontconfig on this system
        }
    }
}
