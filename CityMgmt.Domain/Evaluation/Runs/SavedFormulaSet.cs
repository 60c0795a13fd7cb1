using CityMgmt.Domain.Common;

namespace CityMgmt.Domain.Evaluation.Runs;

/// <summary>
/// A saved version of a formula set (weights, bands, formulas, peer groups, minimum sample). Never edited:
/// saving creates the next version and makes it the active one; runs name the version they used.
/// </summary>
public sealed class SavedFormulaSet : Entity, IAppendOnly
{
    private SavedFormulaSet()
    {
    }

    public SavedFormulaSet(FormulaSet set, string json, string savedBy)
    {
        Name = set.Name;
        Version = set.Version;
        Json = json;
        SavedBy = savedBy;
    }

    public string Name { get; private set; } = string.Empty;

    public int Version { get; private set; }

    public string Json { get; private set; } = string.Empty;

    public string SavedBy { get; private set; } = string.Empty;
}
