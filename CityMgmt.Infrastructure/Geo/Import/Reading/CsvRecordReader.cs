using System.Text;
using CityMgmt.Domain.Geo;
using CsvHelper;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace CityMgmt.Infrastructure.Geo.Import.Reading;

/// <summary>
/// Components from a CSV with a header row and longitude/latitude columns (or a WKT column for lines and
/// areas). Row numbers are the spreadsheet's: the header is row 1, the first component row 2.
/// </summary>
internal sealed class CsvRecordReader(string path, TextEncodingChoice choice)
{
    public IEnumerable<ImportRecord> Read(CancellationToken ct)
    {
        var encoding = TextEncodings.ForCsv(path, choice);
        var options = new CsvReaderOptions
        {
            Encoding = encoding.CodePage == Encoding.UTF8.CodePage ? null : encoding,
            TrimWhitespace = true,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            MaxRecordSize = 1 << 20,
        };
        using var csv = CsvReader.Create(File.OpenRead(path), options, leaveOpen: false);
        var columns = ReadHeader(csv);
        var wkt = new WKTReader(GeoConstants.Factory.GeometryServices);
        while (Next(csv))
        {
            ct.ThrowIfCancellationRequested();
            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var (index, name) in columns)
            {
                values.TryAdd(name, index < csv.FieldCount ? csv.GetString(index) : null);
            }

            yield return ToRecord((int)csv.LineNumber, values, wkt);
        }
    }

    private static List<(int Index, string Name)> ReadHeader(CsvReader csv)
    {
        try
        {
            csv.ReadHeader();
        }
        catch (CsvFormatException e)
        {
            throw new ImportRefusedException(ImportErrors.BadCsv($"表头：{e.Message}"));
        }

        var columns = csv.Headers
            .Select((header, index) => (Index: index, Name: ImportFields.Resolve(BaseDataKind.Component, header ?? string.Empty)))
            .Where(c => c.Name is not null)
            .Select(c => (c.Index, c.Name!))
            .ToList();
        var names = columns.Select(c => c.Item2).ToHashSet();
        if (!names.Contains(ImportFields.ObjId))
        {
            throw new ImportRefusedException(ImportErrors.MissingFields($"{ImportFields.ObjId}（部件标识码）"));
        }

        if (!names.Contains(ImportFields.Wkt) && !(names.Contains(ImportFields.Longitude) && names.Contains(ImportFields.Latitude)))
        {
            throw new ImportRefusedException(ImportErrors.CsvNoPosition);
        }

        return columns;
    }

    private static bool Next(CsvReader csv)
    {
        try
        {
            return csv.Read();
        }
        catch (CsvFormatException e)
        {
            throw new ImportRefusedException(ImportErrors.BadCsv($"第 {e.LineNumber} 行：{e.Message}"));
        }
    }

    private static ImportRecord ToRecord(int row, Dictionary<string, object?> values, WKTReader wkt)
    {
        if (FieldValues.Text(values.GetValueOrDefault(ImportFields.Wkt)) is { } text)
        {
            try
            {
                return new ImportRecord(row, null, values, wkt.Read(text));
            }
            catch (Exception e) when (e is ParseException or ArgumentException or FormatException)
            {
                return new ImportRecord(row, null, values, null, $"WKT 无法解析：{e.Message}");
            }
        }

        var lon = FieldValues.Number(values.GetValueOrDefault(ImportFields.Longitude), out var badLon);
        var lat = FieldValues.Number(values.GetValueOrDefault(ImportFields.Latitude), out var badLat);
        if (badLon || badLat)
        {
            return new ImportRecord(row, null, values, null, "经度或纬度不是数字");
        }

        return lon is { } x && lat is { } y
            ? new ImportRecord(row, null, values, GeoConstants.Factory.CreatePoint(new Coordinate(x, y)))
            : new ImportRecord(row, null, values, null, "缺少经度或纬度");
    }
}
