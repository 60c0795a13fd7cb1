using CityMgmt.Domain.Calendar;
using CityMgmt.Domain.Categories;
using CityMgmt.Domain.Common;

namespace CityMgmt.Web.Components.Pages.Admin;

/// <summary>The editable rules of a minor class as the form holds them, possibly invalid until saved.</summary>
public sealed class CategoryRulesModel
{
    public string? FilingCondition { get; set; }

    public string? ClosingCondition { get; set; }

    public decimal? LimitValue { get; set; }

    public TimeLimitUnit LimitUnit { get; set; } = TimeLimitUnit.WorkingHours;

    public Guid? DefaultDepartmentId { get; set; }

    /// <summary>Components only; kept as it was when the form does not show it.</summary>
    public PositionAccuracy? Accuracy { get; set; }

    public static CategoryRulesModel From(Category category) => new()
    {
        FilingCondition = category.FilingCondition,
        ClosingCondition = category.ClosingCondition,
        LimitValue = category.DisposalLimit?.Value,
        LimitUnit = category.DisposalLimit?.Unit ?? TimeLimitUnit.WorkingHours,
        DefaultDepartmentId = category.DefaultDepartmentId,
        Accuracy = category.Accuracy,
    };

    /// <summary>Checks the time limit here so the user reads its message before anything is sent.</summary>
    public Result<MinorClassRules> ToRules()
    {
        if (LimitValue is not { } value)
        {
            return CalendarErrors.LimitRequired;
        }

        var limit = TimeLimit.Create(value, LimitUnit);
        return limit.IsFailure
            ? limit.Error
            : new MinorClassRules(FilingCondition, ClosingCondition, limit.Value, DefaultDepartmentId, Accuracy);
    }
}
