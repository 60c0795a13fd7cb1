using CityMgmt.Infrastructure.Persistence;

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
                    SqliteFiles.Backup(services.DatabaseFile, template);
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
