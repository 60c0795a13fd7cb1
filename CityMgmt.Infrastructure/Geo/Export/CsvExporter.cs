using System.Globalization;
using CsvHelper;
using NetTopologySuite.Geometries;

namespace CityMgmt.Infrastructure.Geo.Export;

/// <summary>
/// CSV in UTF-8 with BOM (Excel opens the Chinese correctly): the attributes, then Longitude/Latitude for
/// points and WKT for lines and areas — the columns the importer reads back.
/// </summary>
internal static class CsvExporter
{
    public static async Task WriteAsync(Stream output, IReadOnlyList<ExportColumn> columns, IAsyncEnumerable<ExportFeature> rows, CancellationToken ct)
    {
        var options = new CsvWriterOptions { WriteByteOrderMark = true };
        await using var csv = CsvWriter.Create(output, options, leaveOpen: true);
        foreach (var column in columns)
        {
            csv.WriteField(column.Name);
        }

        csv.WriteField("Longitude");
        csv.WriteField("Latitude");
        csv.WriteField("WKT");
        await csv.EndRecordAsync(ct);
        await foreach (var row in rows.WithCancellation(ct))
        {
            foreach (var value in row.Values)
            {
                csv.WriteField(Format(value));
            }

            var point = row.Shape as Point;
            csv.WriteField(point?.X.ToString("R", CultureInfo.InvariantCulture));
            csv.WriteField(point?.Y.ToString("R", CultureInfo.InvariantCulture));
            csv.WriteField(point is null ? row.Shape?.AsText() : null);
            await csv.EndRecordAsync(ct);
        }

        await csv.FlushAsync(ct);
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
