namespace CityMgmt.Infrastructure.Geo.Import.Reading;

/// <summary>
/// A private temp folder for one import: the upload is copied here (with the size limit enforced while
/// copying, whatever the browser declared) and archives are expanded here. Deleted on dispose.
/// </summary>
internal sealed class ImportWorkspace : IDisposable
{
    public ImportWorkspace()
    {
        Folder = Path.Combine(Path.GetTempPath(), "citymgmt-import", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    /// <summary>Copies <paramref name="content"/> to a file, refusing it as soon as it passes <paramref name="maxBytes"/>.</summary>
    public async Task<string> SaveAsync(Stream content, string fileName, long maxBytes, CancellationToken ct)
    {
        var path = Path.Combine(Folder, "upload" + Path.GetExtension(fileName).ToLowerInvariant());
        await using var target = File.Create(path);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                throw new ImportRefusedException(ImportErrors.TooLarge(total, maxBytes));
            }

            await target.WriteAsync(buffer.AsMemory(0, read), ct);
        }

        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A reader still holding a file on some platforms; the OS temp cleaner takes the rest.
        }
    }
}
