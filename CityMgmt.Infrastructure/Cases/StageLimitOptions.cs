namespace CityMgmt.Infrastructure.Cases;

/// <summary>
/// Section "StageLimits": local stage limits (domain.md §2), measured in working time. The workflow
/// definition's timers take these over once case routing runs on the BPMN engine.
/// </summary>
public sealed class StageLimitOptions
{
    public const string Section = "StageLimits";

    public TimeSpan Verification { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan Check { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan FilingUrgent { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan FilingNormal { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan DispatchUrgent { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan DispatchNormal { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan SignFor { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan Close { get; set; } = TimeSpan.FromMinutes(30);
}
