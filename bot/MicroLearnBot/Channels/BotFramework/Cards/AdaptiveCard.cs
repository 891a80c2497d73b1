using System.Text.Json.Nodes;

namespace MicroLearnBot.Channels.BotFramework.Cards;

/// <summary>
/// A small typed builder for Adaptive Cards 1.5, the newest version Teams bots support. Each type writes the
/// JSON of one schema element; properties left null are omitted.
/// </summary>
public sealed record AdaptiveCard(IReadOnlyList<CardElement> Body)
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string Version = "1.5";

    public IReadOnlyList<CardAction> Actions { get; init; } = [];

    /// <summary>Plain text shown by hosts that cannot render the card at all.</summary>
    public string? FallbackText { get; init; }

    /// <summary>
    /// A one-line description of the card for the message's <c>summary</c>, which clients may show in
    /// notifications and chat lists. Not part of the card JSON.
    /// </summary>
    public string? Summary { get; init; }

    /// <summary>The card's language tag (for example <c>sv-SE</c>), used by hosts for dates and speech.</summary>
    public string? Lang { get; init; }

    public JsonObject ToJson()
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["body"] = new JsonArray([.. Body.Select(element => (JsonNode)element.ToJson())]),
        };

        if (Actions.Count > 0)
        {
            card["actions"] = new JsonArray([.. Actions.Select(action => (JsonNode)action.ToJson())]);
        }

        card.AddIfNotNull("fallbackText", FallbackText);
        card.AddIfNotNull("lang", Lang);

        // NOTE: Teams's "msteams": {"width": "Full"} would widen lessons, but the official 1.5 schema forbids
        // unknown top-level properties, so cards stay schema-valid at the default width.
        return card;
    }
}

internal static class JsonObjectExtensions
{
    public static void AddIfNotNull(this JsonObject json, string name, string? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }

    public static void AddIfNotNull(this JsonObject json, string name, bool? value)
    {
        if (value is not null)
        {
            json[name] = value.Value;
        }
    }

    public static void AddIfNotNull(this JsonObject json, string name, int? value)
    {
        if (value is not null)
        {
            json[name] = value.Value;
        }
    }
}
