using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MicroLearnBot.Learning.Courses;

namespace MicroLearnBot.Content;

/// <summary>What a preview run wrote.</summary>
public sealed record CoursePreview(string IndexPath, int CardCount, bool HasRenderer);

/// <summary>
/// Writes a course's rendered cards as JSON files and an index.html that shows them with the Adaptive Cards
/// JavaScript renderer (npm package <c>adaptivecards</c>), copied next to the page so it works offline
/// from a file:// address.
/// </summary>
public static class CoursePreviewWriter
{
    public const string RendererScript = "adaptivecards.min.js";

    public const string MarkdownScript = "markdown-it.min.js";

    // No byte order mark, because JSON readers such as Python's json module reject one.
    private static readonly UTF8Encoding Utf8WithoutMark = new(encoderShouldEmitUTF8Identifier: false);

    private static readonly JsonSerializerOptions CardFileOptions = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Writes <c>&lt;nugget-id&gt;.json</c> per nugget of the original, <c>&lt;lang&gt;/&lt;nugget-id&gt;.json</c> per
    /// translated nugget, and <c>index.html</c>; copies the renderer scripts from the first node_modules found
    /// (see <see cref="FindNodeModules"/>).
    /// </summary>
    public static async Task<CoursePreview> WriteAsync(Course course, ILessonCardPreviewRenderer renderer, string outFolder,
        string searchFrom, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(renderer);
        Directory.CreateDirectory(outFolder);

        var entries = new JsonArray();
        foreach (var (language, version) in LessonCardBudget.Versions(course))
        {
            var folder = language == course.Language ? outFolder : Path.Combine(outFolder, language);
            Directory.CreateDirectory(folder);
            foreach (var nugget in version.Nuggets)
            {
                var card = renderer.RenderLessonCard(course, nugget, language);
                var fileName = $"{nugget.Id}.json";
                await File.WriteAllTextAsync(Path.Combine(folder, fileName), card.ToJsonString(CardFileOptions), Utf8WithoutMark, cancellationToken).ConfigureAwait(false);
                entries.Add(new JsonObject
                {
                    ["language"] = language,
                    ["nuggetId"] = nugget.Id,
                    ["title"] = nugget.Title,
                    ["file"] = language == course.Language ? fileName : $"{language}/{fileName}",
                    ["size"] = LessonCardBudget.MeasureActivity(card),
                    ["card"] = card,
                });
            }
        }

        var (hasRenderer, hasMarkdown) = await CopyScriptsAsync(outFolder, searchFrom, cancellationToken).ConfigureAwait(false);
        var indexPath = Path.Combine(outFolder, "index.html");
        await File.WriteAllTextAsync(indexPath, BuildPage(course, entries, hasMarkdown), Utf8WithoutMark, cancellationToken).ConfigureAwait(false);
        return new CoursePreview(indexPath, entries.Count, hasRenderer);
    }

