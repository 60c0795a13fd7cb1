using System.Security.Cryptography;
using CityMgmt.Domain.Common;
using CityMgmt.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CityMgmt.Infrastructure.Cases;

/// <summary>Section "Attachments": upload size limit and where files live (default: the data folder's "attachments").</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Attachments";

    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    public string? Folder { get; set; }
}

/// <summary>A checked, stored photo: what the case records about it.</summary>
public sealed record StoredFile(string FileName, string ContentHash, string ContentType, long SizeBytes);

/// <summary>
/// Case photos on disk outside the web root, named by their SHA-256 (the same photo is stored once).
/// The type comes from the file's first bytes, never from its name; only the case endpoint serves them.
/// </summary>
public sealed class AttachmentStore(string folder, long maxBytes)
{
    public long MaxBytes => maxBytes;

    public static Error TooLarge(long max) => new("Attachment.TooLarge", $"单个文件不能超过{max / 1024 / 1024}MB");

    public static readonly Error NotAnImage = new("Attachment.NotAnImage", "只能上传JPEG、PNG、GIF或WebP格式的图片");

    public static readonly Error Empty = new("Attachment.Empty", "文件为空");

    public async Task<Result<StoredFile>> SaveAsync(Stream content, string fileName, CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return TooLarge(maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return Empty;
        }

        var bytes = buffer.ToArray();
        if (ImageType(bytes) is not { } type)
        {
            return NotAnImage;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var path = PathFor(hash);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            await File.WriteAllBytesAsync(temp, bytes, ct);
            File.Move(temp, path, overwrite: true);
        }

        var name = Path.GetFileName(fileName.Trim());
        name = string.IsNullOrEmpty(name) ? "照片" : name[..Math.Min(name.Length, 100)];
        return new StoredFile(name, hash, type, bytes.Length);
    }

    /// <summary>The file of a stored hash, or null when the hash is malformed or the file is missing.</summary>
    public string? Find(string contentHash)
    {
        if (contentHash is not { Length: 64 } || !contentHash.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        var path = PathFor(contentHash);
        return File.Exists(path) ? path : null;
    }

    /// <summary>JPEG, PNG, GIF, WebP by their signatures.</summary>
    public static string? ImageType(ReadOnlySpan<byte> head) => head switch
    {
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        [0x47, 0x49, 0x46, 0x38, 0x37 or 0x39, 0x61, ..] => "image/gif",
        [0x52, 0x49, 0x46, 0x46, _, _, _, _, 0x57, 0x45, 0x42, 0x50, ..] => "image/webp",
        _ => null,
    };

    private string PathFor(string hash) => Path.Combine(folder, hash[..2], hash);
}

public static class AttachmentRegistration
{
    public static IServiceCollection AddCaseAttachments(this IServiceCollection services, IConfiguration configuration, DatabaseOptions database, string contentRoot)
    {
        var options = configuration.GetSection(AttachmentOptions.Section).Get<AttachmentOptions>() ?? new AttachmentOptions();
        var folder = string.IsNullOrWhiteSpace(options.Folder)
            ? Path.Combine(database.ResolveDataFolder(contentRoot), "attachments")
            : Path.GetFullPath(options.Folder, contentRoot);
        services.AddSingleton(new AttachmentStore(folder, Math.Max(1, options.MaxBytes)));
        return services;
    }
}
