using CityMgmt.Domain.Common;

namespace CityMgmt.Domain.Cases;

public enum AttachmentStage
{
    Report,
    Verification,
    Disposal,
    Check,
}

/// <summary>A photo or file of a case, stored outside the web root under its content hash.</summary>
public sealed class CaseAttachment : Entity
{
    public const int FileNameMaxLength = 120;

    private CaseAttachment()
    {
    }

    internal CaseAttachment(Guid caseId, AttachmentStage stage, string fileName, string contentHash, string contentType, long sizeBytes, DateTimeOffset at, string uploadedBy)
    {
        CaseId = caseId;
        Stage = stage;
        FileName = fileName.Length > FileNameMaxLength ? fileName[..FileNameMaxLength] : fileName;
        ContentHash = contentHash;
        ContentType = contentType;
        SizeBytes = sizeBytes;
        UploadedAt = at;
        UploadedBy = uploadedBy;
    }

    public Guid CaseId { get; private set; }

    public AttachmentStage Stage { get; private set; }

    public string FileName { get; private set; } = string.Empty;

    /// <summary>Lower-case hex SHA-256 of the content: also the stored file's name.</summary>
    public string ContentHash { get; private set; } = string.Empty;

    public string ContentType { get; private set; } = string.Empty;

    public long SizeBytes { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }

    public string UploadedBy { get; private set; } = string.Empty;
}
