using CityMgmt.Domain.Common;
using CityMgmt.Domain.Geo;
using NetTopologySuite.Geometries;

namespace CityMgmt.Domain.Geocoding;

/// <summary>地名地址: what addresses are matched against (domain.md §3: 道路街巷 › 门牌号 › POI, landmarks).</summary>
public enum GazetteerKind
{
    /// <summary>道路街巷: a line.</summary>
    Road,

    /// <summary>门牌: a house number on a road.</summary>
    AddressPoint,

    /// <summary>兴趣点: a school, hospital, market …</summary>
    Poi,

    /// <summary>标志物/路口: used in "XX路口东50米" phrases.</summary>
    Landmark,
}

/// <summary>One entry of the gazetteer with its geometry (roads as lines, the rest as points).</summary>
public sealed class GazetteerEntry : SpatialAggregate
{
    public const int NameMaxLength = 60;

    private GazetteerEntry()
    {
    }

    public GazetteerKind Kind { get; private set; }

    /// <summary>Full name as people write it: "人民路", "人民路12号", "示范县第一中学", "人民路与建设路路口".</summary>
    public string Name { get; private set; } = string.Empty;

    /// <summary>For address points: the road's name.</summary>
    public string? RoadName { get; private set; }

    /// <summary>For address points: the house number.</summary>
    public int? HouseNumber { get; private set; }

    /// <summary>Other names people use (俗称), comma-separated.</summary>
    public string? Aliases { get; private set; }

    public Guid? StreetId { get; private set; }

    public static Result<GazetteerEntry> Create(
        GazetteerKind kind, string name, Geometry shape, string? roadName = null, int? houseNumber = null, string? aliases = null, Guid? streetId = null)
    {
        name = name?.Trim() ?? string.Empty;
        if (name.Length is 0 or > NameMaxLength)
        {
            return new Error("Gazetteer.InvalidName", "地名不能为空且不超过60个字");
        }

        if (kind == GazetteerKind.AddressPoint && (string.IsNullOrWhiteSpace(roadName) || houseNumber is not > 0))
        {
            return new Error("Gazetteer.AddressNeedsRoad", "门牌必须有道路名称和大于0的门牌号");
        }

        var entry = new GazetteerEntry
        {
            Kind = kind,
            Name = name,
            RoadName = roadName?.Trim(),
            HouseNumber = houseNumber,
            Aliases = string.IsNullOrWhiteSpace(aliases) ? null : aliases.Trim(),
            StreetId = streetId,
        };
        var allowed = kind == GazetteerKind.Road ? new[] { OgcGeometryType.LineString, OgcGeometryType.MultiLineString } : [OgcGeometryType.Point];
        var set = entry.SetShape(shape, allowed);
        return set.IsFailure ? set.Error : entry;
    }
}
