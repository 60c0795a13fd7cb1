using System.IO.Compression;
using System.Text;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Shapefiles.Writers;

namespace CityMgmt.Infrastructure.Geo.Export;

/// <summary>
/// A zip of shapefiles: UTF-8 attributes with a .cpg saying so, and a CGCS2000 .prj. A shapefile holds one
/// geometry type, so components go to up to three layers (points, lines, areas) written side by side while
/// the rows stream; the layers are written to a temp folder (the format seeks back to its headers) and then
/// zipped into the output asynchronously.
/// </summary>
internal static class ShapefileExporter
{
    /// <summary>CGCS2000 geographic (EPSG:4490) in Esri's WKT, as ArcGIS writes it.</summary>
    public const string Cgcs2000Prj =
        "GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\",DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],"
        + "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";

    public static async Task WriteAsync(Stream output, string layerName, IReadOnlyList<ExportColumn> columns, IAsyncEnumerable<ExportFeature> rows, CancellationToken ct)
    {
        var folder = Path.Combine(Path.GetTempPath(), "citymgmt-export", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var writers = new Dictionary<ShapeType, ShapefileWriter>();
            try
            {
                await foreach (var row in rows.WithCancellation(ct))
                {
                    if (row.Shape is null)
                    {
                        continue;
                    }

                    var type = ShapeOf(row.Shape);
                    if (!writers.TryGetValue(type, out var writer))
                    {
                        writer = writers[type] = Open(folder, LayerFile(layerName, type), type, columns);
                    }

                    writer.Write(ToFeature(row, columns));
                }
            }
            finally
            {
                foreach (var writer in writers.Values)
                {
                    writer.Dispose();
                }
            }

            await ZipAsync(folder, output, ct);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static ShapefileWriter Open(string folder, string name, ShapeType type, IReadOnlyList<ExportColumn> columns)
    {
        var options = new ShapefileWriterOptions(type) { Encoding = Encoding.UTF8, Projection = Cgcs2000Prj };
        foreach (var column in columns)
        {
            if (column.Type == ExportColumnType.Date)
            {
                options.AddDateField(column.Name);
            }
            else if (column.Type == ExportColumnType.Number)
            {
                options.AddNumericDoubleField(column.Name);
            }
            else
            {
                options.AddCharacterField(column.Name, Math.Min(254, column.MaxChars * 3));
            }
        }

        return Shapefile.OpenWrite(Path.Combine(folder, name), options);
    }

    private static Feature ToFeature(ExportFeature row, IReadOnlyList<ExportColumn> columns)
    {
        var attributes = new AttributesTable();
        for (var i = 0; i < columns.Count; i++)
        {
            attributes.Add(columns[i].Name, row.Values[i] switch
            {
                DateOnly day => day.ToDateTime(TimeOnly.MinValue),
                string text => FitBytes(text, Math.Min(254, columns[i].MaxChars * 3)),
                var value => value,
            });
        }

        return new Feature(row.Shape, attributes);
    }

    /// <summary>DBF text fields hold at most 254 bytes: cut at a character boundary, never inside a UTF-8 sequence.</summary>
    private static string FitBytes(string text, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes)
        {
            return text;
        }

        var length = text.Length;
        while (length > 0 && Encoding.UTF8.GetByteCount(text.AsSpan(0, length)) > maxBytes)
        {
            length--;
        }

        return text[..length];
    }

    private static ShapeType ShapeOf(Geometry geometry) => geometry switch
    {
        Point => ShapeType.Point,
        LineString or MultiLineString => ShapeType.PolyLine,
        _ => ShapeType.Polygon,
    };

    private static string LayerFile(string layer, ShapeType type) => type switch
    {
        ShapeType.Point => layer + "_point",
        ShapeType.PolyLine => layer + "_line",
        _ => layer + "_polygon",
    };

    private static async Task ZipAsync(string folder, Stream output, CancellationToken ct)
    {
        await using var zip = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Encoding.UTF8, ct);
        foreach (var file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
        {
            var entry = zip.CreateEntry(Path.GetFileName(file), CompressionLevel.Fastest);
            await using var target = await entry.OpenAsync(ct);
            await using var source = File.OpenRead(file);
            await source.CopyToAsync(target, ct);
        }
    }
}
