using CityMgmt.Domain.Common;

namespace CityMgmt.Domain.Cases;

/// <summary>
/// Proof that a report sent from a phone (its client-made idempotency key) became a case: a report that is
/// sent again — the answer was lost when the connection dropped — finds its receipt and creates no second case.
/// Written in the same transaction as the case.
/// </summary>
public sealed class ReportReceipt : Entity
{
    private ReportReceipt()
    {
    }

    public string UserId { get; private set; } = string.Empty;

    public Guid ClientKey { get; private set; }

    public Guid CaseId { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public static ReportReceipt Create(string userId, Guid clientKey, Guid caseId, DateTimeOffset at) =>
        new() { UserId = userId, ClientKey = clientKey, CaseId = caseId, ReceivedAt = at };
}
