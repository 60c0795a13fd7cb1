namespace CityMgmt.Infrastructure.Persistence;

/// <summary>Last case sequence handed out per China-time day; a concurrency token stops two users taking the same number.</summary>
public sealed class CaseNumberCounter
{
    public DateOnly Day { get; set; }

    public int Last { get; set; }
}

/// <summary>A key/value setting kept in the database (e.g. the demo-seed marker, the code scheme).</summary>
public sealed class AppSetting
{
    public const int KeyMaxLength = 100;

    public string Key { get; set; } = string.Empty;

    public string Value { get; set; } = string.Empty;
}
