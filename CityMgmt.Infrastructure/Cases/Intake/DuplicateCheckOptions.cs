using Microsoft.Extensions.Options;

namespace CityMgmt.Infrastructure.Cases.Intake;

/// <summary>
/// Section "DuplicateCheck": which cases the 受理队列 offers as possible repeats of a new report — same event or
/// component minor class, at most <see cref="RadiusMetres"/> apart, reported at most <see cref="WindowHours"/> apart.
/// </summary>
public sealed class DuplicateCheckOptions
{
    public const string Section = "DuplicateCheck";
    public const double MaxRadiusMetres = 5_000;
    public const int MaxWindowHours = 24 * 30;

    public double RadiusMetres { get; set; } = 50;

    public int WindowHours { get; set; } = 24;

    public TimeSpan Window => TimeSpan.FromHours(WindowHours);
}

/// <summary>Refuses to start with a radius or window that would make the check meaningless or scan the whole table.</summary>
internal sealed class DuplicateCheckOptionsValidator : IValidateOptions<DuplicateCheckOptions>
{
    public ValidateOptionsResult Validate(string? name, DuplicateCheckOptions options)
    {
        var failures = new List<string>();
        if (!(options.RadiusMetres is > 0 and <= DuplicateCheckOptions.MaxRadiusMetres))
        {
            failures.Add($"DuplicateCheck:RadiusMetres must be above 0 and at most {DuplicateCheckOptions.MaxRadiusMetres} (was {options.RadiusMetres}).");
        }

        if (options.WindowHours is < 1 or > DuplicateCheckOptions.MaxWindowHours)
        {
            failures.Add($"DuplicateCheck:WindowHours must be between 1 and {DuplicateCheckOptions.MaxWindowHours} (was {options.WindowHours}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
