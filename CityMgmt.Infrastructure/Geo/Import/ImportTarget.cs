using CityMgmt.Domain.Components;
using CityMgmt.Domain.Geo;
using CityMgmt.Infrastructure.Geo.Import.Reading;
using CityMgmt.Infrastructure.Geo.Import.Validation;
using CityMgmt.Infrastructure.Persistence;

namespace CityMgmt.Infrastructure.Geo.Import;

/// <summary>What every validator and writer of one run shares.</summary>
internal sealed record ImportContext(
    ReferenceData Data,
    BaseDataImportOptions Options,
    CoordinateSystem CoordinateSystem,
    DateOnly Today,
    DateTimeOffset Now,
    string ActorName,
    string FileName)
{
    public ComponentCodeScheme Scheme => Options.CodeScheme;
}

internal readonly record struct WriteCounts(int Created, int Updated, int Unchanged)
{
    public static WriteCounts operator +(WriteCounts a, WriteCounts b) =>
        new(a.Created + b.Created, a.Updated + b.Updated, a.Unchanged + b.Unchanged);
}

/// <summary>
/// One kind of base data: validates records into rows ready to write, then writes a batch of them inside
/// the run's transaction. Validation never touches the database except in <see cref="PrepareBatchAsync"/>.
/// </summary>
internal abstract class ImportTarget<TRow>
    where TRow : class
{
    /// <summary>Records validated and written together. Areas take the whole file so topology sees every polygon.</summary>
    public virtual int BatchSize => int.MaxValue;

    /// <summary>Loads what the batch's rows need from the database (e.g. the components they update).</summary>
    public virtual Task PrepareBatchAsync(CityDbContext db, IReadOnlyList<ImportRecord> batch, CancellationToken ct) => Task.CompletedTask;

    /// <summary>A row to write, or null with every problem of the record added to <paramref name="errors"/>.</summary>
    public abstract TRow? Validate(ImportRecord record, List<ImportError> errors);

    public abstract Task<WriteCounts> WriteAsync(CityDbContext db, IReadOnlyList<TRow> rows, CancellationToken ct);
}

internal static class Batching
{
    /// <summary>Lazy batches (unlike Enumerable.Chunk, a huge size does not pre-allocate).</summary>
    public static IEnumerable<List<T>> Batches<T>(this IEnumerable<T> source, int size)
    {
        var batch = new List<T>(Math.Min(size, 4096));
        foreach (var item in source)
        {
            batch.Add(item);
            if (batch.Count >= size)
            {
                yield return batch;
                batch = new List<T>(Math.Min(size, 4096));
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }
}
