using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CityMgmt.Domain.Workflows.Execution;

/// <summary>The JSON form of <see cref="InstanceState"/> the host stores: camelCase, enums by name.</summary>
public static class InstanceStateJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(InstanceState state) => JsonSerializer.Serialize(state, Options);

    public static InstanceState Deserialize(string json) =>
        JsonSerializer.Deserialize<InstanceState>(json, Options) ?? throw new JsonException("The instance state is null.");
}

/// <summary>Writes variables as a plain JSON object and reads numbers back as decimals, not <see cref="JsonElement"/>s.</summary>
internal sealed class VariablesJsonConverter : JsonConverter<ImmutableSortedDictionary<string, object?>>
{
    public override ImmutableSortedDictionary<string, object?> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Workflow variables must be a JSON object.");
        }

        var builder = ImmutableSortedDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            builder[name] = reader.TokenType switch
            {
                JsonTokenType.Null => null,
                JsonTokenType.True => true,
                JsonTokenType.False => false,
                JsonTokenType.String => reader.GetString(),
                JsonTokenType.Number => reader.GetDecimal(),
                _ => throw new JsonException($"Workflow variable '{name}' must be a string, number, boolean or null."),
            };
        }

        return builder.ToImmutable();
    }

    public override void Write(Utf8JsonWriter writer, ImmutableSortedDictionary<string, object?> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (name, item) in value)
        {
            writer.WritePropertyName(name);
            switch (item)
            {
                case null: writer.WriteNullValue(); break;
                case bool b: writer.WriteBooleanValue(b); break;
                case decimal d: writer.WriteNumberValue(d); break;
                case string s: writer.WriteStringValue(s); break;
                default: throw new JsonException($"Workflow variable '{name}' holds an unsupported {item.GetType().Name}.");
            }
        }

        writer.WriteEndObject();
    }
}
