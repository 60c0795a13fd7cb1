namespace CityMgmt.Infrastructure.Cases;

/// <summary>
/// Tells open pages of this server that a case changed, so lists and detail pages reload (singleton;
/// one process is enough for the county deployment).
/// </summary>
public sealed class CaseChangeNotifier
{
    public event Action<Guid>? Changed;

    public void Publish(Guid caseId) => Changed?.Invoke(caseId);
}
