using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Shapefiles.Writers;

namespace CityMgmt.Tests.Infrastructure.Geo.Import;

/// <summary>Builds import files in memory: GeoJSON, shapefile zips (any encoding, with or without .cpg/.prj) and CSV.</summary>
internal static class ImportFiles
{
    public const string Cgcs2000Prj =
        "GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\",DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";

    public const string Beijing54Prj =
        "GEOGCS[\"GCS_Beijing_1954\",DATUM[\"D_Beijing_1954\",SPHEROID[\"Krasovsky_1940\",6378245.0,298.3]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";

    public const string GaussKrugerZone35Prj =
        "PROJCS[\"CGCS2000_3_Degree_GK_Zone_35\",GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\",DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\",35500000.0],PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",105.0],PARAMETER[\"Scale_Factor\",1.0],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";

    static ImportFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Gbk => Encoding.GetEncoding("GB18030");

    public static readonly GeometryFactory Factory = new(new PrecisionModel(), 4490);

    public static Point Point(double x, double y) => Factory.CreatePoint(new Coordinate(x, y));

    public static Polygon Box(double x0, double y0, double x1, double y1) =>
        Factory.CreatePolygon([new(x0, y0), new(x1, y0), new(x1, y1), new(x0, y1), new(x0, y0)]);

    /// <summary>A bow-tie: its edges cross, so it is not a valid polygon.</summary>
    public static Polygon BowTie(double x, double y, double d) =>
        Factory.CreatePolygon([new(x, y), new(x + d, y + d), new(x + d, y), new(x, y + d), new(x, y)]);

    /// <summary>A FeatureCollection with Chinese written as UTF-8, as GIS tools write it (not \u-escaped).</summary>
    public static byte[] GeoJson(params (Geometry? Shape, Dictionary<string, object?> Properties)[] features)
    {
        var array = new JsonArray();
        foreach (var (shape, properties) in features)
        {
            var props = new JsonObject();
            foreach (var (key, value) in properties)
            {
                props[key] = value is null ? null : JsonValue.Create(value);
            }

            array.Add(new JsonObject
            {
                ["type"] = "Feature",
                ["geometry"] = shape is null ? null : JsonNode.Parse(GeometryJson(shape)),
                ["properties"] = props,
            });
        }

        var root = new JsonObject { ["type"] = "FeatureCollection", ["features"] = array };
        using var memory = new MemoryStream();
        using (var writer = new Utf8JsonWriter(memory, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            root.WriteTo(writer);
        }

        return memory.ToArray();
    }

    private static readonly JsonSerializerOptions GeoJsonOptions = new() { Converters = { new NetTopologySuite.IO.Converters.GeoJsonConverterFactory() } };

    public static string GeometryJson(Geometry shape) => JsonSerializer.Serialize(shape, GeoJsonOptions);

    /// <summary>A zip with one shapefile layer; <paramref name="cpg"/> null leaves the .cpg out, <paramref name="prj"/> null the .prj.</summary>
    public static byte[] ShapefileZip(
        ShapeType type, IReadOnlyList<(string Name, int Length)> fields, IEnumerable<(Geometry Shape, object?[] Values)> rows,
        Encoding encoding, string? cpg, string? prj = Cgcs2000Prj, string layer = "data")
    {
        var folder = Path.Combine(Path.GetTempPath(), "citymgmt-tests", "shp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var options = new ShapefileWriterOptions(type) { Encoding = encoding };
            foreach (var (name, length) in fields)
            {
                options.AddCharacterField(name, length);
            }

            using (var writer = Shapefile.OpenWrite(Path.Combine(folder, layer), options))
            {
                foreach (var (shape, values) in rows)
                {
                    var attributes = new AttributesTable();
                    for (var i = 0; i < fields.Count; i++)
                    {
                        attributes.Add(fields[i].Name, values[i]);
                    }

                    writer.Write(new Feature(shape, attributes));
                }
            }

            File.Delete(Path.Combine(folder, layer + ".cpg"));
            File.Delete(Path.Combine(folder, layer + ".prj"));
            if (cpg is not null)
            {
                File.WriteAllText(Path.Combine(folder, layer + ".cpg"), cpg);
            }

            if (prj is not null)
            {
                File.WriteAllText(Path.Combine(folder, layer + ".prj"), prj);
            }

            return Zip(Directory.GetFiles(folder).Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public static byte[] Zip(IEnumerable<(string Name, byte[] Content)> entries, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, level).Open();
                stream.Write(content);
            }
        }

        return memory.ToArray();
    }

    public static byte[] Csv(Encoding encoding, bool bom, string header, params string[] lines)
    {
        var text = string.Join("\r\n", lines.Prepend(header)) + "\r\n";
        var bytes = encoding.GetBytes(text);
        return bom ? [.. encoding.GetPreamble(), .. bytes] : bytes;
    }

    public static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
