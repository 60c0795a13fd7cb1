using CityMgmt.Domain.Common;

namespace CityMgmt.Domain.Exports;

public static class ExportErrors
{
    public static readonly Error NotFound = new("Export.NotFound", "导出任务不存在或已被清理");
    public static readonly Error AlreadyRunning = new("Export.AlreadyRunning", "您已有一个导出任务正在进行，请等它完成后再导出");
    public static readonly Error NotReady = new("Export.NotReady", "导出尚未完成，暂不能下载");
    public static readonly Error Expired = new("Export.Expired", "导出文件已过保留期并被删除，请重新导出");
    public static readonly Error Failed = new("Export.Failed", "导出失败，请稍后重试或联系系统管理员");
    public static readonly Error Interrupted = new("Export.Interrupted", "导出因系统重启中断，请重新导出");

    public static Error WrongState(ExportJobState state, string action) =>
        new("Export.WrongState", $"导出任务当前为“{state.DisplayName()}”，不能{action}");
}
