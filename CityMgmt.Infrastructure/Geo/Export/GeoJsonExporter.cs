using System.Text.Encodings.Web;
using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace CityMgmt.Infrastructure.Geo.Export;

/// <summary>
/// RFC 7946 FeatureCollection written feature by feature with a Utf8JsonWriter, flushed asynchronously every
/// 64 KB: memory stays flat whatever the row count. Chinese text is written as is (not \u-escaped).
/// </summary>
internal static class GeoJsonExporter
{
    private static readonly JsonSerializerOptions GeometryJson = CreateOptions();

    public static async Task WriteAsync(Stream output, IReadOnlyList<ExportColumn> columns, IAsyncEnumerable<ExportFeature> rows, CancellationToken ct)
    {
        await using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartObject();
        writer.WriteString("type", "FeatureCollection");
        writer.WriteStartArray("features");
        await foreach (var row in rows.WithCancellation(ct))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "Feature");
            writer.WritePropertyName("geometry");
            if (row.Shape is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                JsonSerializer.Serialize(writer, row.Shape, GeometryJson);
            }

            writer.WriteStartObject("properties");
            for (var i = 0; i < columns.Count; i++)
            {
                WriteValue(writer, columns[i].Name, row.Values[i]);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
            if (writer.BytesPending > 64 * 1024)
            {
                await writer.FlushAsync(ct);
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(ct);
    }

    private static void WriteValue(Utf8JsonWriter writer, string name, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNull(name);
                break;
            case double d:
                writer.WriteNumber(name, Math.Round(d, 2));
                break;
            case DateOnly day:
                writer.WriteString(name, day.ToString("yyyy-MM-dd"));
                break;
            default:
                writer.WriteString(name, value.ToString());
                break;
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        return options;
    }

    /// <summary>Geometry only (used by tests and callers that need the same serialisation).</summary>
    public static string Serialize(Geometry geometry) => JsonSerializer.Serialize(geometry, GeometryJson);
}
