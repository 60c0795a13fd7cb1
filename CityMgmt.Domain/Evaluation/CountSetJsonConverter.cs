using System.Text.Json;
using System.Text.Json.Serialization;

namespace CityMgmt.Domain.Evaluation;

/// <summary>Writes a <see cref="CountSet"/> as <c>{"Filed":3,"Closed":2}</c>, so snapshots stay readable and round-trip.</summary>
internal sealed class CountSetJsonConverter : JsonConverter<CountSet>
{
    public override CountSet Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var values = JsonSerializer.Deserialize<Dictionary<string, long>>(ref reader, options) ?? [];
        return CountSet.From(values.Select(v => CountKeys.TryResolve(v.Key, out var key)
            ? KeyValuePair.Create(key, v.Value)
            : throw new JsonException($"Unknown count \"{v.Key}\".")));
    }

    public override void Write(Utf8JsonWriter writer, CountSet value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (key, count) in value.Values)
        {
            writer.WriteNumber(key.ToString(), count);
        }

        writer.WriteEndObject();
    }
}
