using MicroLearnBot.Learning.Courses;
using YamlDotNet.RepresentationModel;

namespace MicroLearnBot.Content;

/// <summary>The course-wide text of one translation, from <c>translations.&lt;lang&gt;</c> in course.yaml.</summary>
internal sealed record TranslationMetadata(string Language, string Title, string Description, IReadOnlyList<string> Objectives, SourceMark Mark);

/// <summary>What course.yaml holds; text fields missing from the file are empty and already reported.</summary>
internal sealed record CourseMetadata
{
    public string Title { get; init; } = "";

    public string Description { get; init; } = "";

    public IReadOnlyList<string> Objectives { get; init; } = [];

    /// <summary>Null when missing or unknown, which has been reported.</summary>
    public string? Language { get; init; }

    public string Audience { get; init; } = "";

    public double DesiredRetention { get; init; } = 0.9;

    public int EstimatedMinutes { get; init; }

    public DeliveryCadence Cadence { get; init; } = DeliveryCadence.Weekdays;

    public IReadOnlyList<TranslationMetadata> Translations { get; init; } = [];

    /// <summary>Where problems about the whole translations block point.</summary>
    public SourceMark TranslationsMark { get; init; } = SourceMark.FileStart;
}

/// <summary>Parses course.yaml.</summary>
internal static class CourseFileParser
{
    private static readonly string[] KnownKeys =
        ["title", "description", "objectives", "language", "audience", "desired_retention", "estimated_minutes", "cadence", "translations"];

    public static CourseMetadata? Parse(string text, FileProblems problems)
    {
        var map = YamlMap.Parse(text, 0, "course.yaml", problems);
        if (map is null)
        {
            return null;
        }

        map.WarnUnknownKeys(KnownKeys);

        var language = ReadLanguage(map);
        var metadata = new CourseMetadata
        {
            Title = map.RequiredText("title", "\"Lär dig i små steg\"") ?? "",
            Description = map.RequiredText("description", "\"What the course is about, in one or two sentences\"") ?? "",
            Objectives = ReadObjectives(map, required: true),
            Language = language,
            Audience = map.RequiredText("audience", "\"All staff\"") ?? "",
            DesiredRetention = ReadDesiredRetention(map),
            EstimatedMinutes = ReadCourseMinutes(map),
            Cadence = ReadCadence(map),
            TranslationsMark = map.Has("translations") ? map.KeyMark("translations") : SourceMark.FileStart,
        };

        return metadata with { Translations = ReadTranslations(map, language) };
    }

    private static string? ReadLanguage(YamlMap map)
    {
        var language = map.RequiredText("language", "sv");
        if (language is null)
        {
            return null;
        }

        if (!ContentRules.KnownLanguages.ContainsKey(language))
        {
            map.Problems.Error(map.MarkOf(map.ValueOf("language")!),
                $"course.yaml: language '{language}' is not supported; use one of {ContentRules.LanguageList}");
            return null;
        }

        return language;
    }

    /// <summary>Reads a list of objectives; reports a missing or empty list when <paramref name="required"/>.</summary>
    internal static IReadOnlyList<string> ReadObjectives(YamlMap map, bool required)
    {
        if (!map.Has("objectives"))
        {
            if (required)
            {
                map.Problems.Error(map.Start,
                    $"{map.Description} is missing 'objectives': add `objectives:` followed by one `- \"...\"` line per learning objective");
            }

            return [];
        }

        var list = map.OptionalList("objectives", "with one `- \"...\"` line per learning objective");
        if (list is null)
        {
            return [];
        }

        var objectives = new List<string>();
        foreach (var item in list.Children)
        {
            var text = YamlMap.ScalarText(item);
            if (string.IsNullOrWhiteSpace(text))
            {
                map.Problems.Error(map.MarkOf(item), $"{map.Description}: each objective must be a line of text, as in `- \"Explain why ...\"`");
                continue;
            }

            objectives.Add(text.Trim());
        }

        if (objectives.Count == 0 && list.Children.Count == 0)
        {
            map.Problems.Error(map.KeyMark("objectives"), $"{map.Description}: 'objectives' is empty; list at least one learning objective");
        }

        return objectives;
    }

    private static double ReadDesiredRetention(YamlMap map)
    {
        var retention = map.OptionalNumber("desired_retention", "0.9");
        if (retention is null)
        {
            return 0.9;
        }

        if (retention < ContentRules.MinDesiredRetention || retention > ContentRules.MaxDesiredRetention)
        {
            map.Problems.Error(map.MarkOf(map.ValueOf("desired_retention")!),
                $"course.yaml: desired_retention {retention.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} is out of range; use a value from {ContentRules.MinDesiredRetention} to {ContentRules.MaxDesiredRetention} (0.9 means a 90% chance of remembering when a question comes back)");
            return 0.9;
        }

        return retention.Value;
    }

    private static int ReadCourseMinutes(YamlMap map)
    {
        var minutes = map.RequiredInteger("estimated_minutes", "40");
        if (minutes is <= 0)
        {
            map.Problems.Error(map.MarkOf(map.ValueOf("estimated_minutes")!),
                "course.yaml: estimated_minutes must be more than 0; give the time for the whole course in minutes");
            return 0;
        }

        return minutes ?? 0;
    }

    private static DeliveryCadence ReadCadence(YamlMap map)
    {
        var cadence = map.OptionalText("cadence", "weekdays");
        switch (cadence)
        {
            case null or "weekdays":
                return DeliveryCadence.Weekdays;
            case "daily":
                return DeliveryCadence.Daily;
            default:
                map.Problems.Error(map.MarkOf(map.ValueOf("cadence")!),
                    $"course.yaml: cadence '{cadence}' is not known; use `weekdays` (Monday to Friday, the default) or `daily`");
                return DeliveryCadence.Weekdays;
        }
    }

    private static List<TranslationMetadata> ReadTranslations(YamlMap map, string? originalLanguage)
    {
        var translations = new List<TranslationMetadata>();
        var block = map.OptionalMap("translations", "translations",
            "one block per language code, as in `en:` followed by indented title, description and objectives");
        if (block is null)
        {
            return translations;
        }

        foreach (var (key, value) in block.Node.Children)
        {
            var language = YamlMap.ScalarText(key) ?? "";
            var mark = block.MarkOf(key);
            if (!ContentRules.KnownLanguages.ContainsKey(language))
            {
                map.Problems.Error(mark, $"course.yaml: translation language '{language}' is not supported; use one of {ContentRules.LanguageList}");
                continue;
            }

            if (language == originalLanguage)
            {
                map.Problems.Error(mark,
                    $"course.yaml: translations lists '{language}', which is the course's own language; remove it or change `language:`");
                continue;
            }

            if (value is not YamlMappingNode mapping)
            {
                map.Problems.Error(block.MarkOf(value),
                    $"course.yaml: translation '{language}' must hold indented `title:`, `description:` and `objectives:` lines");
                continue;
            }

            var translation = block.Child(mapping, $"course.yaml translation '{language}'");
            translation.WarnUnknownKeys("title", "description", "objectives");
            translations.Add(new TranslationMetadata(
                language,
                translation.RequiredText("title", "\"Learn in small steps\"") ?? "",
                translation.RequiredText("description", "\"What the course is about\"") ?? "",
                ReadObjectives(translation, required: true),
                mark));
        }

        return translations;
    }
}
