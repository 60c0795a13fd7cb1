using CityMgmt.Domain.Components;

namespace CityMgmt.Infrastructure.Geo.Import;

/// <summary>Section "BaseDataImport": the bounds every uploaded file is held to, and the site's component code scheme.</summary>
public sealed class BaseDataImportOptions
{
    public const string Section = "BaseDataImport";
    private const long MiB = 1024 * 1024;

    /// <summary>Largest file accepted, checked before reading (default 200 MB).</summary>
    public long MaxUploadBytes { get; set; } = 200 * MiB;

    /// <summary>Largest total size of a zip's entries once expanded (default 1 GB).</summary>
    public long MaxUncompressedBytes { get; set; } = 1024 * MiB;

    /// <summary>Expanded size may be at most this many times the archive's size (zip bombs reach thousands).</summary>
    public int MaxCompressionRatio { get; set; } = 100;

    /// <summary>A shapefile layer is 4–8 files; this allows a dozen layers.</summary>
    public int MaxZipEntries { get; set; } = 100;

    /// <summary>The component identifier scheme of this deployment (16 or 17 digits).</summary>
    public ComponentCodeScheme CodeScheme { get; set; } = ComponentCodeScheme.Standard16;

    /// <summary>Overlap between unit grids (or area outside the community) tolerated as digitising slivers, in m².</summary>
    public double TopologyToleranceSquareMetres { get; set; } = 2.0;

    /// <summary>A component may lie this far outside the grid named in BGID (boundary points), in metres.</summary>
    public double GridDistanceToleranceMetres { get; set; } = 10.0;

    /// <summary>Rows validated and written per batch: bounds memory for 170,000-row files.</summary>
    public int BatchSize { get; set; } = 2000;

    /// <summary>Errors kept for the report; the count goes on beyond it.</summary>
    public int MaxListedErrors { get; set; } = 5000;

    public string MaxUploadText => FormatBytes(MaxUploadBytes);

    public static string FormatBytes(long bytes) => bytes switch
    {
        >= 1024 * MiB => $"{bytes / (1024.0 * MiB):0.#} GB",
        >= MiB => $"{bytes / (double)MiB:0.#} MB",
        >= 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes} 字节",
    };
}
