namespace CityMgmt.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>Section "Database" of the configuration.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQL Server: required. For SQLite: optional; default is a file in <see cref="DataFolder"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Where the embedded database and attachments live; relative paths are under the app's content root.</summary>
    public string DataFolder { get; set; } = "App_Data";

    /// <summary>Apply pending migrations at start (the default; DBAs may run the scripts in database/ instead).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// The Quartz scheduler's name: its rows in the QRTZ_ tables are keyed by it, so it must stay the same across restarts.
    /// Quartz keeps schedulers in a per-process registry by name, so two app hosts in one process (tests) need two names.
    /// </summary>
    public string SchedulerName { get; set; } = "QuartzScheduler";

    public string ResolveDataFolder(string contentRoot) =>
        Path.GetFullPath(Path.IsPathRooted(DataFolder) ? DataFolder : Path.Combine(contentRoot, DataFolder));

    public string ResolveConnectionString(string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return ConnectionString;
        }

        if (Provider != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException("配置项 Database:ConnectionString 未设置：SQL Server 必须提供连接字符串。");
        }

        var folder = ResolveDataFolder(contentRoot);
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "citymgmt.db")};Cache=Shared;Pooling=True";
    }
}
