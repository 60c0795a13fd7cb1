using CityMgmt.Domain.Geo;

namespace CityMgmt.Infrastructure.Geo.Import;

/// <summary>Which base data a file holds.</summary>
public enum BaseDataKind
{
    /// <summary>单元网格.</summary>
    Grid,

    /// <summary>社区(村): divisions at community level.</summary>
    Community,

    /// <summary>部件.</summary>
    Component,
}

public enum BaseDataFormat
{
    GeoJson,

    /// <summary>A .zip holding .shp/.shx/.dbf/.prj (and .cpg).</summary>
    Shapefile,

    /// <summary>Components only: longitude/latitude (or WKT) columns.</summary>
    Csv,
}

public enum ImportMode
{
    /// <summary>全部正确才导入: one bad row and nothing is written.</summary>
    AllOrNothing,

    /// <summary>跳过错误行: good rows are written, bad rows listed.</summary>
    SkipInvalidRows,
}

/// <summary>Text encoding of a CSV file (GeoJSON is always UTF-8; a shapefile says it in its .cpg).</summary>
public enum TextEncodingChoice
{
    Auto,
    Utf8,
    Gbk,
}

public enum ImportPhase
{
    Uploading,
    Checking,
    Validating,
    Writing,
    Committing,
    Done,
}

/// <summary>One import run. <paramref name="DeclaredSize"/> (the browser's file size) lets an oversized file be refused before a byte is read.</summary>
public sealed record ImportRequest(
    BaseDataKind Kind,
    BaseDataFormat Format,
    ImportMode Mode,
    string FileName,
    Stream Content,
    long? DeclaredSize = null,
    TextEncodingChoice Encoding = TextEncodingChoice.Auto,
    CoordinateSystem CoordinateSystem = CoordinateSystem.Cgcs2000);

public sealed record ImportProgress(ImportPhase Phase, int Read, int Validated, int Written, int Errors);

/// <summary>A problem with one row. <see cref="Layer"/> names the shapefile layer when the archive holds several.</summary>
public sealed record ImportError(int Row, string? Code, string Field, string Message, string? Layer = null)
{
    /// <summary>0 for a problem of the whole file.</summary>
    public string Position => Row == 0 ? "—" : Layer is null ? Row.ToString() : $"{Layer}#{Row}";
}

/// <summary>
/// What an import did. <see cref="Committed"/> is false when the all-or-nothing mode found bad rows:
/// then nothing was written and <see cref="Errors"/> lists every problem.
/// </summary>
public sealed record ImportReport(
    BaseDataKind Kind,
    ImportMode Mode,
    bool Committed,
    int Rows,
    int Created,
    int Updated,
    int Unchanged,
    int Skipped,
    IReadOnlyList<ImportError> Errors,
    int ErrorCount,
    TimeSpan Elapsed)
{
    public int Written => Created + Updated;

    public string Summary => Committed
        ? $"导入 {Written} 条（新增 {Created}，更新 {Updated}，未变化 {Unchanged}），跳过 {Skipped} 条"
        : $"发现 {ErrorCount} 处错误，未导入任何数据（共 {Rows} 条）";
}

public static class BaseDataNames
{
    public static string DisplayName(this BaseDataKind kind) => kind switch
    {
        BaseDataKind.Grid => "单元网格",
        BaseDataKind.Community => "社区",
        _ => "部件",
    };

    public static string DisplayName(this BaseDataFormat format) => format switch
    {
        BaseDataFormat.GeoJson => "GeoJSON",
        BaseDataFormat.Shapefile => "Shapefile (zip)",
        _ => "CSV",
    };

    public static string DisplayName(this ImportMode mode) =>
        mode == ImportMode.AllOrNothing ? "全部正确才导入" : "跳过错误行";

    public static string DisplayName(this ImportPhase phase) => phase switch
    {
        ImportPhase.Uploading => "上传文件",
        ImportPhase.Checking => "检查文件",
        ImportPhase.Validating => "校验数据",
        ImportPhase.Writing => "写入数据库",
        ImportPhase.Committing => "提交",
        _ => "完成",
    };

    public static string DisplayName(this TextEncodingChoice encoding) => encoding switch
    {
        TextEncodingChoice.Utf8 => "UTF-8",
        TextEncodingChoice.Gbk => "GBK/GB18030",
        _ => "自动识别",
    };
}
