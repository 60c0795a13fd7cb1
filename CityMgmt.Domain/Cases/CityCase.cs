using System.Text.RegularExpressions;
using CityMgmt.Domain.Categories;
using CityMgmt.Domain.Common;

namespace CityMgmt.Domain.Cases;

/// <summary>
/// 案件: one city problem from report to closing. The aggregate guards its own transitions
/// (CityCase.Transitions.cs) and records each of them in its append-only history.
/// </summary>
public sealed partial class CityCase : AggregateRoot
{
    public const int DescriptionMaxLength = 2000;
    public const int AddressMaxLength = 200;
    public const int MaxAttachmentsPerStage = 9;

    private readonly List<CaseHistoryEntry> _history = [];
    private readonly List<CaseAttachment> _attachments = [];

    private CityCase()
    {
    }

    public CaseNumber Number { get; private set; }

    public CaseSource Source { get; private set; }

    public CaseStatus Status { get; private set; }

    public Guid CategoryId { get; private set; }

    public CategoryKind CategoryKind { get; private set; }

    public double Longitude { get; private set; }

    public double Latitude { get; private set; }

    public string Address { get; private set; } = string.Empty;

    public Guid? GridId { get; private set; }

    public string? GridCode { get; private set; }

    public Guid? CommunityId { get; private set; }

    public Guid? StreetId { get; private set; }

    public Guid? ComponentId { get; private set; }

    public string Description { get; private set; } = string.Empty;

    public string? ReporterUserId { get; private set; }

    public string? ReporterName { get; private set; }

    public string? ReporterPhone { get; private set; }

    public bool CallbackRequested { get; private set; }

    public DateTimeOffset ReportedAt { get; private set; }

    public DateTimeOffset? FiledAt { get; private set; }

    public DateTimeOffset? DispatchedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>When the current stage (核实, 立案, 派遣, 核查 …) must be done.</summary>
    public DateTimeOffset? StageDeadline { get; private set; }

    /// <summary>处置时限 deadline of the department.</summary>
    public DateTimeOffset? DisposalDeadline { get; private set; }

    public Guid? DepartmentId { get; private set; }

    /// <summary>The case this one was merged into as a repeated report (status 已合并).</summary>
    public Guid? MergedIntoId { get; private set; }

    public ClosingKind? ClosingKind { get; private set; }

    /// <summary>返工数: how often the on-site check failed.</summary>
    public int ReworkCount { get; private set; }

    /// <summary>Entries written so far; lets a step append without loading the whole timeline.</summary>
    public int HistoryCount { get; private set; }

    public IReadOnlyCollection<CaseHistoryEntry> History => _history.AsReadOnly();

    public IReadOnlyCollection<CaseAttachment> Attachments => _attachments.AsReadOnly();

    public bool IsOverdue(DateTimeOffset now) =>
        !Status.IsFinal() && DisposalDeadline is { } deadline && deadline < now;

    public static Result<CityCase> Report(NewCaseReport report, CaseNumber number, Category category, Actor reporter, DateTimeOffset now)
    {
        var check = Validate(report, category);
        if (check.IsFailure)
        {
            return check.Error;
        }

        var item = new CityCase
        {
            Number = number,
            Source = report.Source,
            Status = CaseStatus.Reported,
            CategoryId = category.Id,
            CategoryKind = category.Kind,
            Longitude = report.Position.Longitude,
            Latitude = report.Position.Latitude,
            Address = report.Address.Trim(),
            GridId = report.Location.GridId,
            GridCode = report.Location.GridCode,
            CommunityId = report.Location.CommunityId,
            StreetId = report.Location.StreetId,
            ComponentId = report.ComponentId,
            Description = report.Description.Trim(),
            ReporterUserId = report.Source is CaseSource.SupervisorReport or CaseSource.SelfHandled ? reporter.UserId : null,
            ReporterName = string.IsNullOrWhiteSpace(report.ReporterName) ? reporter.Name : report.ReporterName.Trim(),
            ReporterPhone = string.IsNullOrWhiteSpace(report.ReporterPhone) ? null : report.ReporterPhone.Trim(),
            CallbackRequested = report.CallbackRequested,
            ReportedAt = now,
        };
        item.Record(now, reporter, CaseAction.Reported, CaseStatus.Reported, $"来源：{report.Source.DisplayName()}");
        return item;
    }

    private static Result Validate(NewCaseReport report, Category category)
    {
        if (!category.IsMinor)
        {
            return CaseErrors.CategoryNotMinor;
        }

        if (!category.IsActive)
        {
            return CaseErrors.CategoryInactive;
        }

        if (string.IsNullOrWhiteSpace(report.Description))
        {
            return CaseErrors.DescriptionRequired;
        }

        if (report.Description.Trim().Length > DescriptionMaxLength)
        {
            return CaseErrors.DescriptionTooLong;
        }

        if (string.IsNullOrWhiteSpace(report.Address) || report.Address.Trim().Length > AddressMaxLength)
        {
            return CaseErrors.AddressRequired;
        }

        if (report.Source == CaseSource.Hotline && string.IsNullOrWhiteSpace(report.ReporterPhone))
        {
            return CaseErrors.CallerPhoneRequired;
        }

        return report.ReporterPhone is { Length: > 0 } phone && !PhonePattern().IsMatch(phone.Trim())
            ? CaseErrors.PhoneInvalid
            : Result.Success();
    }

    private void Record(DateTimeOffset at, Actor actor, CaseAction action, CaseStatus to, string? comment = null, Guid? departmentId = null)
    {
        var from = HistoryCount == 0 ? to : Status;
        HistoryCount++;
        _history.Add(new CaseHistoryEntry(Id, HistoryCount, at, actor, action, from, to, comment, departmentId));
        Status = to;
    }

    [GeneratedRegex(@"^(\+?86[- ]?)?(1\d{10}|0\d{2,3}-?\d{7,8}|\d{7,8})$")]
    private static partial Regex PhonePattern();
}