    /// <summary>
    /// Returns the first node_modules folder holding the adaptivecards package, looking in
    /// <c>tests/content-preview/node_modules</c> and <c>node_modules</c> of <paramref name="startFolder"/>
    /// and each folder above it; null when there is none.
    /// </summary>
    public static string? FindNodeModules(string startFolder)
    {
        for (var folder = new DirectoryInfo(Path.GetFullPath(startFolder)); folder is not null; folder = folder.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(folder.FullName, "tests", "content-preview", "node_modules"), Path.Combine(folder.FullName, "node_modules") })
            {
                if (File.Exists(Path.Combine(candidate, "adaptivecards", "dist", RendererScript)))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static async Task<(bool HasRenderer, bool HasMarkdown)> CopyScriptsAsync(string outFolder, string searchFrom, CancellationToken cancellationToken)
    {
        var nodeModules = FindNodeModules(searchFrom) ?? FindNodeModules(AppContext.BaseDirectory);
        if (nodeModules is null)
        {
            return (false, false);
        }

        await CopyAsync(Path.Combine(nodeModules, "adaptivecards", "dist", RendererScript), Path.Combine(outFolder, RendererScript), cancellationToken).ConfigureAwait(false);

        // markdown-it is optional: without it the page shows Markdown as plain text.
        var markdown = Path.Combine(nodeModules, "markdown-it", "dist", MarkdownScript);
        if (!File.Exists(markdown))
        {
            return (true, false);
        }

        await CopyAsync(markdown, Path.Combine(outFolder, MarkdownScript), cancellationToken).ConfigureAwait(false);
        return (true, true);
    }

    private static async Task CopyAsync(string source, string target, CancellationToken cancellationToken)
    {
        await using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        await using var output = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await input.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
    }

    private static string BuildPage(Course course, JsonArray entries, bool hasMarkdown)
    {
        // The default encoder escapes <, > and & as \u003C etc., so the JSON cannot close the script element.
        var data = entries.ToJsonString();
        var title = WebUtility.HtmlEncode($"{course.Original.Title} ({course.Id})");
        var markdownTag = hasMarkdown ? $"<script src=\"{MarkdownScript}\"></script>" : "";
        return $$"""
            <!DOCTYPE html>
            <html lang="{{course.Language}}">
            <head>
            <meta charset="utf-8">
            <title>Preview: {{title}}</title>
            <style>
              body { font-family: "Segoe UI", system-ui, sans-serif; background: #f5f5f5; margin: 2rem; }
              .nugget { max-width: 32rem; margin: 0 0 2rem; }
              .nugget h2 { font-size: 1rem; margin: 0 0 .5rem; }
              .meta { color: #555; font-size: .85rem; margin-bottom: .5rem; }
              .card { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: .5rem; }
              .problem { color: #a4262c; }
              /* The renderer gives lists width: 100% on top of their indent, which pushed list text past the card edge. */
              .ac-textBlock ul, .ac-textBlock ol { box-sizing: border-box; }
              #submitted { white-space: pre-wrap; background: #fff; border: 1px solid #ddd; padding: .5rem; max-width: 32rem; }
            </style>
            </head>
            <body>
            <h1>{{title}}</h1>
            <p id="status">Loading the Adaptive Cards renderer…</p>
            <div id="cards"></div>
            <h2>Last submitted data</h2>
            <div id="submitted">Press a button on a card to see the data the bot receives.</div>
            <script id="card-data" type="application/json">{{data}}</script>
            {{markdownTag}}
            <script src="{{RendererScript}}"></script>
            <script>
            (function () {
              var status = document.getElementById("status");
              if (typeof AdaptiveCards === "undefined") {
                status.textContent = "{{RendererScript}} is missing next to this page; run `npm ci --prefix tests/content-preview` and the preview command again.";
                status.className = "problem";
                console.error(status.textContent);
                return;
              }
              if (typeof markdownit === "function") {
                var markdown = markdownit();
                AdaptiveCards.AdaptiveCard.onProcessMarkdown = function (text, result) {
                  result.outputHtml = markdown.render(text);
                  result.didProcess = true;
                };
              }
              var entries = JSON.parse(document.getElementById("card-data").textContent);
              var container = document.getElementById("cards");
              var rendered = 0;
              entries.forEach(function (entry) {
                var section = document.createElement("section");
                section.className = "nugget";
                section.setAttribute("data-file", entry.file);
                var heading = document.createElement("h2");
                heading.textContent = entry.title;
                var meta = document.createElement("div");
                meta.className = "meta";
                meta.textContent = entry.file + " · " + entry.language + " · " + entry.size.toLocaleString("en") + " characters as a Teams message";
                section.appendChild(heading);
                section.appendChild(meta);
                var card = new AdaptiveCards.AdaptiveCard();
                var context = new AdaptiveCards.SerializationContext();
                card.parse(entry.card, context);
                for (var i = 0; i < context.eventCount; i++) {
                  var problem = document.createElement("div");
                  problem.className = "problem";
                  problem.textContent = "Renderer: " + context.getEventAt(i).message;
                  section.appendChild(problem);
                  console.error(entry.file + ": " + context.getEventAt(i).message);
                }
                card.onExecuteAction = function (action) {
                  var data = { action: action.getJsonTypeName() };
                  if (action.data !== undefined) { data.data = action.data; }
                  if (action.url !== undefined) { data.url = action.url; }
                  document.getElementById("submitted").textContent = JSON.stringify(data, null, 2);
                };
                var element = card.render();
                var frame = document.createElement("div");
                frame.className = "card";
                if (element) { frame.appendChild(element); rendered++; }
                section.appendChild(frame);
                container.appendChild(section);
              });
              status.textContent = rendered + " of " + entries.length + " cards rendered.";
              document.body.setAttribute("data-rendered", String(rendered));
              document.body.setAttribute("data-total", String(entries.length));
            })();
            </script>
            </body>
            </html>

            """;
    }
}
