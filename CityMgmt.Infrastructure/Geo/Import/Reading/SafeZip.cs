using System.IO.Compression;

namespace CityMgmt.Infrastructure.Geo.Import.Reading;

/// <summary>
/// Expands an uploaded zip only after checking it: entry count, no "..", no absolute paths, declared total
/// size and compression ratio within bounds. While expanding, each entry must yield exactly the bytes and the
/// CRC-32 it declared: a forged header can neither smuggle a bomb past the checks nor get a file read truncated.
/// </summary>
internal static class SafeZip
{
    public static async Task<IReadOnlyList<string>> ExtractAsync(string zipPath, string folder, BaseDataImportOptions options, CancellationToken ct)
    {
        var archiveSize = new FileInfo(zipPath).Length;
        ZipArchive archive;
        try
        {
            archive = await ZipArchive.CreateAsync(File.OpenRead(zipPath), ZipArchiveMode.Read, leaveOpen: false, entryNameEncoding: null, ct);
        }
        catch (InvalidDataException)
        {
            throw new ImportRefusedException(ImportErrors.NotZip);
        }

        await using (archive)
        {
            var entries = archive.Entries.Where(e => !IsJunk(e.FullName)).ToList();
            Check(entries, archiveSize, options);
            var root = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
            var files = new List<string>();
            foreach (var entry in entries.Where(e => !e.FullName.EndsWith('/')))
            {
                var destination = Path.GetFullPath(Path.Combine(root, entry.FullName.Replace('\\', '/')));
                if (!destination.StartsWith(root, StringComparison.Ordinal))
                {
                    throw new ImportRefusedException(ImportErrors.ZipUnsafePath(entry.FullName));
                }

                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                await CopyBoundedAsync(entry, destination, ct);
                files.Add(destination);
            }

            return files;
        }
    }

    private static void Check(List<ZipArchiveEntry> entries, long archiveSize, BaseDataImportOptions options)
    {
        if (entries.Count > options.MaxZipEntries)
        {
            throw new ImportRefusedException(ImportErrors.ZipTooManyEntries(entries.Count, options.MaxZipEntries));
        }

        foreach (var entry in entries.Where(e => !IsSafeName(e.FullName)))
        {
            throw new ImportRefusedException(ImportErrors.ZipUnsafePath(entry.FullName));
        }

        var expanded = entries.Sum(e => e.Length);
        if (expanded > options.MaxUncompressedBytes)
        {
            throw new ImportRefusedException(ImportErrors.ZipTooLarge(expanded, options.MaxUncompressedBytes));
        }

        if (expanded > (long)options.MaxCompressionRatio * Math.Max(archiveSize, 1))
        {
            throw new ImportRefusedException(ImportErrors.ZipRatio(expanded, archiveSize, options.MaxCompressionRatio));
        }
    }

    private static bool IsSafeName(string name)
    {
        var normalised = name.Replace('\\', '/');
        return normalised.Length > 0
            && !normalised.StartsWith('/')
            && !normalised.Contains(':')
            && !normalised.Split('/').Any(part => part == "..");
    }

    /// <summary>macOS adds resource forks ("__MACOSX/._grids.shp") that are not shapefiles.</summary>
    private static bool IsJunk(string name) =>
        name.StartsWith("__MACOSX/", StringComparison.Ordinal) || Path.GetFileName(name).StartsWith("._", StringComparison.Ordinal);

    private static async Task CopyBoundedAsync(ZipArchiveEntry entry, string destination, CancellationToken ct)
    {
        await using var source = await entry.OpenAsync(ct);
        await using var target = File.Create(destination);
        var buffer = new byte[81920];
        long total = 0;
        uint crc = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            if (total > entry.Length)
            {
                throw new ImportRefusedException(ImportErrors.ZipEntryLied(entry.FullName));
            }

            crc = Crc32.Append(crc, buffer.AsSpan(0, read));
            await target.WriteAsync(buffer.AsMemory(0, read), ct);
        }

        if (total != entry.Length || crc != entry.Crc32)
        {
            throw new ImportRefusedException(ImportErrors.ZipEntryLied(entry.FullName));
        }
    }
}
