using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace CityMgmt.Domain.Evaluation;

/// <summary>
/// The raw counts of one evaluated object for one period. Immutable; a count never set reads as 0.
/// Counts are never negative: a negative count is a bug in the query that produced it.
/// </summary>
[JsonConverter(typeof(CountSetJsonConverter))]
public sealed class CountSet : IEquatable<CountSet>
{
    private readonly ImmutableSortedDictionary<CountKey, long> _values;

    private CountSet(ImmutableSortedDictionary<CountKey, long> values) => _values = values;

    public static CountSet Empty { get; } = new(ImmutableSortedDictionary<CountKey, long>.Empty);

    /// <summary>The counts that were set, in <see cref="CountKey"/> order.</summary>
    public IReadOnlyDictionary<CountKey, long> Values => _values;

    public long this[CountKey key] => _values.GetValueOrDefault(key);

    public static CountSet Of(params (CountKey Key, long Value)[] values)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<CountKey, long>();
        foreach (var (key, value) in values)
        {
            Check(key, value);
            if (!builder.TryAdd(key, value))
            {
                throw new ArgumentException($"Count {key} is given twice.", nameof(values));
            }
        }

        return new CountSet(builder.ToImmutable());
    }

    public static CountSet From(IEnumerable<KeyValuePair<CountKey, long>> values) =>
        Of([.. values.Select(v => (v.Key, v.Value))]);

    public CountSet With(CountKey key, long value)
    {
        Check(key, value);
        return new CountSet(_values.SetItem(key, value));
    }

    public bool Equals(CountSet? other) =>
        other is not null && CountKeys.All.All(k => this[k] == other[k]);

    public override bool Equals(object? obj) => Equals(obj as CountSet);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (key, value) in _values.Where(v => v.Value != 0))
        {
            hash.Add(key);
            hash.Add(value);
        }

        return hash.ToHashCode();
    }

    public override string ToString() =>
        string.Join("，", _values.Select(v => $"{v.Key.DisplayName()}={v.Value}"));

    private static void Check(CountKey key, long value)
    {
        if (!Enum.IsDefined(key))
        {
            throw new ArgumentOutOfRangeException(nameof(key), key, "Unknown count.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(value);
    }
}
