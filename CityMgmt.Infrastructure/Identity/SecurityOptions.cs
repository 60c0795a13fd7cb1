namespace CityMgmt.Infrastructure.Identity;

/// <summary>Section "Security": login rules from the backbone issue, all configurable.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Idle minutes before a signed-in session ends.</summary>
    public double IdleTimeoutMinutes { get; set; } = 30;

    public int MaxFailedAccessAttempts { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;

    public int PasswordMinLength { get; set; } = 8;
}
