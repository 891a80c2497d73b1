using System.Text.Json.Nodes;

namespace MicroLearnBot.Channels.BotFramework.Cards;

/// <summary>A free-text input; its value arrives in the submit data under its id.</summary>
public sealed record TextInput(string InputId, string? Label) : CardElement
{
    public string? Placeholder { get; init; }

    public bool? IsMultiline { get; init; }

    public int? MaxLength { get; init; }

    public bool? IsRequired { get; init; }

    public string? ErrorMessage { get; init; }

    protected override string ElementType => "Input.Text";

    protected override void WriteProperties(JsonObject json)
    {
        json["id"] = InputId;
        json.AddIfNotNull("label", Label);
        json.AddIfNotNull("placeholder", Placeholder);
        json.AddIfNotNull("isMultiline", IsMultiline);
        json.AddIfNotNull("maxLength", MaxLength);
        json.AddIfNotNull("isRequired", IsRequired);
        json.AddIfNotNull("errorMessage", ErrorMessage);
    }
}

/// <summary>
/// Radio buttons or check boxes (<c>style: expanded</c>). A multi-select value arrives as comma-separated choice values.
/// </summary>
public sealed record ChoiceSetInput(string InputId, string? Label, IReadOnlyList<InputChoice> Choices) : CardElement
{
    public bool IsMultiSelect { get; init; }

    public bool? IsRequired { get; init; }

    public string? ErrorMessage { get; init; }

    protected override string ElementType => "Input.ChoiceSet";

    protected override void WriteProperties(JsonObject json)
    {
        json["id"] = InputId;
        json.AddIfNotNull("label", Label);
        json["style"] = "expanded";
        json["isMultiSelect"] = IsMultiSelect;
        json["wrap"] = true;
        json["choices"] = new JsonArray([.. Choices.Select(choice => (JsonNode)new JsonObject { ["title"] = choice.Title, ["value"] = choice.Value })]);
        json.AddIfNotNull("isRequired", IsRequired);
        json.AddIfNotNull("errorMessage", ErrorMessage);
    }
}

public sealed record InputChoice(string Title, string Value);

/// <summary>
/// Input labels came with Adaptive Cards 1.3, and Teams mobile renders 1.2. A labelled input therefore requires
/// 1.3 and falls back to the question as a text block above the same input without a label, so no host hides it.
/// </summary>
public static class LabelledInput
{
    public static CardElement Of(TextInput input) =>
        input with { RequiresVersion = "1.3", Fallback = new Container([new TextBlock(input.Label ?? "") { Weight = "bolder" }, input with { Label = null }]) };

    public static CardElement Of(ChoiceSetInput input) =>
        input with { RequiresVersion = "1.3", Fallback = new Container([new TextBlock(input.Label ?? "") { Weight = "bolder" }, input with { Label = null }]) };
}
