using CityMgmt.Domain.Common;

namespace CityMgmt.Infrastructure.Geo.Editing;

/// <summary>Refusals of the map editor, shown to the administrator as they are.</summary>
public static class EditErrors
{
    public static readonly Error GridNotFound = new("MapEdit.GridNotFound", "单元网格不存在或已被删除");
    public static readonly Error ComponentNotFound = new("MapEdit.ComponentNotFound", "部件不存在或已被删除");
    public static readonly Error TooFewVertices = new("MapEdit.TooFewVertices", "网格边界至少需要3个不同的顶点");
    public static readonly Error CommunityWithoutBoundary = new("MapEdit.CommunityWithoutBoundary", "所属社区尚无边界数据，无法校验网格范围，请先导入社区边界");
    public static readonly Error Conflict = new("MapEdit.Conflict", "该数据刚被其他用户修改，请重新加载后再编辑");

    public static Error SelfIntersecting(string code) =>
        new("MapEdit.SelfIntersecting", $"网格{code}的边界自相交或顶点重复，请调整顶点位置");

    public static Error OutsideCommunity(string code, string community, double squareMetres) =>
        new("MapEdit.OutsideCommunity", $"网格{code}超出所属社区“{community}”的范围约{squareMetres:F1}平方米，单元网格必须位于所属社区内");

    public static Error Overlaps(string code, string other, double squareMetres) =>
        new("MapEdit.Overlaps", $"网格{code}与相邻网格{other}重叠约{squareMetres:F1}平方米，单元网格之间不能重叠");
}
