using CityMgmt.Domain.Common;

namespace CityMgmt.Domain.Evaluation.Runs;

/// <summary>One object's frozen result inside an <see cref="EvaluationRun"/>: the searchable columns, and the whole row (counts, indicators) as JSON.</summary>
public sealed class EvaluationResultRow : Entity, IAppendOnly
{
    public const int SubjectIdMaxLength = 64;
    public const int SubjectNameMaxLength = 100;

    private EvaluationResultRow()
    {
    }

    public EvaluationResultRow(Guid runId, EvaluationObjectType type, int order, ObjectEvaluation row, string json)
    {
        RunId = runId;
        ObjectType = type;
        Order = order;
        SubjectId = row.SubjectId;
        SubjectName = row.SubjectName.Length > SubjectNameMaxLength ? row.SubjectName[..SubjectNameMaxLength] : row.SubjectName;
        PeerGroup = row.PeerGroup;
        Composite = row.Composite;
        Grade = row.Grade?.Grade;
        Status = row.Status;
        Rank = row.Rank;
        Json = json;
    }

    public Guid RunId { get; private set; }

    public EvaluationObjectType ObjectType { get; private set; }

    /// <summary>Position in the ranked table (peer group by peer group).</summary>
    public int Order { get; private set; }

    public string SubjectId { get; private set; } = string.Empty;

    public string SubjectName { get; private set; } = string.Empty;

    public string PeerGroup { get; private set; } = string.Empty;

    public decimal? Composite { get; private set; }

    public Grade? Grade { get; private set; }

    public RankStatus Status { get; private set; }

    public int? Rank { get; private set; }

    /// <summary>The <see cref="ObjectEvaluation"/> as JSON.</summary>
    public string Json { get; private set; } = string.Empty;
}
