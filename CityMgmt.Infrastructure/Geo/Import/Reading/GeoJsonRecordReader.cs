using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;

namespace CityMgmt.Infrastructure.Geo.Import.Reading;

/// <summary>
/// Features of a GeoJSON FeatureCollection as records, one at a time. The file must be UTF-8 (RFC 7946);
/// it is checked whole before the first record, so a GBK file is refused instead of half-imported.
/// </summary>
internal sealed class GeoJsonRecordReader(string path, BaseDataKind kind)
{
    private static readonly JsonSerializerOptions Json = CreateOptions();

    public IEnumerable<ImportRecord> Read(CancellationToken ct)
    {
        var invalid = TextEncodings.FindInvalidUtf8(path);
        if (invalid >= 0)
        {
            throw new ImportRefusedException(ImportErrors.NotUtf8(invalid));
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var scanner = new FeatureCollectionScanner(stream);
        var row = 0;
        while (scanner.TryNext(out var json))
        {
            ct.ThrowIfCancellationRequested();
            CheckCrs(scanner.CrsName);
            yield return ToRecord(++row, json);
        }

        CheckCrs(scanner.CrsName);
    }

    private ImportRecord ToRecord(int row, ReadOnlyMemory<byte> json)
    {
        IFeature? feature;
        try
        {
            feature = JsonSerializer.Deserialize<IFeature>(json.Span, Json);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or NotSupportedException or FormatException)
        {
            return new ImportRecord(row, null, new Dictionary<string, object?>(), null, $"要素无法解析：{e.Message}");
        }

        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (feature?.Attributes is { } attributes)
        {
            foreach (var name in attributes.GetNames())
            {
                if (ImportFields.Resolve(kind, name) is { } standard && !values.ContainsKey(standard))
                {
                    values[standard] = attributes[name] is IAttributesTable nested ? nested.ToString() : attributes[name];
                }
            }
        }

        return feature?.Geometry is { IsEmpty: false } geometry
            ? new ImportRecord(row, null, values, geometry)
            : new ImportRecord(row, null, values, null, "要素没有几何图形（geometry 为空）");
    }

    private static void CheckCrs(string? name)
    {
        if (name is not null && !name.Contains("4490", StringComparison.Ordinal) && !name.Contains("4326", StringComparison.Ordinal)
            && !name.Contains("CRS84", StringComparison.OrdinalIgnoreCase))
        {
            throw new ImportRefusedException(ImportErrors.UnsupportedCrs(name));
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        options.Converters.Add(new GeoJsonConverterFactory(Domain.Geo.GeoConstants.Factory));
        return options;
    }
}
