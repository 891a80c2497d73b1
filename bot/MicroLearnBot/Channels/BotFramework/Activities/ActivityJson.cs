using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MicroLearnBot.Channels.BotFramework.Activities;

/// <summary>Serializer settings of the Bot Framework wire format: camelCase, nulls omitted, case-insensitive reads.</summary>
public static class ActivityJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

        // Keeps å, ä, ö and emoji readable in logs and payloads; the content type already declares UTF-8.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
