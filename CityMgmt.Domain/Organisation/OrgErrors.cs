using CityMgmt.Domain.Common;

namespace CityMgmt.Domain.Organisation;

public static class OrgErrors
{
    public static readonly Error InvalidCode = new("Org.InvalidCode", "机构编码必须为1-20位字母、数字或连字符");
    public static readonly Error InvalidName = new("Org.InvalidName", "机构名称不能为空且不超过50个字");
    public static readonly Error SubCentreNeedsArea = new("Org.SubCentreNeedsArea", "镇乡分中心必须指定所辖街道/乡镇");
    public static readonly Error UnknownRole = new("Org.UnknownRole", "未知的角色");
    public static readonly Error HandlerNeedsDepartment = new("Org.HandlerNeedsDepartment", "处置人员必须属于一个专业部门");
    public static readonly Error NoOrgUnit = new("Org.NoOrgUnit", "用户必须属于一个机构（中心、分中心或专业部门）");
}
