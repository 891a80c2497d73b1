using System.Text.Json.Nodes;

namespace MicroLearnBot.Channels.BotFramework.Cards;

/// <summary>A card button.</summary>
public abstract record CardAction(string Title)
{
    /// <summary><c>default</c> or <c>positive</c>; Teams renders <c>positive</c> as the primary button.</summary>
    public string? Style { get; init; }

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["type"] = ActionType, ["title"] = Title };
        WriteProperties(json);
        json.AddIfNotNull("style", Style);
        return json;
    }

    protected abstract string ActionType { get; }

    protected abstract void WriteProperties(JsonObject json);
}

/// <summary>
/// Sends <see cref="Data"/> merged with the card's inputs back to the bot as a message activity's <c>value</c>.
/// Teams delivers input values as strings.
/// </summary>
public sealed record SubmitAction(string Title, IReadOnlyDictionary<string, string> Data) : CardAction(Title)
{
    /// <summary>
    /// False sends only <see cref="Data"/> (<c>associatedInputs: none</c>), for buttons that need no input;
    /// true sends and validates the card's inputs.
    /// </summary>
    public bool IncludesInputs { get; init; } = true;

    protected override string ActionType => "Action.Submit";

    protected override void WriteProperties(JsonObject json)
    {
        var data = new JsonObject();
        foreach (var (name, value) in Data)
        {
            data[name] = value;
        }

        json["data"] = data;
        if (!IncludesInputs)
        {
            json["associatedInputs"] = "none";
        }
    }
}

public sealed record OpenUrlAction(string Title, Uri Url) : CardAction(Title)
{
    protected override string ActionType => "Action.OpenUrl";

    protected override void WriteProperties(JsonObject json) => json["url"] = Url.AbsoluteUri;
}
