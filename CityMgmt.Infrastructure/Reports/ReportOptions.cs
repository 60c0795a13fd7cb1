namespace CityMgmt.Infrastructure.Reports;

/// <summary>Section "Reports" of the configuration.</summary>
public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>A TrueType/TTC font with Chinese glyphs; when empty, fontconfig and the usual paths are searched.</summary>
    public string? CjkFontPath { get; set; }

    /// <summary>How long a finished export stays downloadable before its file is deleted.</summary>
    public TimeSpan ExportRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Exports running at the same time; further ones wait in the queue.</summary>
    public int MaxConcurrentExports { get; set; } = 2;
}
