using System.Text;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Shapefiles.Readers;

namespace CityMgmt.Infrastructure.Geo.Import.Reading;

/// <summary>
/// The layers of an expanded shapefile archive. Each needs .shp, .shx, .dbf and .prj; the .dbf encoding
/// comes from the .cpg, else GBK (what Chinese desktop GIS writes without one). Decoding is strict, so
/// attribute text in another encoding is refused instead of imported as mojibake.
/// </summary>
internal sealed class ShapefileRecordReader
{
    private readonly List<Layer> _layers;
    private readonly BaseDataKind _kind;

    private ShapefileRecordReader(List<Layer> layers, BaseDataKind kind) => (_layers, _kind) = (layers, kind);

    /// <summary>Checks every layer's parts, .prj and .cpg before a record is read.</summary>
    public static ShapefileRecordReader Open(IReadOnlyList<string> files, BaseDataKind kind)
    {
        var byPath = files.ToDictionary(f => f, StringComparer.OrdinalIgnoreCase);
        var shps = files.Where(f => f.EndsWith(".shp", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
        if (shps.Count == 0)
        {
            throw new ImportRefusedException(ImportErrors.NoShp);
        }

        var layers = new List<Layer>();
        foreach (var shp in shps)
        {
            var stem = shp[..^4];
            var name = Path.GetFileName(stem);
            string? Part(string extension) => byPath.TryGetValue(stem + extension, out var path) ? path : null;
            foreach (var required in new[] { ".shx", ".dbf" })
            {
                _ = Part(required) ?? throw new ImportRefusedException(ImportErrors.ShapefilePartMissing(name, required));
            }

            var prj = Part(".prj") ?? throw new ImportRefusedException(ImportErrors.MissingPrj(name));
            var transform = PrjInspector.Inspect(name, File.ReadAllText(prj));
            var encoding = TextEncodings.StrictGbk;
            if (Part(".cpg") is { } cpg)
            {
                var declared = File.ReadAllText(cpg);
                encoding = TextEncodings.FromCpg(declared)
                    ?? throw new ImportRefusedException(ImportErrors.UnreadableDbf(name, $".cpg 声明的编码“{declared.Trim()}”不受支持"));
            }

            layers.Add(new Layer(name, shp, encoding, transform));
        }

        return new ShapefileRecordReader(layers, kind);
    }

    public IEnumerable<ImportRecord> Read(CancellationToken ct)
    {
        foreach (var layer in _layers)
        {
            var label = _layers.Count > 1 ? layer.Name : null;
            using var reader = OpenLayer(layer);
            var fields = reader.Fields.Select(f => (f.Name, Standard: ImportFields.Resolve(_kind, f.Name))).ToArray();
            var missing = ImportFields.For(_kind).Where(f => f.Required && fields.All(x => x.Standard != f.Name)).Select(f => $"{f.Name}（{f.Label}）").ToList();
            if (missing.Count > 0)
            {
                throw new ImportRefusedException(ImportErrors.MissingFields($"图层“{layer.Name}”没有 {string.Join("、", missing)}"));
            }

            var row = 0;
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                var (more, deleted, feature) = Next(reader, layer);
                if (!more)
                {
                    break;
                }

                row++;
                if (!deleted)
                {
                    yield return ToRecord(row, label, fields, feature!, layer.Transform);
                }
            }
        }
    }

    private static ImportRecord ToRecord(int row, string? layer, (string Name, string? Standard)[] fields, Feature feature, Func<Geometry, Geometry>? transform)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, standard) in fields)
        {
            if (standard is not null && !values.ContainsKey(standard))
            {
                values[standard] = feature.Attributes[name];
            }
        }

        var geometry = feature.Geometry is { IsEmpty: false } g ? g : null;
        return geometry is null
            ? new ImportRecord(row, layer, values, null, "要素没有几何图形（空几何）")
            : new ImportRecord(row, layer, values, transform is null ? geometry : transform(geometry));
    }

    private static ShapefileReader OpenLayer(Layer layer)
    {
        try
        {
            return Shapefile.OpenRead(layer.ShpPath, new ShapefileReaderOptions { Encoding = layer.Encoding });
        }
        catch (DecoderFallbackException)
        {
            throw new ImportRefusedException(ImportErrors.DbfEncoding(layer.Name, layer.Encoding.WebName.ToUpperInvariant()));
        }
        catch (Exception e) when (e is ShapefileException or IOException or ArgumentException or InvalidOperationException or NotSupportedException or IndexOutOfRangeException)
        {
            throw new ImportRefusedException(ImportErrors.UnreadableDbf(layer.Name, e.Message));
        }
    }

    private static (bool More, bool Deleted, Feature? Feature) Next(ShapefileReader reader, Layer layer)
    {
        try
        {
            var more = reader.Read(out var deleted, out var feature);
            return (more, deleted, feature);
        }
        catch (DecoderFallbackException)
        {
            throw new ImportRefusedException(ImportErrors.DbfEncoding(layer.Name, layer.Encoding.WebName.ToUpperInvariant()));
        }
        catch (Exception e) when (e is ShapefileException or IOException or ArgumentException or InvalidOperationException or FormatException or IndexOutOfRangeException or EndOfStreamException)
        {
            throw new ImportRefusedException(ImportErrors.UnreadableShp(layer.Name, e.Message));
        }
    }

    private sealed record Layer(string Name, string ShpPath, Encoding Encoding, Func<Geometry, Geometry>? Transform);
}
