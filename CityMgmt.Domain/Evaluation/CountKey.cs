using System.Collections.Frozen;

namespace CityMgmt.Domain.Evaluation;

/// <summary>
/// A raw count of one evaluated object over a period, computed later from the case history.
/// The member name is the identifier formulas use (e.g. <c>Filed - Cancelled</c>); the display name may be used too, in brackets (<c>[立案数]</c>).
/// Members are never renamed or renumbered: stored formulas refer to them by name.
/// </summary>
public enum CountKey
{
    Reported,
    ValidReported,
    VerificationsDue,
    VerifiedOnTime,
    ChecksDue,
    CheckedOnTime,
    Missed,
    Filed,
    FiledOnTime,
    Cancelled,
    Accepted,
    VerificationsSent,
    VerificationsSentOnTime,
    ChecksSent,
    ChecksSentOnTime,
    ClosuresDue,
    Closed,
    ClosedOnTime,
    ClosedWithinDeadline,
    DispatchesDue,
    Dispatched,
    DispatchedOnTime,
    Reworked,
    DisposalsDue,
    Disposed,
    DisposedOnTime,
    DisposedOverdue,
    OverduePending,
    PublicReportsVerified,
    Extended,
    Deferred,
}

public static class CountKeys
{
    private static readonly FrozenDictionary<string, CountKey> ByIdentifier =
        Enum.GetValues<CountKey>().ToFrozenDictionary(k => k.ToString(), StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, CountKey> ByDisplayName =
        Enum.GetValues<CountKey>().ToFrozenDictionary(k => k.DisplayName(), StringComparer.Ordinal);

    public static IReadOnlyList<CountKey> All { get; } = Enum.GetValues<CountKey>();

    public static string DisplayName(this CountKey key) => key switch
    {
        CountKey.Reported => "上报数",
        CountKey.ValidReported => "有效上报数",
        CountKey.VerificationsDue => "应核实数",
        CountKey.VerifiedOnTime => "按时核实数",
        CountKey.ChecksDue => "应核查数",
        CountKey.CheckedOnTime => "按时核查数",
        CountKey.Missed => "漏报数",
        CountKey.Filed => "立案数",
        CountKey.FiledOnTime => "按时立案数",
        CountKey.Cancelled => "作废数",
        CountKey.Accepted => "受理数",
        CountKey.VerificationsSent => "核实派发数",
        CountKey.VerificationsSentOnTime => "按时核实派发数",
        CountKey.ChecksSent => "核查派发数",
        CountKey.ChecksSentOnTime => "按时核查派发数",
        CountKey.ClosuresDue => "应结案数",
        CountKey.Closed => "结案数",
        CountKey.ClosedOnTime => "按时结案数",
        CountKey.ClosedWithinDeadline => "按期结案数",
        CountKey.DispatchesDue => "应派遣数",
        CountKey.Dispatched => "派遣数",
        CountKey.DispatchedOnTime => "按时派遣数",
        CountKey.Reworked => "返工数",
        CountKey.DisposalsDue => "应处置数",
        CountKey.Disposed => "处置数",
        CountKey.DisposedOnTime => "按期处置数",
        CountKey.DisposedOverdue => "超期处置数",
        CountKey.OverduePending => "超期待处置数",
        CountKey.PublicReportsVerified => "监督举报核实数",
        CountKey.Extended => "延期数",
        CountKey.Deferred => "缓办数",
        _ => key.ToString(),
    };

    /// <summary>Finds a count by its identifier (<c>Filed</c>) or its display name (<c>立案数</c>); exact, case-sensitive like NCalc.</summary>
    /// <remarks>Unlike <see cref="Enum.TryParse{TEnum}(string?, out TEnum)"/>, numbers and other spellings are refused.</remarks>
    public static bool TryResolve(string? name, out CountKey key)
    {
        key = default;
        return name is not null && (ByIdentifier.TryGetValue(name, out key) || ByDisplayName.TryGetValue(name, out key));
    }
}
