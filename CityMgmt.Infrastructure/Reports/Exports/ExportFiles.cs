namespace CityMgmt.Infrastructure.Reports.Exports;

/// <summary>Names and deletion of the files under the exports folder.</summary>
internal static class ExportFiles
{
    /// <summary>Suffix of a file being written; renamed to the stored name when complete.</summary>
    public const string PartSuffix = ".part";

    public static string OwnerName(string fileName) =>
        fileName.EndsWith(PartSuffix, StringComparison.Ordinal) ? fileName[..^PartSuffix.Length] : fileName;

    /// <summary>True when the file is gone afterwards (also when it was never there).</summary>
    public static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
