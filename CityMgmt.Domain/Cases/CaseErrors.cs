using CityMgmt.Domain.Common;

namespace CityMgmt.Domain.Cases;

public static class CaseErrors
{
    public static Error NumberShape(string value) =>
        new("Case.NumberShape", $"案件编号“{value}”格式应为“年月日-5位序号”，如20261128-00012");

    public static Error NumberSequence(int sequence) =>
        new("Case.NumberSequence", $"案件序号必须在1-99999之间（实际{sequence}）");

    public static Error WrongState(string action, CaseStatus status) =>
        new("Case.WrongState", $"案件当前状态为“{status.DisplayName()}”，不能{action}");

    public static readonly Error DescriptionRequired = new("Case.DescriptionRequired", "问题描述不能为空");
    public static readonly Error DescriptionTooLong = new("Case.DescriptionTooLong", "问题描述不超过2000个字");
    public static readonly Error AddressRequired = new("Case.AddressRequired", "请填写问题地址（不超过200个字）");
    public static readonly Error CategoryNotMinor = new("Case.CategoryNotMinor", "请选择具体的部件或事件小类");
    public static readonly Error CategoryInactive = new("Case.CategoryInactive", "所选类别已停用");
    public static readonly Error ReasonRequired = new("Case.ReasonRequired", "请填写原因");
    public static readonly Error CommentTooLong = new("Case.CommentTooLong", "意见不超过1000个字");
    public static readonly Error CallerPhoneRequired = new("Case.CallerPhoneRequired", "热线来电必须登记来电号码");
    public static readonly Error PhoneInvalid = new("Case.PhoneInvalid", "电话号码格式不正确");
    public static readonly Error DeadlineInPast = new("Case.DeadlineInPast", "处置期限必须晚于当前时间");
    public static readonly Error DepartmentRequired = new("Case.DepartmentRequired", "请选择处置部门");
    public static readonly Error TooManyAttachments = new("Case.TooManyAttachments", "每个环节最多上传9张照片");
    public static readonly Error AttachmentInvalid = new("Case.AttachmentInvalid", "附件信息不完整");
    public static readonly Error NotFound = new("Case.NotFound", "案件不存在或无权查看");
    public static readonly Error NotInformational = new("Case.NotInformational", "该操作会改变案件状态，不能作为备注记录");
    public static readonly Error MergeIntoSelf = new("Case.MergeIntoSelf", "不能将案件合并到它自身，请选择另一件案件");
    public static readonly Error MergeOtherClass = new("Case.MergeOtherClass", "只能合并同一小类的重复上报");

    public static Error MergeTargetFinal(CaseStatus status) =>
        new("Case.MergeTargetFinal", $"目标案件已“{status.DisplayName()}”，不能合并到已办结的案件");

    public static readonly Error NewDeadlineNotLater = new("Case.NewDeadlineNotLater", "延期后的处置期限必须晚于原期限");
}
