namespace CityMgmt.Domain.Exports;

/// <summary>What a background export produces; the worker picks the writer by kind.</summary>
public enum ExportKind
{
    /// <summary>案件清单 of an evaluation period (streamed Excel, 100,000+ rows).</summary>
    CaseList,

    /// <summary>评价报告 as a styled Excel workbook.</summary>
    EvaluationExcel,

    /// <summary>月度评价报告 as PDF.</summary>
    EvaluationPdf,
}

public enum ExportJobState
{
    Queued,
    Running,
    Completed,
    Failed,

    /// <summary>The file was removed after the retention period; the record stays for the list and the audit.</summary>
    Expired,
}

public static class ExportNames
{
    public static string DisplayName(this ExportJobState state) => state switch
    {
        ExportJobState.Queued => "排队中",
        ExportJobState.Running => "正在导出",
        ExportJobState.Completed => "已完成",
        ExportJobState.Failed => "失败",
        ExportJobState.Expired => "已过期",
        _ => state.ToString(),
    };

    public static string DisplayName(this ExportKind kind) => kind switch
    {
        ExportKind.CaseList => "案件清单（Excel）",
        ExportKind.EvaluationExcel => "评价报告（Excel）",
        ExportKind.EvaluationPdf => "评价报告（PDF）",
        _ => kind.ToString(),
    };
}
