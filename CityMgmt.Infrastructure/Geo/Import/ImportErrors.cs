using CityMgmt.Domain.Common;

namespace CityMgmt.Infrastructure.Geo.Import;

/// <summary>Why a whole file is refused. Each message says what to do about it.</summary>
public static class ImportErrors
{
    public static Error TooLarge(long size, long max) =>
        new("Import.TooLarge", $"文件大小 {BaseDataImportOptions.FormatBytes(size)} 超过上限 {BaseDataImportOptions.FormatBytes(max)}，请拆分后分批导入");

    public static Error WrongExtension(string fileName, string expected) =>
        new("Import.Extension", $"文件“{fileName}”的类型不对：所选格式应上传 {expected} 文件");

    public static readonly Error CsvOnlyForComponents =
        new("Import.CsvKind", "CSV（经纬度列）只能导入部件；单元网格和社区请使用 GeoJSON 或 Shapefile");

    public static readonly Error Empty = new("Import.Empty", "文件中没有任何数据行或要素");

    public static Error NotUtf8(long offset) =>
        new("Import.NotUtf8", $"文件不是有效的 UTF-8 编码（第 {offset + 1} 字节附近），请另存为 UTF-8 后再导入");

    public static readonly Error Utf16 = new("Import.Utf16", "文件是 UTF-16 编码，请另存为 UTF-8 或 GBK 后再导入");

    public static readonly Error NotGbk = new("Import.NotGbk", "文件既不是有效的 UTF-8 也不是有效的 GBK/GB18030 编码，无法识别其中的文字");

    public static readonly Error DeclaredGbkInvalid = new("Import.GbkInvalid", "文件不是有效的 GBK/GB18030 编码，请检查所选编码");

    public static Error BadJson(string detail) => new("Import.BadJson", $"GeoJSON 格式错误：{detail}");

    public static readonly Error NotFeatureCollection =
        new("Import.NotFeatureCollection", "GeoJSON 必须是 FeatureCollection（顶层 \"type\": \"FeatureCollection\"，要素放在 \"features\" 数组中）");

    public static Error UnsupportedCrs(string name) =>
        new("Import.Crs", $"坐标系“{name}”不受支持：只接受 CGCS2000/WGS84 经纬度（EPSG:4490/4326）");

    public static Error MissingFields(string fields) => new("Import.MissingFields", $"缺少必需字段：{fields}（字段对照见页面说明）");

    public static readonly Error CsvNoPosition =
        new("Import.CsvPosition", "CSV 缺少位置列：需要“经度”和“纬度”两列（Longitude/Latitude、lon/lat），或一列 WKT");

    public static Error BadCsv(string detail) => new("Import.BadCsv", $"CSV 格式错误：{detail}");

    public static readonly Error NotZip = new("Import.NotZip", "Shapefile 须打包为 .zip 上传，该文件不是有效的 zip 压缩包");

    public static Error ZipTooManyEntries(int count, int max) =>
        new("Import.ZipEntries", $"压缩包内有 {count} 个文件，超过上限 {max} 个");

    public static Error ZipUnsafePath(string name) =>
        new("Import.ZipPath", $"压缩包内的文件名“{name}”含有“..”或绝对路径，已拒绝（可能是恶意压缩包）");

    public static Error ZipTooLarge(long expanded, long max) =>
        new("Import.ZipSize", $"压缩包解压后大小 {BaseDataImportOptions.FormatBytes(expanded)} 超过上限 {BaseDataImportOptions.FormatBytes(max)}，已拒绝");

    public static Error ZipRatio(long expanded, long compressed, int max) =>
        new("Import.ZipRatio", $"压缩包解压后 {BaseDataImportOptions.FormatBytes(expanded)}，是压缩包本身 {BaseDataImportOptions.FormatBytes(compressed)} 的 {expanded / Math.Max(1, compressed)} 倍（上限 {max} 倍），疑似压缩炸弹，已拒绝");

    public static Error ZipEntryLied(string name) =>
        new("Import.ZipLied", $"压缩包内文件“{name}”已损坏：解压后的大小或校验值与其声明不符，已拒绝（可能是恶意压缩包）");

    public static readonly Error NoShp = new("Import.NoShp", "压缩包中没有 .shp 文件");

    public static Error ShapefilePartMissing(string layer, string extension) =>
        new("Import.ShpPart", $"图层“{layer}”缺少 {extension} 文件：Shapefile 须同时包含 .shp、.shx、.dbf 和 .prj");

    public static Error MissingPrj(string layer) =>
        new("Import.NoPrj", $"图层“{layer}”缺少 .prj 坐标系文件，无法确定坐标系，已拒绝。请在 GIS 软件中定义为 CGCS2000（EPSG:4490）后重新导出");

    public static Error UnsupportedPrj(string layer, string name) =>
        new("Import.Prj", $"图层“{layer}”的坐标系“{name}”不受支持：只接受 CGCS2000/WGS84 经纬度，或 CGCS2000 高斯-克吕格 3 度带投影");

    public static Error UnreadableDbf(string layer, string detail) =>
        new("Import.Dbf", $"图层“{layer}”的属性表(.dbf)无法读取：{detail}");

    public static Error DbfEncoding(string layer, string encoding) =>
        new("Import.DbfEncoding", $"图层“{layer}”的属性表不是 {encoding} 编码（.cpg 声明或默认 GBK），文字无法识别；请检查 .cpg 文件");

    public static Error UnreadableShp(string layer, string detail) =>
        new("Import.Shp", $"图层“{layer}”的几何文件(.shp)无法读取：{detail}");

    public static readonly Error Cancelled = new("Import.Cancelled", "导入已取消，未写入任何数据");

    public static readonly Error AlreadyRunning = new("Import.Running", "已有一个导入正在进行，请等待其完成");
}

/// <summary>
/// Thrown by the streaming readers when the file as a whole must be refused (encoding, archive, .prj);
/// the import service turns it into a failed <see cref="Result"/>. Readers are iterators, so a value cannot be returned mid-way.
/// </summary>
internal sealed class ImportRefusedException(Error error) : Exception(error.Message)
{
    public Error Error { get; } = error;
}
