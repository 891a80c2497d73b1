using MicroLearnBot.Learning.Courses;
using YamlDotNet.RepresentationModel;

namespace MicroLearnBot.Content;

/// <summary>Parses one entry of a nugget's <c>checks</c> list.</summary>
internal static class CheckParser
{
    private static readonly string[] KnownKeys = ["id", "question", "type", "choices", "explanation"];

    public static (CheckQuestion Model, ParsedCheck Parsed)? Read(YamlMap check, string nuggetDescription, string nuggetId)
    {
        var localId = check.Has("id") ? YamlMap.ScalarText(check.ValueOf("id")!)?.Trim() : null;
        var idMark = check.Has("id") ? check.MarkOf(check.ValueOf("id")!) : check.Start;
        var description = localId is { Length: > 0 } ? $"check '{localId}' in {nuggetDescription}" : $"a check in {nuggetDescription}";
        check = check.Renamed(description);
        check.WarnUnknownKeys(KnownKeys);

        localId = check.RequiredText("id", "q1") ?? "";
        if (localId.Length > 0 && !ContentRules.IsValidId(localId))
        {
            check.Problems.Error(idMark, $"{description}: id '{localId}' is invalid; use lowercase letters a-z, digits and single hyphens, as in `q1`");
        }
        else if (localId == "reflection")
        {
            check.Problems.Error(idMark, $"{description}: the id 'reflection' is taken by the nugget's reflection question; use another id, such as `q1`");
        }

        var prompt = check.RequiredText("question", "\"Which step comes first?\"") ?? "";
        var (kind, kindMark) = ReadKind(check);
        var (choices, choicesMark) = ReadChoices(check, localId, kind);
        var explanation = check.RequiredText("explanation", "\"Why the right answer is right\"") ?? "";

        var model = new CheckQuestion
        {
            Id = $"{nuggetId}:{localId}",
            Prompt = prompt,
            Kind = kind,
            Choices = choices.Select((c, index) => new Choice(ChoiceId(index), c.Text, c.IsCorrect)).ToList(),
            Explanation = explanation,
        };

        return (model, new ParsedCheck(localId, idMark, kind, kindMark, choices, choicesMark));
    }

    /// <summary>Choice ids are letters by position: a, b, c, ... then z1, z2 past the alphabet.</summary>
    private static string ChoiceId(int index) => index < 26 ? ((char)('a' + index)).ToString() : $"z{index - 25}";

    private static (CheckKind, SourceMark) ReadKind(YamlMap check)
    {
        var type = check.OptionalText("type", "single");
        var mark = check.Has("type") ? check.MarkOf(check.ValueOf("type")!) : check.Start;
        switch (type)
        {
            case null or "single":
                return (CheckKind.SingleChoice, mark);
            case "multiple":
                return (CheckKind.MultipleChoice, mark);
            default:
                check.Problems.Error(mark,
                    $"{check.Description}: type '{type}' is not known; use `single` (one right answer, the default) or `multiple` (one or more right answers)");
                return (CheckKind.SingleChoice, mark);
        }
    }

    private static (List<ParsedChoice>, SourceMark) ReadChoices(YamlMap check, string localId, CheckKind kind)
    {
        var choices = new List<ParsedChoice>();
        if (!check.Has("choices"))
        {
            check.Problems.Error(check.Start,
                $"{check.Description} is missing 'choices': add `choices:` with at least two `- text: \"...\"` entries and mark the right one `correct: true`");
            return (choices, check.Start);
        }

        var mark = check.KeyMark("choices");
        var list = check.OptionalList("choices", "with one `- text: \"...\"` entry per choice");
        if (list is null)
        {
            return (choices, mark);
        }

        foreach (var item in list.Children)
        {
            if (item is not YamlMappingNode mapping)
            {
                check.Problems.Error(check.MarkOf(item),
                    $"{check.Description}: each choice must be written `- text: \"...\"`, with `correct: true` on the right ones");
                continue;
            }

            var choice = check.Child(mapping, $"a choice of {check.Description}");
            choice.WarnUnknownKeys("text", "correct");
            var text = choice.RequiredText("text", "\"Wash your hands\"") ?? "";
            var correct = choice.OptionalBoolean("correct") ?? false;
            choices.Add(new ParsedChoice(text, correct, choice.Start));
        }

        if (list.Children.Count < 2)
        {
            check.Problems.Error(mark,
                $"check '{localId}' has {list.Children.Count} choice{(list.Children.Count == 1 ? "" : "s")}; a check question needs at least two choices");
        }

        var correctCount = choices.Count(c => c.IsCorrect);
        if (kind == CheckKind.SingleChoice && correctCount != 1 && choices.Count >= 2)
        {
            check.Problems.Error(mark, correctCount == 0
                ? $"check '{localId}' has no choice marked correct; a single-choice question needs exactly one: add `correct: true` to the right choice"
                : $"check '{localId}' has {correctCount} choices marked correct; a single-choice question needs exactly one: mark one choice `correct: true` or set `type: multiple`");
        }
        else if (kind == CheckKind.MultipleChoice && correctCount == 0 && choices.Count >= 2)
        {
            check.Problems.Error(mark,
                $"check '{localId}' has no choice marked correct; a multiple-choice question needs at least one: add `correct: true` to each right choice");
        }

        return (choices, mark);
    }
}
