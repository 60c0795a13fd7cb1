using Microsoft.Data.Sqlite;

namespace CityMgmt.Tests.Support;

/// <summary>
/// The small demo county seeded once per test run (real migrations, real seeder, system clock) and
/// copied for each test that needs it: seeding per test would cost seconds each.
/// </summary>
public static class SeededTemplate
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _path;

    public static async Task<string> GetAsync()
    {
        if (_path is not null)
        {
            return _path;
        }

        await Gate.WaitAsync();
        try
        {
            if (_path is null)
            {
                var folder = TestServices.NewFolder();
                var template = Path.Combine(Path.GetTempPath(), "citymgmt-tests", $"template-{Guid.NewGuid():N}.db");
                await using (var services = TestServices.Build(folder, null, demo: true, null))
                {
                    await services.MigrateAsync();

                    // Through SQLite's backup, not a file copy: the host's step connection (ADR 0018) stays open, so the
                    // latest commits may still be in the WAL beside the file.
                    using var from = new SqliteConnection($"Data Source={services.DatabaseFile};Pooling=False");
                    using var to = new SqliteConnection($"Data Source={template};Pooling=False");
                    from.Open();
                    to.Open();
                    from.BackupDatabase(to);
                }

                _path = template;
            }

            return _path;
        }
        finally
        {
            Gate.Release();
        }
    }
}
