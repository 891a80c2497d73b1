namespace MicroLearnBot.Content;

/// <summary>
/// A nugget file split into its YAML front matter and Markdown body, with the line offsets that map
/// positions inside each part back to lines of the file.
/// </summary>
internal sealed record FrontMatterDocument(string FrontMatter, int FrontMatterLineOffset, string Body, int BodyLineOffset)
{
    private const string Fence = "---";

    /// <summary>
    /// Splits <paramref name="text"/> at its <c>---</c> lines; reports a missing or unclosed front matter
    /// and returns null then.
    /// </summary>
    public static FrontMatterDocument? Split(string text, FileProblems problems)
    {
        var lines = text.TrimStart('\uFEFF').Split('\n');
        if (lines.Length == 0 || !IsFence(lines[0]))
        {
            problems.Error(SourceMark.FileStart,
                "front matter is missing: start the file with a line `---`, then the nugget's YAML keys (id, title, ...), then a closing `---` line before the Markdown body");
            return null;
        }

        var closing = Array.FindIndex(lines, 1, IsFence);
        if (closing < 0)
        {
            problems.Error(SourceMark.FileStart,
                "front matter is not closed: add a line `---` after the last YAML key and before the Markdown body");
            return null;
        }

        var frontMatter = string.Join('\n', lines[1..closing]);
        var body = string.Join('\n', lines[(closing + 1)..]);

        // The YAML starts on file line 2 and the body on the line after the closing fence.
        return new FrontMatterDocument(frontMatter, 1, body, closing + 1);
    }

    private static bool IsFence(string line) => line.TrimEnd('\r', ' ', '\t') == Fence;
}
