using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MicroLearnBot.Learning.Courses;

namespace MicroLearnBot.Content;

/// <summary>
/// A plain Adaptive Card 1.5 rendering of a nugget (title, body, media, links, reflection and checks),
/// used by the validator and the preview when the channel's own renderer is not registered.
/// </summary>
public sealed partial class BasicLessonCardRenderer : ILessonCardPreviewRenderer
{
    public JsonObject RenderLessonCard(Course course, Nugget nugget, string language)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(nugget);

        var swedish = language == "sv";
        var body = new JsonArray
        {
            TextBlock(nugget.Title, size: "Large", weight: "Bolder"),
            TextBlock($"{course.VersionFor(language).Title} · {nugget.EstimatedMinutes} min", isSubtle: true),
        };

        foreach (var paragraph in Paragraphs(nugget.Body))
        {
            body.Add(TextBlock(paragraph));
        }

        if (nugget.Media is { } media)
        {
            body.Add(MediaElement(media, swedish));
        }

        body.Add(TextBlock(swedish ? "Reflektera" : "Reflect", weight: "Bolder", separator: true));
        body.Add(TextBlock(nugget.Reflection.Prompt));
        body.Add(new JsonObject
        {
            ["type"] = "Input.Text",
            ["id"] = nugget.Reflection.Id,
            ["isMultiline"] = true,
            ["placeholder"] = swedish ? "Skriv några rader" : "Write a few lines",
        });

        foreach (var check in nugget.Checks)
        {
            body.Add(TextBlock(check.Prompt, weight: "Bolder", separator: true));
            body.Add(new JsonObject
            {
                ["type"] = "Input.ChoiceSet",
                ["id"] = check.Id,
                ["style"] = "expanded",
                ["isMultiSelect"] = check.Kind == CheckKind.MultipleChoice,
                ["choices"] = new JsonArray(check.Choices
                    .Select(c => (JsonNode)new JsonObject { ["title"] = c.Text, ["value"] = c.Id })
                    .ToArray()),
            });
        }

        var actions = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "Action.Submit",
                ["title"] = swedish ? "Skicka" : "Send",
                ["data"] = new JsonObject { ["action"] = "answer", ["courseId"] = course.Id, ["nuggetId"] = nugget.Id },
            },
        };
        foreach (var link in nugget.Links)
        {
            actions.Add(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = link.Title, ["url"] = link.Url.AbsoluteUri });
        }

        return new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["fallbackText"] = nugget.Title,
            ["body"] = body,
            ["actions"] = actions,
        };
    }

    /// <summary>
    /// Splits the body at blank lines and turns headings into bold lines, because TextBlock Markdown has
    /// no headings.
    /// </summary>
    private static IEnumerable<string> Paragraphs(string markdown) =>
        markdown.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(paragraph => HeadingPattern().Replace(paragraph, "**$1**"));

    private static JsonObject MediaElement(NuggetMedia media, bool swedish)
    {
        if (media.Kind == MediaKind.Image)
        {
            return new JsonObject
            {
                ["type"] = "Image",
                ["url"] = media.Url.AbsoluteUri,
                ["altText"] = media.TextAlternative ?? media.Title,
                ["size"] = "Stretch",
            };
        }

        var open = media.Kind == MediaKind.Video ? (swedish ? "Se filmen" : "Watch the video") : (swedish ? "Lyssna" : "Listen");
        var items = new JsonArray
        {
            TextBlock(media.Title, weight: "Bolder"),
            new JsonObject
            {
                ["type"] = "ActionSet",
                ["actions"] = new JsonArray(
                    new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = open, ["url"] = media.Url.AbsoluteUri },
                    new JsonObject
                    {
                        ["type"] = "Action.ShowCard",
                        ["title"] = swedish ? "Textversion" : "Transcript",
                        ["card"] = new JsonObject
                        {
                            ["type"] = "AdaptiveCard",
                            ["body"] = new JsonArray(TextBlock(media.TextAlternative ?? "")),
                        },
                    }),
            },
        };
        return new JsonObject { ["type"] = "Container", ["style"] = "emphasis", ["items"] = items };
    }

    private static JsonObject TextBlock(string text, string? size = null, string? weight = null, bool isSubtle = false, bool separator = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (size is not null)
        {
            block["size"] = size;
        }

        if (weight is not null)
        {
            block["weight"] = weight;
        }

        if (isSubtle)
        {
            block["isSubtle"] = true;
        }

        if (separator)
        {
            block["separator"] = true;
            block["spacing"] = "Medium";
        }

        return block;
    }

    [GeneratedRegex(@"^#{1,6}\s+(.+?)\s*#*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex HeadingPattern();
}
