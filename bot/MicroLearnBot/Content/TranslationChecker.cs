namespace MicroLearnBot.Content;

/// <summary>
/// Compares a translation folder with the original: the same nugget ids, the same check ids and types, the
/// same number of choices and the same choices marked correct, so answers and schedules carry over when a
/// learner switches language.
/// </summary>
internal static class TranslationChecker
{
    public static void Compare(IReadOnlyList<ParsedNugget> original, IReadOnlyList<ParsedNugget> translation, string language, List<ContentProblem> sink)
    {
        var languageName = ContentRules.LanguageName(language);
        var translated = translation.Where(n => n.Id.Length > 0).GroupBy(n => n.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var originalIds = original.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);

        foreach (var nugget in original.Where(n => n.Id.Length > 0))
        {
            var problems = new FileProblems(nugget.FilePath, sink);
            if (!translated.TryGetValue(nugget.Id, out var copy))
            {
                problems.Error(nugget.IdMark,
                    $"nugget '{nugget.Id}' has no {languageName} translation: add {language}/{nugget.FileName} with `id: {nugget.Id}`");
                continue;
            }

            var copyProblems = new FileProblems(copy.FilePath, sink);
            if (!string.Equals(copy.FileName, nugget.FileName, StringComparison.Ordinal))
            {
                copyProblems.Warning(copy.IdMark,
                    $"{language}/{copy.FileName} translates nugget '{nugget.Id}' from {nugget.FileName}; rename it {nugget.FileName} so the folders stay easy to compare");
            }

            CompareChecks(nugget, copy, language, copyProblems);
        }

        foreach (var copy in translation.Where(n => n.Id.Length > 0 && !originalIds.Contains(n.Id)))
        {
            new FileProblems(copy.FilePath, sink).Error(copy.IdMark,
                $"nugget '{copy.Id}' in {language}/ matches no nugget of the original; use the id of the nugget it translates, or remove the file");
        }
    }

    private static void CompareChecks(ParsedNugget original, ParsedNugget copy, string language, FileProblems problems)
    {
        var languageName = ContentRules.LanguageName(language);
        var copyChecks = copy.Checks.Where(c => c.LocalId.Length > 0).GroupBy(c => c.LocalId).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var originalIds = original.Checks.Select(c => c.LocalId).ToHashSet(StringComparer.Ordinal);

        foreach (var check in original.Checks.Where(c => c.LocalId.Length > 0))
        {
            if (!copyChecks.TryGetValue(check.LocalId, out var copyCheck))
            {
                problems.Error(copy.ChecksMark,
                    $"nugget '{copy.Id}' lacks check '{check.LocalId}' in the {languageName} translation; a translation needs the same check ids as the original");
                continue;
            }

            if (copyCheck.Kind != check.Kind)
            {
                problems.Error(copyCheck.KindMark,
                    $"check '{check.LocalId}' of nugget '{copy.Id}' is {KindName(copyCheck.Kind)} in the {languageName} translation but {KindName(check.Kind)} in the original; use the same `type:`");
            }

            if (copyCheck.Choices.Count != check.Choices.Count)
            {
                problems.Error(copyCheck.ChoicesMark,
                    $"check '{check.LocalId}' of nugget '{copy.Id}' has {copyCheck.Choices.Count} choices in the {languageName} translation but {check.Choices.Count} in the original; translate the same choices in the same order");
                continue;
            }

            for (var i = 0; i < check.Choices.Count; i++)
            {
                if (copyCheck.Choices[i].IsCorrect != check.Choices[i].IsCorrect)
                {
                    problems.Error(copyCheck.Choices[i].Mark,
                        $"choice {i + 1} of check '{check.LocalId}' in nugget '{copy.Id}' is {(check.Choices[i].IsCorrect ? "correct" : "not correct")} in the original but {(copyCheck.Choices[i].IsCorrect ? "correct" : "not correct")} in the {languageName} translation; mark the same choices `correct: true` in the same order");
                }
            }
        }

        foreach (var extra in copy.Checks.Where(c => c.LocalId.Length > 0 && !originalIds.Contains(c.LocalId)))
        {
            problems.Error(extra.IdMark,
                $"check '{extra.LocalId}' of nugget '{copy.Id}' in the {languageName} translation matches no check of the original; use the original's check ids");
        }
    }

    private static string KindName(Learning.Courses.CheckKind kind) =>
        kind == Learning.Courses.CheckKind.MultipleChoice ? "multiple" : "single";
}
