using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MicroLearnBot.Content;

/// <summary>
/// Reads one YAML mapping with typed accessors that report every missing or malformed value as a
/// problem at the file position of the offending key or value, instead of throwing.
/// </summary>
internal sealed class YamlMap
{
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);
    private readonly int _lineOffset;

    private YamlMap(YamlMappingNode node, string description, int lineOffset, FileProblems problems, bool reportKeyProblems = true)
    {
        Node = node;
        Description = description;
        Problems = problems;
        _lineOffset = lineOffset;
        foreach (var (key, value) in node.Children)
        {
            if (key is YamlScalarNode scalarKey && scalarKey.Value is { } name)
            {
                _entries[name] = (scalarKey, value);
            }
            else if (reportKeyProblems)
            {
                problems.Error(MarkOf(key), $"{description} has a key that is not plain text; write keys as `name: value`");
            }
        }
    }

    public YamlMappingNode Node { get; }

    /// <summary>What the mapping is, as messages name it: "course.yaml", "check 'q1'".</summary>
    public string Description { get; }

    public FileProblems Problems { get; }

    public SourceMark Start => MarkOf(Node);

    /// <summary>
    /// Parses <paramref name="yaml"/>, whose first line is line <paramref name="lineOffset"/> + 1 of the
    /// file, and returns its top-level mapping; reports syntax errors and other shapes and returns null then.
    /// </summary>
    public static YamlMap? Parse(string yaml, int lineOffset, string description, FileProblems problems)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException exception)
        {
            // YamlDotNet marks a tab in the indentation at the start of the enclosing block, or where the line
            // it spoils ends, not at the tab. So an indenting tab on or before the reported line is what an
            // author needs, and a tab further down is left for a later run.
            var reported = ToMark(exception.Start, lineOffset);
            var tab = FindIndentingTab(yaml, lineOffset);
            var isAboutTab = exception.Message.Contains("tab", StringComparison.OrdinalIgnoreCase);
            var mark = tab is { } tabMark && (isAboutTab || tabMark.Line <= reported.Line) ? tabMark : reported;
            problems.Error(mark, DescribeSyntaxError(exception));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this, without a position, on some unclosed flow collections such as
            // `id: [abc`, so the first line that opens a bracket or brace without closing it is named.
            var mark = FindUnclosedBracket(yaml, lineOffset) ?? new SourceMark(lineOffset + 1, 1);
            problems.Error(mark,
                "invalid YAML: a `[` or `{` here is not closed; close it on the same line, or put text that starts with `[` or `{` in double quotes");
            return null;
        }

        var root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
        if (root is null || root is YamlScalarNode { Value: null or "" })
        {
            problems.Error(new SourceMark(lineOffset + 1, 1), $"{description} is empty: add the required keys as `key: value` lines");
            return null;
        }

        if (root is not YamlMappingNode mapping)
        {
            problems.Error(ToMark(root.Start, lineOffset),
                $"{description} must consist of `key: value` lines, but it is a {Shape(root)}; write each setting as `key: value` on its own line");
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            problems.Error(ToMark(stream.Documents[1].RootNode.Start, lineOffset),
                $"{description} holds more than one YAML document; remove the extra `---` or `...` line");
        }

        return new YamlMap(mapping, description, lineOffset, problems);
    }

    public SourceMark MarkOf(YamlNode node) => ToMark(node.Start, _lineOffset);

    // YamlDotNet marks are 1-based; they are long, but a content file never has 2^31 lines.
    private static SourceMark ToMark(Mark mark, int lineOffset) => new((int)mark.Line + lineOffset, (int)mark.Column);

    public YamlMap Child(YamlMappingNode node, string description) => new(node, description, _lineOffset, Problems);

    /// <summary>Returns a reader of the same mapping whose messages name it <paramref name="description"/>.</summary>
    public YamlMap Renamed(string description) => new(Node, description, _lineOffset, Problems, reportKeyProblems: false);

    public bool Has(string key) => _entries.ContainsKey(key);

    public IEnumerable<string> Keys => _entries.Keys;

    public YamlNode? ValueOf(string key) => _entries.TryGetValue(key, out var entry) ? entry.Value : null;

    public SourceMark KeyMark(string key) => _entries.TryGetValue(key, out var entry) ? MarkOf(entry.Key) : Start;

    /// <summary>Warns about keys outside <paramref name="knownKeys"/>, which are usually misspelt and otherwise ignored.</summary>
    public void WarnUnknownKeys(params string[] knownKeys)
    {
        foreach (var (name, (key, _)) in _entries)
        {
            if (!knownKeys.Contains(name, StringComparer.Ordinal))
            {
                Problems.Warning(MarkOf(key),
                    $"{Description} has an unknown key '{name}', which is ignored; check the spelling (known keys: {string.Join(", ", knownKeys)})");
            }
        }
    }

    /// <summary>Returns the text of <paramref name="key"/>, reporting it when missing, empty or not text.</summary>
    public string? RequiredText(string key, string example)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            Problems.Error(Start, $"{Description} is missing '{key}': add `{key}: {example}`");
            return null;
        }

        return ReadText(key, entry.Value, example);
    }

    public string? OptionalText(string key, string example) =>
        _entries.TryGetValue(key, out var entry) ? ReadText(key, entry.Value, example) : null;

    public int? RequiredInteger(string key, string example)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            Problems.Error(Start, $"{Description} is missing '{key}': add `{key}: {example}`");
            return null;
        }

        return ReadInteger(key, entry.Value, example);
    }

    public int? OptionalInteger(string key, string example) =>
        _entries.TryGetValue(key, out var entry) ? ReadInteger(key, entry.Value, example) : null;

    public double? OptionalNumber(string key, string example)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        var text = ScalarText(entry.Value);
        if (text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        Problems.Error(MarkOf(entry.Value),
            $"{Description}: '{key}' must be a number written with a decimal point, for example `{key}: {example}`");
        return null;
    }

    public bool? OptionalBoolean(string key)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        switch (ScalarText(entry.Value))
        {
            case "true":
                return true;
            case "false":
                return false;
            default:
                Problems.Error(MarkOf(entry.Value), $"{Description}: '{key}' must be `true` or `false`");
                return null;
        }
    }

    /// <summary>Returns the list under <paramref name="key"/>, reporting any other shape; null when absent.</summary>
    public YamlSequenceNode? OptionalList(string key, string hint)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        if (entry.Value is YamlSequenceNode sequence)
        {
            return sequence;
        }

        Problems.Error(MarkOf(entry.Value), $"{Description}: '{key}' must be a list, {hint}");
        return null;
    }

    /// <summary>Returns the mapping under <paramref name="key"/>, reporting any other shape; null when absent.</summary>
    public YamlMap? OptionalMap(string key, string description, string hint)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        if (entry.Value is YamlMappingNode mapping)
        {
            return Child(mapping, description);
        }

        Problems.Error(MarkOf(entry.Value), $"{Description}: '{key}' must hold `key: value` lines, {hint}");
        return null;
    }

    /// <summary>Returns the text of a plain or quoted scalar; null for lists, mappings and YAML nulls.</summary>
    public static string? ScalarText(YamlNode node) =>
        node is YamlScalarNode scalar && !IsNull(scalar) ? scalar.Value : null;

    private static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    private string? ReadText(string key, YamlNode value, string example)
    {
        if (value is not YamlScalarNode scalar)
        {
            Problems.Error(MarkOf(value), $"{Description}: '{key}' must be text, but it is a {Shape(value)}; write `{key}: {example}`");
            return null;
        }

        if (IsNull(scalar) || string.IsNullOrWhiteSpace(scalar.Value))
        {
            Problems.Error(MarkOf(value), $"{Description}: '{key}' is empty; write `{key}: {example}`");
            return null;
        }

        return scalar.Value!.Trim();
    }

    private int? ReadInteger(string key, YamlNode value, string example)
    {
        var text = ScalarText(value);
        if (text is not null && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        Problems.Error(MarkOf(value), $"{Description}: '{key}' must be a whole number, for example `{key}: {example}`");
        return null;
    }

    private static string Shape(YamlNode node) => node switch
    {
        YamlSequenceNode => "list",
        YamlMappingNode => "group of `key: value` lines",
        _ => "single value",
    };

    /// <summary>Returns the file position of the first tab in a line's indentation, or null when no line has one.</summary>
    private static SourceMark? FindIndentingTab(string yaml, int lineOffset)
    {
        var lines = yaml.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index];
            var indentation = line.Length - line.TrimStart(' ', '\t').Length;
            var tab = line.IndexOf('\t', 0, indentation);
            if (tab >= 0)
            {
                return new SourceMark(lineOffset + index + 1, tab + 1);
            }
        }

        return null;
    }

    /// <summary>
    /// Returns the file position of the first `[` or `{` that its line leaves open, skipping quoted text, or null
    /// when every line closes what it opens.
    /// </summary>
    private static SourceMark? FindUnclosedBracket(string yaml, int lineOffset)
    {
        var lines = yaml.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var depth = 0;
            var opening = -1;
            var quote = '\0';
            var line = lines[index];
            for (var column = 0; column < line.Length; column++)
            {
                var character = line[column];
                if (quote != '\0')
                {
                    quote = character == quote ? '\0' : quote;
                }
                else if (character is '"' or '\'')
                {
                    quote = character;
                }
                else if (character is '[' or '{')
                {
                    opening = depth == 0 ? column : opening;
                    depth++;
                }
                else if (character is ']' or '}')
                {
                    depth--;
                }
            }

            if (depth > 0)
            {
                return new SourceMark(lineOffset + index + 1, opening + 1);
            }
        }

        return null;
    }

    private static string DescribeSyntaxError(YamlException exception)
    {
        var detail = exception.Message.TrimEnd('.');
        if (detail.StartsWith("Duplicate key", StringComparison.Ordinal))
        {
            return $"invalid YAML: {detail}; each key may appear only once in the same block, so remove or rename one";
        }

        // YamlDotNet reports a quote left open as trouble on a later line, so the quote is named first.
        if (detail.Contains("quoted scalar", StringComparison.Ordinal))
        {
            return $"invalid YAML: {detail}; check that the quoted text that starts here ends with the same quote mark on this line";
        }

        return $"invalid YAML: {detail}; check the indentation (spaces, not tabs) and put text containing `: ` or `#` in double quotes";
    }
}
