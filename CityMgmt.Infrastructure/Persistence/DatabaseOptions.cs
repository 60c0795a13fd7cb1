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
    /// Quartz 4 keeps one scheduler repository per DI container, so hosts in one process never share a scheduler;
    /// tests still name each host's scheduler after its data folder to tell the hosts apart in logs.
    /// </summary>
    public string SchedulerName { get; set; } = "QuartzScheduler";

    /// <summary>
    /// SQLite only: a workflow step reads and writes its rows with prepared statements outside EF Core's change tracker
    /// (ADR 0017). Off, it runs through EF Core as on SQL Server; the tests compare the two.
    /// </summary>
    public bool PreparedWorkflowSteps { get; set; } = true;

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
