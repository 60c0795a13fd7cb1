using CityMgmt.Domain.Common;

namespace CityMgmt.Domain.Evaluation.Runs;

/// <summary>
/// The administrators' working copy of the formula set (one per set name). Saved only when it validates; runs never
/// read it: publishing copies it into the next <see cref="SavedFormulaSet"/> version, which never changes again.
/// </summary>
public sealed class FormulaDraft : AggregateRoot
{
    private FormulaDraft()
    {
    }

    public FormulaDraft(string name, string json, int basedOnVersion, string savedBy, DateTimeOffset at) =>
        Update(name, json, basedOnVersion, savedBy, at);

    public string Name { get; private set; } = string.Empty;

    public string Json { get; private set; } = string.Empty;

    /// <summary>The published version the draft started from (a newer publication makes the draft stale).</summary>
    public int BasedOnVersion { get; private set; }

    public string SavedBy { get; private set; } = string.Empty;

    public DateTimeOffset SavedAt { get; private set; }

    public void Update(string name, string json, int basedOnVersion, string savedBy, DateTimeOffset at) =>
        (Name, Json, BasedOnVersion, SavedBy, SavedAt) = (name, json, basedOnVersion, savedBy, at);
}
