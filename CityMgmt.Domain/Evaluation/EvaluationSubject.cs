namespace CityMgmt.Domain.Evaluation;

/// <summary>
/// One object to evaluate (a person, a department or a region) with its counts for the period. Objects are ranked
/// only against their <see cref="PeerGroup"/> (e.g. 镇乡 vs 县级部门); without one they share <see cref="DefaultPeerGroup"/>.
/// </summary>
public sealed record EvaluationSubject(string Id, string Name, EvaluationObjectType Type, CountSet Counts, string? PeerGroup = null)
{
    public const string DefaultPeerGroup = "全部";

    public string Group => string.IsNullOrWhiteSpace(PeerGroup) ? DefaultPeerGroup : PeerGroup.Trim();
}
