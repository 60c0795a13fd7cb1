namespace CityMgmt.Domain.Cases;

/// <summary>案件来源.</summary>
public enum CaseSource
{
    SupervisorReport,
    Citizen,
    Hotline,
    Video,
    UpperAssignment,
    Media,
    SelfHandled,
}

public static class CaseSourceNames
{
    public static string DisplayName(this CaseSource source) => source switch
    {
        CaseSource.SupervisorReport => "监督员上报",
        CaseSource.Citizen => "市民",
        CaseSource.Hotline => "12319热线",
        CaseSource.Video => "视频",
        CaseSource.UpperAssignment => "上级交办",
        CaseSource.Media => "媒体",
        CaseSource.SelfHandled => "自行处置",
        _ => source.ToString(),
    };

    /// <summary>Reports that are not from our own supervisors are verified on site before filing.</summary>
    public static bool NeedsVerification(this CaseSource source) =>
        source is CaseSource.Citizen or CaseSource.Hotline or CaseSource.Video or CaseSource.Media;
}
