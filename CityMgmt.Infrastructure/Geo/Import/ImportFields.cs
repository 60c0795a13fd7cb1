namespace CityMgmt.Infrastructure.Geo.Import;

/// <summary>One attribute the importer understands: its standard name, what users call it, and the other spellings accepted.</summary>
public sealed record ImportField(string Name, string Label, IReadOnlyList<string> Aliases, bool Required = false, string? Remark = null);

/// <summary>
/// The attribute names of the standard (ObjID, ObjName, DeptCode1 … for components) and the Chinese and
/// pinyin spellings seen in county data. Matching ignores case, spaces, '_' and '-'. The import page's
/// help text is generated from this table, so the documentation cannot drift from the code.
/// </summary>
public static class ImportFields
{
    public const string ObjId = "ObjID", ObjName = "ObjName", ClassCode = "ClassCode", ClassName = "ClassName";
    public const string DeptCode1 = "DeptCode1", DeptName1 = "DeptName1", DeptCode2 = "DeptCode2", DeptName2 = "DeptName2";
    public const string DeptCode3 = "DeptCode3", DeptName3 = "DeptName3", Bgid = "BGID", ObjState = "ObjState";
    public const string OrDate = "ORDate", ChDate = "CHDate", DataSource = "DataSource", Note = "Note";
    public const string Longitude = "Longitude", Latitude = "Latitude", Wkt = "WKT";
    public const string Code = "Code", Name = "Name", CommunityCode = "CommCode", StreetCode = "StreetCode", Area = "Area", Unit = "Unit";

    /// <summary>Pseudo-field for problems with the geometry.</summary>
    public const string Geometry = "几何";

    private static readonly ImportField[] Components =
    [
        new(ObjId, "部件标识码", ["标识码", "部件标识码", "部件编码", "部件编号", "编码", "bjbm"], Required: true, Remark: "16位（或按配置17位）"),
        new(ObjName, "部件名称", ["名称", "部件名称", "name", "bjmc"], Remark: "缺省取小类名称"),
        new(ClassCode, "小类代码", ["类别代码", "小类代码", "部件类别", "typecode"], Remark: "可选；填写时须与标识码第7-10位一致"),
        new(ClassName, "小类名称", ["类别名称", "小类名称"], Remark: "可选；填写时须与类别一致"),
        new(DeptCode1, "主管部门代码", ["主管代码", "主管部门代码", "zgbmdm"], Remark: "机构代码"),
        new(DeptName1, "主管部门", ["主管部门", "主管单位", "zgbm"], Remark: "机构名称或简称；代码和名称都缺省时取小类的默认部门"),
        new(DeptCode2, "权属单位代码", ["权属代码", "权属单位代码"], Remark: "只记录单位名称，代码不入库"),
        new(DeptName2, "权属单位", ["权属单位", "权属", "qsdw"]),
        new(DeptCode3, "养护单位代码", ["养护代码", "养护单位代码"], Remark: "只记录单位名称，代码不入库"),
        new(DeptName3, "养护单位", ["养护单位", "养护", "yhdw"]),
        new(Bgid, "所在单元网格", ["网格", "网格编码", "所在网格", "单元网格"], Remark: "15位；缺省按位置自动落格"),
        new(ObjState, "部件状态", ["状态", "部件状态"], Remark: "完好/破损/丢失/废弃/移除，缺省为完好"),
        new(OrDate, "初始日期", ["初始日期", "设立日期", "建设日期"], Remark: "缺省为导入当天"),
        new(ChDate, "变更日期", ["变更日期"], Remark: "更新已有部件时记入变更记录，缺省为导入当天"),
        new(DataSource, "数据来源", ["数据来源", "来源"]),
        new(Note, "备注", ["备注", "remark"]),
        new(Longitude, "经度", ["lon", "lng", "x", "经度"], Remark: "仅CSV"),
        new(Latitude, "纬度", ["lat", "y", "纬度"], Remark: "仅CSV"),
        new(Wkt, "WKT几何", ["geometry", "shape", "几何"], Remark: "仅CSV；线、面部件用WKT"),
    ];

    private static readonly ImportField[] Grids =
    [
        new(Bgid, "网格编码", ["code", "网格编码", "编码", "网格代码", "wgbm"], Required: true, Remark: "15位"),
        new(Name, "网格名称", ["名称", "网格名称", "wgmc"], Remark: "缺省为“社区名+序号+号网格”"),
        new(CommunityCode, "所属社区代码", ["communitycode", "社区代码", "社区编码", "sqdm"], Remark: "可选；须与网格编码前12位一致"),
        new(Area, "面积(m²)", ["面积"], Remark: "系统按高斯-克吕格3度带重新计算"),
        new(OrDate, "设立日期", ["设立日期", "启用日期", "startdate"], Remark: "缺省为导入当天"),
        new(Unit, "责任主体", ["responsiblebody", "责任主体", "责任单位"]),
        new(Note, "备注", ["备注", "remark"]),
    ];

    private static readonly ImportField[] Communities =
    [
        new(Code, "社区代码", ["commcode", "社区代码", "社区编码", "编码", "代码", "sqdm"], Required: true, Remark: "12位；前9位为已有街道(乡镇)"),
        new(Name, "社区名称", ["名称", "社区名称", "sqmc"], Required: true),
        new(StreetCode, "所属街道代码", ["街道代码", "街道编码", "jddm"], Remark: "可选；须与社区代码前9位一致"),
    ];

    private static readonly Dictionary<BaseDataKind, Dictionary<string, string>> Lookup = new()
    {
        [BaseDataKind.Component] = Index(Components),
        [BaseDataKind.Grid] = Index(Grids),
        [BaseDataKind.Community] = Index(Communities),
    };

    public static IReadOnlyList<ImportField> For(BaseDataKind kind) => kind switch
    {
        BaseDataKind.Grid => Grids,
        BaseDataKind.Community => Communities,
        _ => Components,
    };

    /// <summary>The standard name a file's column/attribute name stands for, or null when it is not one we read.</summary>
    public static string? Resolve(BaseDataKind kind, string sourceName) =>
        Lookup[kind].GetValueOrDefault(Normalize(sourceName));

    public static string LabelOf(BaseDataKind kind, string name) =>
        For(kind).FirstOrDefault(f => f.Name == name)?.Label ?? name;

    private static Dictionary<string, string> Index(ImportField[] fields)
    {
        var index = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            foreach (var name in field.Aliases.Prepend(field.Name))
            {
                index.TryAdd(Normalize(name), field.Name);
            }
        }

        return index;
    }

    private static string Normalize(string name) =>
        new(name.Trim().TrimStart('\uFEFF').Where(c => c is not (' ' or '_' or '-')).Select(char.ToLowerInvariant).ToArray());
}
