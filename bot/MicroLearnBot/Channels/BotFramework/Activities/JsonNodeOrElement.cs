using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace MicroLearnBot.Channels.BotFramework.Activities;

/// <summary>
/// Attachment content: outbound cards are built as <see cref="JsonNode"/>, inbound content is kept as raw JSON.
/// </summary>
[JsonConverter(typeof(JsonNodeOrElementConverter))]
public sealed record JsonNodeOrElement(JsonNode? Node)
{
    public static implicit operator JsonNodeOrElement(JsonNode node) => new(node);

    private sealed class JsonNodeOrElementConverter : JsonConverter<JsonNodeOrElement>
    {
        public override JsonNodeOrElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(JsonNode.Parse(ref reader));

        public override void Write(Utf8JsonWriter writer, JsonNodeOrElement value, JsonSerializerOptions options)
        {
            if (value.Node is null)
            {
                writer.WriteNullValue();
                return;
            }

            value.Node.WriteTo(writer, options);
        }
    }
}
