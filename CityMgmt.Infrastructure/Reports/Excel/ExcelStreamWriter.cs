using System.Runtime.CompilerServices;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace CityMgmt.Infrastructure.Reports.Excel;

/// <summary>
/// Streams large lists (100,000+ rows) to one sheet with MiniExcel in bounded memory: rows are pulled one at
/// a time from the source and written straight to the zip entry. Headers are the columns' Chinese headers,
/// widths are set explicitly (MiniExcel's auto width makes Chinese columns narrow) from the headers and the
/// first <see cref="WidthSampleRows"/> rows, and numeric/date columns get their number formats.
/// </summary>
public static class ExcelStreamWriter
{
    public const int WidthSampleRows = 200;
    private const int ProgressEvery = 1000;

    /// <summary>Writes the rows and returns how many were written; <paramref name="progress"/> gets the running count.</summary>
    public static async Task<long> WriteAsync(
        Stream output,
        IReadOnlyList<ReportColumn> columns,
        IAsyncEnumerable<IReadOnlyList<object?>> rows,
        string sheetName = "数据",
        IProgress<long>? progress = null,
        CancellationToken cancellationToken = default)
    {
        await using var source = rows.GetAsyncEnumerator(cancellationToken);
        var sample = new List<IReadOnlyList<object?>>(WidthSampleRows);
        var more = true;
        while (sample.Count < WidthSampleRows && (more = await source.MoveNextAsync()))
        {
            sample.Add(source.Current);
        }

        var configuration = new OpenXmlConfiguration
        {
            FreezeRowCount = 1,
            EnableAutoWidth = false,
            DynamicColumns = columns.Select((c, i) => Column(c, i, sample)).ToArray(),
        };
        var counter = new RowCounter(progress);
        var keys = Enumerable.Range(0, columns.Count).Select(Key).ToArray();
        var dictionaries = Dictionaries(sample, more ? source : null, keys, counter, cancellationToken);
        await MiniExcel.SaveAsAsync(output, dictionaries, sheetName: sheetName, configuration: configuration, cancellationToken: cancellationToken);
        progress?.Report(counter.Count);
        return counter.Count;
    }

    /// <summary>Synchronous sources (an EF query enumerated without async, generated rows) work the same way.</summary>
    public static Task<long> WriteAsync(
        Stream output,
        IReadOnlyList<ReportColumn> columns,
        IEnumerable<IReadOnlyList<object?>> rows,
        string sheetName = "数据",
        IProgress<long>? progress = null,
        CancellationToken cancellationToken = default) =>
        WriteAsync(output, columns, ToAsync(rows), sheetName, progress, cancellationToken);

    internal static string Key(int index) => "c" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static DynamicExcelColumn Column(ReportColumn column, int index, List<IReadOnlyList<object?>> sample) => new(Key(index))
    {
        Name = column.Header,
        Index = index,
        Width = ReportValues.ExcelWidth(column, sample.Select(r => index < r.Count && r[index] is { } v ? ReportValues.Format(v, column) : string.Empty)),
        Format = column.Kind == ReportColumnKind.Text ? null : ReportValues.ExcelFormat(column),
    };

    private static async IAsyncEnumerable<IDictionary<string, object?>> Dictionaries(
        List<IReadOnlyList<object?>> sample,
        IAsyncEnumerator<IReadOnlyList<object?>>? rest,
        string[] keys,
        RowCounter counter,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var row in sample)
        {
            counter.Next();
            yield return ToDictionary(row, keys);
        }

        sample.Clear(); // let the sample rows go while the rest streams
        if (rest is null)
        {
            yield break;
        }

        while (await rest.MoveNextAsync())
        {
            cancellationToken.ThrowIfCancellationRequested();
            counter.Next();
            yield return ToDictionary(rest.Current, keys);
        }
    }

    private static Dictionary<string, object?> ToDictionary(IReadOnlyList<object?> row, string[] keys)
    {
        var values = new Dictionary<string, object?>(keys.Length);
        for (var i = 0; i < keys.Length; i++)
        {
            values[keys[i]] = i < row.Count ? ReportValues.ToExcel(row[i]) : null;
        }

        return values;
    }

#pragma warning disable CS1998 // an async iterator over a synchronous source
    private static async IAsyncEnumerable<IReadOnlyList<object?>> ToAsync(IEnumerable<IReadOnlyList<object?>> rows)
    {
        foreach (var row in rows)
        {
            yield return row;
        }
    }
#pragma warning restore CS1998

    private sealed class RowCounter(IProgress<long>? progress)
    {
        public long Count { get; private set; }

        public void Next()
        {
            Count++;
            if (Count % ProgressEvery == 0)
            {
                progress?.Report(Count);
            }
        }
    }
}
