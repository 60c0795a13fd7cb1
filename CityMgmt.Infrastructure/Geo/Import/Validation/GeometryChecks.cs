using CityMgmt.Domain.Geo;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace CityMgmt.Infrastructure.Geo.Import.Validation;

/// <summary>Shared geometry rules of every import: present, of an allowed type, valid (no self-intersection), inside China.</summary>
internal static class GeometryChecks
{
    /// <summary>The record's geometry converted to CGCS2000 and checked, or null with the reason added to <paramref name="errors"/>.</summary>
    public static Geometry? Prepare(
        Reading.ImportRecord record, CoordinateSystem system, IReadOnlyCollection<OgcGeometryType> allowed, string expected, List<ImportError> errors, string? code)
    {
        if (record.Geometry is not { } geometry)
        {
            errors.Add(record.Error(ImportFields.Geometry, record.GeometryError ?? "缺少几何图形", code));
            return null;
        }

        if (geometry is GeometryCollection { NumGeometries: 1 } single && !allowed.Contains(geometry.OgcGeometryType))
        {
            geometry = single.GetGeometryN(0);
        }

        if (!allowed.Contains(geometry.OgcGeometryType))
        {
            errors.Add(record.Error(ImportFields.Geometry, $"几何类型应为{expected}，实际为{Name(geometry)}", code));
            return null;
        }

        geometry = geometry.Copy();
        if (Convert(geometry, system) is { } outside)
        {
            errors.Add(record.Error(ImportFields.Geometry, outside, code));
            return null;
        }

        var validity = new IsValidOp(geometry).ValidationError;
        if (validity is not null)
        {
            var at = validity.Coordinate is { } c ? $"，位置({c.X:F6},{c.Y:F6})" : string.Empty;
            errors.Add(record.Error(ImportFields.Geometry, $"几何图形无效：{Describe(validity.ErrorType)}{at}", code));
            return null;
        }

        geometry.SRID = GeoConstants.Srid;
        return GeoConstants.Factory.CreateGeometry(geometry);
    }

    /// <summary>Checks every vertex is a position in China, then converts GCJ-02/BD-09 in place; returns the problem or null.</summary>
    private static string? Convert(Geometry geometry, CoordinateSystem system)
    {
        foreach (var coordinate in geometry.Coordinates)
        {
            var point = CoordinateTransforms.ToCgcs2000(coordinate.X, coordinate.Y, system);
            if (point.IsFailure)
            {
                return point.Error.Message;
            }
        }

        if (system != CoordinateSystem.Cgcs2000)
        {
            geometry.Apply(new CoordinateFilter(system));
            geometry.GeometryChanged();
        }

        return null;
    }

    private static string Name(Geometry geometry) => geometry.OgcGeometryType switch
    {
        OgcGeometryType.Point => "点",
        OgcGeometryType.LineString => "线",
        OgcGeometryType.Polygon => "面",
        OgcGeometryType.MultiPoint => "多点",
        OgcGeometryType.MultiLineString => "多线",
        OgcGeometryType.MultiPolygon => "多面",
        _ => geometry.GeometryType,
    };

    private static string Describe(TopologyValidationErrors error) => error switch
    {
        TopologyValidationErrors.SelfIntersection => "多边形自相交",
        TopologyValidationErrors.RingSelfIntersection => "边界环自相交",
        TopologyValidationErrors.HoleOutsideShell => "内环（洞）在外环之外",
        TopologyValidationErrors.NestedHoles => "内环（洞）相互嵌套",
        TopologyValidationErrors.DisconnectedInteriors => "多边形内部不连通",
        TopologyValidationErrors.NestedShells => "多个外环相互嵌套",
        TopologyValidationErrors.DuplicateRings => "存在重复的环",
        TopologyValidationErrors.TooFewPoints => "顶点数过少",
        TopologyValidationErrors.InvalidCoordinate => "坐标无效（非数字）",
        TopologyValidationErrors.RingNotClosed => "边界环未闭合",
        _ => "拓扑错误",
    };

    /// <summary>Rewrites every vertex from <paramref name="system"/> to CGCS2000 (a no-op for CGCS2000/WGS84).</summary>
    private sealed class CoordinateFilter(CoordinateSystem system) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (var i = 0; i < seq.Count; i++)
            {
                var point = CoordinateTransforms.ToCgcs2000(seq.GetX(i), seq.GetY(i), system).Value;
                seq.SetX(i, point.Longitude);
                seq.SetY(i, point.Latitude);
            }
        }
    }
}
