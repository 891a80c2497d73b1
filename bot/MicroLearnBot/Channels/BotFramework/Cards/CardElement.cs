using System.Text.Json.Nodes;

namespace MicroLearnBot.Channels.BotFramework.Cards;

/// <summary>An element of a card body.</summary>
public abstract record CardElement
{
    public string? Id { get; init; }

    /// <summary><c>none</c>, <c>small</c>, <c>default</c>, <c>medium</c>, <c>large</c> or <c>extraLarge</c>.</summary>
    public string? Spacing { get; init; }

    public bool? Separator { get; init; }

    /// <summary>The Adaptive Cards version this element needs; older hosts show <see cref="Fallback"/> instead.</summary>
    public string? RequiresVersion { get; init; }

    /// <summary>What a host older than <see cref="RequiresVersion"/> shows in this element's place.</summary>
    public CardElement? Fallback { get; init; }

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["type"] = ElementType };
        json.AddIfNotNull("id", Id);
        WriteProperties(json);
        json.AddIfNotNull("spacing", Spacing);
        json.AddIfNotNull("separator", Separator);
        if (RequiresVersion is not null)
        {
            json["requires"] = new JsonObject { ["adaptiveCards"] = RequiresVersion };
        }

        if (Fallback is not null)
        {
            json["fallback"] = Fallback.ToJson();
        }

        return json;
    }

    protected abstract string ElementType { get; }

    protected abstract void WriteProperties(JsonObject json);
}

/// <summary>Text with the Markdown subset cards render (bold, italic, lists, links).</summary>
public sealed record TextBlock(string Text) : CardElement
{
    /// <summary><c>small</c>, <c>default</c>, <c>medium</c>, <c>large</c> or <c>extraLarge</c>.</summary>
    public string? Size { get; init; }

    /// <summary><c>lighter</c>, <c>default</c> or <c>bolder</c>.</summary>
    public string? Weight { get; init; }

    /// <summary><c>default</c>, <c>accent</c>, <c>good</c>, <c>warning</c> or <c>attention</c>.</summary>
    public string? Color { get; init; }

    public bool? IsSubtle { get; init; }

    /// <summary><c>heading</c> makes screen readers announce the text as a heading.</summary>
    public string? Style { get; init; }

    protected override string ElementType => "TextBlock";

    protected override void WriteProperties(JsonObject json)
    {
        json["text"] = Text;
        json["wrap"] = true;
        json.AddIfNotNull("size", Size);
        json.AddIfNotNull("weight", Weight);
        json.AddIfNotNull("color", Color);
        json.AddIfNotNull("isSubtle", IsSubtle);
        json.AddIfNotNull("style", Style);
    }
}

/// <summary>
/// Plain text runs. Unlike <see cref="TextBlock"/>, a text run is never read as Markdown, so text a learner
/// typed shows exactly as typed.
/// </summary>
public sealed record RichTextBlock(IReadOnlyList<TextRun> Inlines) : CardElement
{
    protected override string ElementType => "RichTextBlock";

    protected override void WriteProperties(JsonObject json) =>
        json["inlines"] = new JsonArray([.. Inlines.Select(run => (JsonNode)run.ToJson())]);
}

public sealed record TextRun(string Text)
{
    public bool? Italic { get; init; }

    public bool? IsSubtle { get; init; }

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["type"] = "TextRun", ["text"] = Text };
        json.AddIfNotNull("italic", Italic);
        json.AddIfNotNull("isSubtle", IsSubtle);
        return json;
    }
}

public sealed record Image(Uri Url, string AltText) : CardElement
{
    /// <summary><c>auto</c>, <c>stretch</c>, <c>small</c>, <c>medium</c> or <c>large</c>.</summary>
    public string? Size { get; init; }

    protected override string ElementType => "Image";

    protected override void WriteProperties(JsonObject json)
    {
        json["url"] = Url.AbsoluteUri;
        json["altText"] = AltText;
        json.AddIfNotNull("size", Size);
    }
}

public sealed record FactSet(IReadOnlyList<Fact> Facts) : CardElement
{
    protected override string ElementType => "FactSet";

    protected override void WriteProperties(JsonObject json) =>
        json["facts"] = new JsonArray([.. Facts.Select(fact => (JsonNode)new JsonObject { ["title"] = fact.Title, ["value"] = fact.Value })]);
}

public sealed record Fact(string Title, string Value);

public sealed record Container(IReadOnlyList<CardElement> Items) : CardElement
{
    /// <summary><c>default</c>, <c>emphasis</c>, <c>good</c>, <c>attention</c>, <c>warning</c> or <c>accent</c>.</summary>
    public string? Style { get; init; }

    protected override string ElementType => "Container";

    protected override void WriteProperties(JsonObject json)
    {
        json["items"] = new JsonArray([.. Items.Select(item => (JsonNode)item.ToJson())]);
        json.AddIfNotNull("style", Style);
    }
}

public sealed record ActionSet(IReadOnlyList<CardAction> Actions) : CardElement
{
    protected override string ElementType => "ActionSet";

    protected override void WriteProperties(JsonObject json) =>
        json["actions"] = new JsonArray([.. Actions.Select(action => (JsonNode)action.ToJson())]);
}
