using System.Diagnostics;
using CityMgmt.Infrastructure.Audit;
using CityMgmt.Infrastructure.Geo.Import.Reading;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Infrastructure.Persistence;

namespace CityMgmt.Infrastructure.Geo.Import;

/// <summary>
/// Runs records through a target inside ONE transaction: batch by batch, validate, then write (all-or-nothing
/// stops writing at the first bad row but keeps validating to list every problem). Commits only at the end,
/// so a bad file, a cancel or a crash leaves the database as it was. With SQLite's shared cache (the default
/// connection string) readers of the tables it writes wait until it ends. One pipeline is one attempt: its counts
/// start at zero.
/// </summary>
internal sealed class ImportPipeline(CityDbContext db, AuditLog audit, ImportRequest request, BaseDataImportOptions options, IProgress<ImportProgress>? progress)
{
    private readonly List<ImportError> _errors = [];
    private int _errorCount;
    private int _read;
    private int _validated;
    private int _skipped;
    private WriteCounts _written;

    public async Task<ImportReport> RunAsync<TRow>(ImportTarget<TRow> target, IEnumerable<ImportRecord> records, StaffContext actor, CancellationToken ct)
        where TRow : class
    {
        var watch = Stopwatch.StartNew();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var batch in records.Select(Counted).Batches(target.BatchSize))
        {
            await target.PrepareBatchAsync(db, batch, ct);
            var rows = new List<TRow>(batch.Count);
            foreach (var record in batch)
            {
                var rowErrors = new List<ImportError>();
                if (target.Validate(record, rowErrors) is { } row)
                {
                    rows.Add(row);
                }
                else
                {
                    _skipped++;
                    AddErrors(rowErrors.Count > 0 ? rowErrors : [record.Error(ImportFields.Geometry, "该行无法导入")]);
                }

                if (++_validated % 500 == 0)
                {
                    Report(ImportPhase.Validating);
                }
            }

            if (Writing)
            {
                Report(ImportPhase.Writing);
                _written += await target.WriteAsync(db, rows, ct);
            }

            db.ChangeTracker.Clear();
            Report(Writing ? ImportPhase.Writing : ImportPhase.Validating);
            ct.ThrowIfCancellationRequested();
        }

        if (_read == 0)
        {
            throw new ImportRefusedException(ImportErrors.Empty);
        }

        var report = new ImportReport(request.Kind, request.Mode, Writing, _read, _written.Created, _written.Updated, _written.Unchanged,
            _skipped, _errors, _errorCount, watch.Elapsed);
        if (report.Committed)
        {
            Report(ImportPhase.Committing);
            audit.Admin(db, actor, "导入基础数据", $"{request.Kind.DisplayName()}：{request.FileName}", $"{request.Mode.DisplayName()}；{report.Summary}");
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        Report(ImportPhase.Done);
        return report with { Elapsed = watch.Elapsed };
    }

    /// <summary>All-or-nothing writes only while no row has failed; the transaction is rolled back at the end anyway.</summary>
    private bool Writing => request.Mode == ImportMode.SkipInvalidRows || _errorCount == 0;

    private ImportRecord Counted(ImportRecord record)
    {
        if (++_read % 1000 == 0)
        {
            Report(ImportPhase.Validating);
        }

        return record;
    }

    private void AddErrors(List<ImportError> errors)
    {
        _errorCount += errors.Count;
        _errors.AddRange(errors.Take(Math.Max(0, options.MaxListedErrors - _errors.Count)));
    }

    private void Report(ImportPhase phase) =>
        progress?.Report(new ImportProgress(phase, _read, _validated, _written.Created + _written.Updated + _written.Unchanged, _errorCount));
}
