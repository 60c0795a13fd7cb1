using CityMgmt.Domain.Geo;
using CityMgmt.Infrastructure.Geo.VectorTiles;
using NetTopologySuite.Geometries;

namespace CityMgmt.Tests.Infrastructure.Geo.VectorTiles;

/// <summary>Our encoder checked against the independent reader of NetTopologySuite.IO.VectorTiles.Mapbox.</summary>
public sealed class MvtLayerBuilderTests
{
    private static readonly TileAddress Tile = TileAddress.Containing(104.01, 30.51, 15);

    [Fact]
    public void ToTile_PolygonWithHoleLineAndPoint_DecodeToTheSameShapesAndValues()
    {
        var e = Tile.Bounds();
        double X(double f) => e.MinX + (e.Width * f);
        double Y(double f) => e.MinY + (e.Height * f);
        var shell = Ring((0.1, 0.1), (0.9, 0.1), (0.9, 0.9), (0.1, 0.9));
        var hole = Ring((0.4, 0.4), (0.4, 0.6), (0.6, 0.6), (0.6, 0.4));
        var polygon = GeoConstants.Factory.CreatePolygon(shell, [hole]);
        var line = GeoConstants.Factory.CreateLineString([new(X(0.2), Y(0.2)), new(X(0.3), Y(0.5)), new(X(0.8), Y(0.3))]);
        var layer = new MvtLayerBuilder("test", Tile);

        layer.Tag("name", "中文名称");
        layer.Tag("offset", -42);
        layer.Geometry(polygon);
        layer.Commit();
        layer.Tag("flag", true);
        layer.Geometry(line);
        layer.Commit();
        layer.Tag("name", "中文名称");
        layer.Point(X(0.25), Y(0.75));
        layer.Commit();
        layer.Commit(); // nothing pending: writes nothing

        var features = TileDecoding.Features(layer.ToTile(), Tile, "test");
        features.Count.ShouldBe(3);
        var area = features[0].Geometry.ShouldBeOfType<Polygon>();
        area.NumInteriorRings.ShouldBe(1);
        area.Area.ShouldBe(polygon.Area, polygon.Area * 0.01);
        features[0].Attributes["name"].ShouldBe("中文名称");
        Convert.ToInt64(features[0].Attributes["offset"]).ShouldBe(-42);
        features[1].Geometry.ShouldBeOfType<LineString>().NumPoints.ShouldBe(3);
        features[1].Attributes["flag"].ShouldBe(true);
        features[2].Geometry.Coordinate.X.ShouldBe(X(0.25), e.Width / 2000);
        features[2].Geometry.Coordinate.Y.ShouldBe(Y(0.75), e.Height / 2000);

        LinearRing Ring(params (double X, double Y)[] corners) =>
            GeoConstants.Factory.CreateLinearRing([.. corners.Select(c => new Coordinate(X(c.X), Y(c.Y))), new Coordinate(X(corners[0].X), Y(corners[0].Y))]);
    }

    [Fact]
    public void ToTile_NoFeatureOrACollapsedOne_IsZeroBytes()
    {
        var layer = new MvtLayerBuilder("test", Tile);
        var e = Tile.Bounds();
        var tiny = GeoConstants.Factory.CreatePolygon([new(e.MinX, e.MinY), new(e.MinX + 1e-9, e.MinY), new(e.MinX, e.MinY + 1e-9), new(e.MinX, e.MinY)]);

        layer.Tag("code", "x");
        layer.Geometry(tiny);
        layer.Commit();

        layer.Count.ShouldBe(0);
        layer.ToTile().ShouldBeEmpty();
    }
}
