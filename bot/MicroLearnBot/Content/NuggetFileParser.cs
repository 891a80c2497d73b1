using MicroLearnBot.Learning.Courses;
using YamlDotNet.RepresentationModel;

namespace MicroLearnBot.Content;

/// <summary>A choice as written, with its position, for comparing translations.</summary>
internal sealed record ParsedChoice(string Text, bool IsCorrect, SourceMark Mark);

/// <summary>A check question as written, with the positions translation problems point at.</summary>
internal sealed record ParsedCheck(string LocalId, SourceMark IdMark, CheckKind Kind, SourceMark KindMark, IReadOnlyList<ParsedChoice> Choices, SourceMark ChoicesMark);

/// <summary>
/// A nugget file after parsing. <see cref="Model"/> is built even when the file has errors (missing
/// text becomes empty) so that later checks can still compare it; a course with errors is never served.
/// </summary>
internal sealed record ParsedNugget(string FilePath, Nugget Model, SourceMark IdMark, IReadOnlyList<ParsedCheck> Checks, SourceMark ChecksMark,
    SourceMark BodyMark)
{
    public string Id => Model.Id;

    public string FileName => Path.GetFileName(FilePath);
}

/// <summary>Parses a nugget file: YAML front matter between <c>---</c> lines, then the Markdown body.</summary>
internal static class NuggetFileParser
{
    private static readonly string[] KnownKeys = ["id", "title", "estimated_minutes", "media", "links", "reflection", "checks"];

    public static ParsedNugget? Parse(string text, FileProblems problems)
    {
        var document = FrontMatterDocument.Split(text, problems);
        if (document is null)
        {
            return null;
        }

        var fileName = Path.GetFileName(problems.FilePath);
        var map = YamlMap.Parse(document.FrontMatter, document.FrontMatterLineOffset, $"front matter of {fileName}", problems);
        if (map is null)
        {
            return null;
        }

        map.WarnUnknownKeys(KnownKeys);

        var suggestedId = ContentRules.SuggestId(fileName);
        var id = map.RequiredText("id", suggestedId);
        if (id is not null && !ContentRules.IsValidId(id))
        {
            problems.Error(map.MarkOf(map.ValueOf("id")!),
                $"nugget id '{id}' is invalid; use lowercase letters a-z, digits and single hyphens, as in `{suggestedId}`");
        }

        id ??= "";
        var name = $"nugget '{(id.Length > 0 ? id : fileName)}'";
        var titled = map.Renamed(name);
        var checks = ReadChecks(titled, id);
        var nugget = new Nugget
        {
            Id = id,
            Title = titled.RequiredText("title", "\"The heading of the lesson card\"") ?? "",
            EstimatedMinutes = ReadMinutes(titled),
            Body = document.Body.Trim(),
            Media = MediaParser.ReadMedia(titled),
            Links = MediaParser.ReadLinks(titled),
            Reflection = new ReflectionQuestion($"{id}:reflection", ReadReflection(titled)),
            Checks = checks.Select(c => c.Model).ToList(),
        };

        MarkdownBodyInspector.Inspect(document.Body, document.BodyLineOffset, name, problems);

        return new ParsedNugget(problems.FilePath, nugget, map.Has("id") ? map.MarkOf(map.ValueOf("id")!) : map.Start,
            checks.Select(c => c.Parsed).ToList(), map.Has("checks") ? map.KeyMark("checks") : map.Start, BodyStart(document));
    }

    /// <summary>Returns the first line of the body that has text, or the line after the front matter for an empty body.</summary>
    private static SourceMark BodyStart(FrontMatterDocument document)
    {
        var lines = document.Body.Split('\n');
        var firstText = Array.FindIndex(lines, line => !string.IsNullOrWhiteSpace(line));
        return new SourceMark(document.BodyLineOffset + 1 + Math.Max(firstText, 0), 1);
    }

    private static int ReadMinutes(YamlMap map)
    {
        var minutes = map.RequiredInteger("estimated_minutes", "7");
        if (minutes is null)
        {
            return ContentRules.MinNuggetMinutes;
        }

        var mark = map.MarkOf(map.ValueOf("estimated_minutes")!);
        if (minutes <= 0)
        {
            map.Problems.Error(mark, $"{map.Description}: estimated_minutes must be more than 0; give the reading and answering time in minutes");
        }
        else if (minutes < ContentRules.MinNuggetMinutes || minutes > ContentRules.MaxNuggetMinutes)
        {
            map.Problems.Warning(mark,
                $"{map.Description}: estimated_minutes is {minutes}, outside the recommended {ContentRules.MinNuggetMinutes}-{ContentRules.MaxNuggetMinutes} minutes; split a long nugget in two or merge a short one with its neighbour");
        }

        return minutes.Value;
    }

    private static string ReadReflection(YamlMap map)
    {
        if (map.ValueOf("reflection") is YamlSequenceNode list)
        {
            map.Problems.Error(map.MarkOf(list),
                $"{map.Description}: 'reflection' must be exactly one open question written as text, not a list; keep one question");
            return "";
        }

        return map.RequiredText("reflection", "\"How could you use this in your next shift?\"") ?? "";
    }

    private static List<(CheckQuestion Model, ParsedCheck Parsed)> ReadChecks(YamlMap map, string nuggetId)
    {
        var result = new List<(CheckQuestion, ParsedCheck)>();
        if (!map.Has("checks"))
        {
            map.Problems.Error(map.Start,
                $"{map.Description} is missing 'checks': add `checks:` with at least one question (id, question, choices, explanation)");
            return result;
        }

        var list = map.OptionalList("checks", "with one `- id: q1` block per question");
        if (list is null)
        {
            return result;
        }

        if (list.Children.Count == 0)
        {
            map.Problems.Error(map.KeyMark("checks"), $"{map.Description}: 'checks' is empty; add at least one check question");
            return result;
        }

        var seen = new Dictionary<string, SourceMark>(StringComparer.Ordinal);
        foreach (var item in list.Children)
        {
            if (item is not YamlMappingNode mapping)
            {
                map.Problems.Error(map.MarkOf(item), $"{map.Description}: each check must be a block starting with `- id: q1`, followed by question, choices and explanation");
                continue;
            }

            var check = CheckParser.Read(map.Child(mapping, "check"), map.Description, nuggetId);
            if (check is null)
            {
                continue;
            }

            var localId = check.Value.Parsed.LocalId;
            if (localId.Length > 0 && !seen.TryAdd(localId, check.Value.Parsed.IdMark))
            {
                map.Problems.Error(check.Value.Parsed.IdMark,
                    $"{map.Description}: check id '{localId}' is used twice (first on line {seen[localId].Line}); give each check in the nugget its own id");
            }

            result.Add(check.Value);
        }

        return result;
    }
}
