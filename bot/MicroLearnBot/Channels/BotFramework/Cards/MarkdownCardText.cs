using System.Runtime.CompilerServices;
using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace MicroLearnBot.Channels.BotFramework.Cards;

/// <summary>
/// Converts course Markdown to the subset Adaptive Card text blocks render in Teams: bold, italic, links,
/// bulleted and numbered lists. Headings become bold lines; tables and raw HTML are dropped (the content
/// validator warns authors about both).
/// </summary>
public static class MarkdownCardText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    // Course bodies are long-lived strings shared by every learner's card, so each is parsed once; the elements
    // are immutable records and safe to share. Entries go away with the course that holds the string.
    private static readonly ConditionalWeakTable<string, IReadOnlyList<CardElement>> Converted = [];

    public static IReadOnlyList<CardElement> ToElements(string markdown) =>
        Converted.GetValue(markdown ?? "", Convert);

    private static IReadOnlyList<CardElement> Convert(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var elements = new List<CardElement>();
        foreach (var block in document)
        {
            var element = ConvertBlock(block);
            if (element is not null)
            {
                elements.Add(element);
            }
        }

        return elements;
    }

    private static TextBlock? ConvertBlock(Block block) => block switch
    {
        HeadingBlock heading => new TextBlock(Inline(heading.Inline)) { Weight = "bolder", Style = "heading", Spacing = "medium" },
        ParagraphBlock paragraph => new TextBlock(Inline(paragraph.Inline)),
        ListBlock list => new TextBlock(ListText(list)),
        QuoteBlock quote => new TextBlock(string.Join("\r", quote.OfType<ParagraphBlock>().Select(p => Inline(p.Inline)))) { IsSubtle = true },
        FencedCodeBlock or CodeBlock => new TextBlock(string.Join("\r", ((LeafBlock)block).Lines.Lines.Select(line => line.ToString()).Where(line => line.Length > 0))),
        ThematicBreakBlock => null,
        _ => null,
    };

    private static string ListText(ListBlock list)
    {
        // Teams renders "- item" and "1. item" lines separated by \r as lists inside one text block.
        var lines = new List<string>();
        var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var text = string.Join(" ", item.OfType<ParagraphBlock>().Select(p => Inline(p.Inline)));
            lines.Add(list.IsOrdered ? $"{number++}. {text}" : $"- {text}");
        }

        return string.Join("\r", lines);
    }

    private static string Inline(ContainerInline? container)
    {
        var builder = new StringBuilder();
        AppendInlines(builder, container);
        return builder.ToString().Trim();
    }

    private static void AppendInlines(StringBuilder builder, ContainerInline? container)
    {
        if (container is null)
        {
            return;
        }

        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    builder.Append(literal.Content.ToString());
                    break;
                case EmphasisInline emphasis:
                    var marker = emphasis.DelimiterCount >= 2 ? "**" : "_";
                    builder.Append(marker);
                    AppendInlines(builder, emphasis);
                    builder.Append(marker);
                    break;
                case LinkInline { IsImage: false } link:
                    builder.Append('[');
                    AppendInlines(builder, link);
                    builder.Append("](").Append(link.Url).Append(')');
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
                case LineBreakInline:
                    builder.Append(' ');
                    break;
                case AutolinkInline autolink:
                    builder.Append(autolink.Url);
                    break;
                case ContainerInline nested and not LinkInline:
                    AppendInlines(builder, nested);
                    break;
                default:
                    // Raw HTML and images are not shown in cards.
                    break;
            }
        }
    }
}
