using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace MicroLearnBot.Content;

/// <summary>
/// Checks a nugget's Markdown body for what Teams cards cannot show and for links that are not
/// absolute https. Adaptive Card TextBlocks render only paragraphs, bold, italic, lists and links.
/// </summary>
internal static class MarkdownBodyInspector
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseGridTables()
        .UsePreciseSourceLocation()
        .Build();

    /// <param name="bodyLineOffset">Number of file lines before the body, so that Markdig's 0-based line maps to the file.</param>
    public static void Inspect(string body, int bodyLineOffset, string nuggetDescription, FileProblems problems)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            problems.Warning(new SourceMark(bodyLineOffset + 1, 1),
                $"{nuggetDescription} has no body text; write the lesson in Markdown after the closing `---` line");
            return;
        }

        var document = Markdown.Parse(body, Pipeline);
        foreach (var node in document.Descendants())
        {
            var mark = new SourceMark(node.Line + bodyLineOffset + 1, node.Column + 1);
            switch (node)
            {
                case Table:
                    problems.Warning(mark, $"{nuggetDescription}: Teams cards cannot show tables, so the bot leaves this one out; write the rows as a bulleted list instead");
                    break;
                case HtmlBlock:
                case HtmlInline:
                    problems.Warning(mark, $"{nuggetDescription}: Teams cards cannot show raw HTML, so the bot leaves it out; use Markdown such as **bold** or a list instead");
                    break;
                case LinkInline { IsImage: true }:
                    problems.Warning(mark, $"{nuggetDescription}: Teams cards cannot show images in the body text, so the bot leaves this one out; put the image under `media:` in the front matter instead");
                    break;
                case LinkInline link:
                    CheckLinkUrl(link.Url, mark, nuggetDescription, problems);
                    break;
                case AutolinkInline { IsEmail: false } autolink:
                    CheckLinkUrl(autolink.Url, mark, nuggetDescription, problems);
                    break;
                case CodeBlock:
                    problems.Warning(mark, $"{nuggetDescription}: Teams cards cannot show code blocks (lines indented by four spaces or fenced by ```), so the lines appear as a plain paragraph; remove the indentation or fence");
                    break;
                default:
                    break;
            }
        }
    }

    private static void CheckLinkUrl(string? url, SourceMark mark, string nuggetDescription, FileProblems problems)
    {
        if (url is null || !ContentRules.IsAbsoluteHttps(url, out _))
        {
            problems.Error(mark, $"{nuggetDescription}: the link '{url}' in the body is not an absolute https link; write the full address starting with https://");
        }
    }
}
