using MicroLearnBot.Content;

namespace MicroLearnBot.Tests.Content;

public sealed class TranslationValidatorTests : IDisposable
{
    private readonly TempContentFolder _content = new();

    public TranslationValidatorTests()
    {
        _content.WriteValidCourse();
        _content.WriteEnglishTranslation();
    }

    public void Dispose() => _content.Dispose();

    [Fact]
    public async Task ValidTranslation_LoadsBothLanguages()
    {
        var result = await LoadAsync();

        Assert.Empty(result.Problems);
        var english = result.Course!.Translations["en"];
        Assert.Equal("Learn in small steps", english.Title);
        Assert.Equal(["Explain why small steps work"], english.Objectives);
        Assert.Equal(["forsta-steget", "andra-steget"], english.Nuggets.Select(n => n.Id));
        Assert.Equal("The first step", result.Course.VersionFor("en").Nuggets[0].Title);
        Assert.Equal("Första steget", result.Course.VersionFor("sv").Nuggets[0].Title);
    }

    [Fact]
    public async Task MissingTranslatedNugget_PointsAtOriginal()
    {
        File.Delete(Path.Combine(_content.CoursePath(), "en", "02-andra-steget.md"));

        var result = await LoadAsync();

        AssertProblem(Assert.Single(result.Problems), "sma-steg/02-andra-steget.md", 2, 5,
            "nugget 'andra-steget' has no English translation: add en/02-andra-steget.md with `id: andra-steget`");
    }

    [Fact]
    public async Task ExtraTranslatedNugget_IsError()
    {
        _content.Write("sma-steg/en/03-extra.md", CourseTexts.ReplaceLine(CourseTexts.SecondNuggetEnglish, 2, "id: extra"));

        var result = await LoadAsync();

        AssertProblem(Assert.Single(result.Problems), "sma-steg/en/03-extra.md", 2, 5,
            "nugget 'extra' in en/ matches no nugget of the original; use the id of the nugget it translates, or remove the file");
    }

    [Fact]
    public async Task RenamedTranslationFile_IsWarning()
    {
        File.Move(Path.Combine(_content.CoursePath(), "en", "02-andra-steget.md"), Path.Combine(_content.CoursePath(), "en", "02-second-step.md"));

        var result = await LoadAsync();

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ContentProblemSeverity.Warning, problem.Severity);
        Assert.Equal("en/02-second-step.md translates nugget 'andra-steget' from 02-andra-steget.md; rename it 02-andra-steget.md so the folders stay easy to compare", problem.Message);
    }

    [Fact]
    public async Task DifferentCheckId_IsReportedBothWays()
    {
        _content.Write("sma-steg/en/01-forsta-steget.md", CourseTexts.ReplaceLine(CourseTexts.FirstNuggetEnglish, 7, "  - id: q9"));

        var result = await LoadAsync();

        Assert.Equal(2, result.Problems.Count);
        AssertProblem(result.Problems[0], "sma-steg/en/01-forsta-steget.md", 6, 1,
            "nugget 'forsta-steget' lacks check 'q1' in the English translation; a translation needs the same check ids as the original");
        AssertProblem(result.Problems[1], "sma-steg/en/01-forsta-steget.md", 7, 9,
            "check 'q9' of nugget 'forsta-steget' in the English translation matches no check of the original; use the original's check ids");
    }

    [Fact]
    public async Task DifferentChoiceCount_IsError()
    {
        _content.Write("sma-steg/en/01-forsta-steget.md", CourseTexts.InsertLine(CourseTexts.FirstNuggetEnglish, 14, "      - text: \"A day\""));

        var result = await LoadAsync();

        AssertProblem(Assert.Single(result.Problems), "sma-steg/en/01-forsta-steget.md", 10, 5,
            "check 'q1' of nugget 'forsta-steget' has 3 choices in the English translation but 2 in the original; translate the same choices in the same order");
    }

    [Fact]
    public async Task DifferentCorrectFlags_PointAtChoice()
    {
        var text = CourseTexts.ReplaceLine(CourseTexts.FirstNuggetEnglish, 12, "      - text: \"Five to fifteen minutes\"");
        text = CourseTexts.ReplaceLine(text, 11, "      - text: \"An hour\"");
        text = CourseTexts.ReplaceLine(text, 13, "        correct: true");
        _content.Write("sma-steg/en/01-forsta-steget.md", text);

        var result = await LoadAsync();

        Assert.Equal(2, result.Problems.Count);
        AssertProblem(result.Problems[0], "sma-steg/en/01-forsta-steget.md", 11, 9,
            "choice 1 of check 'q1' in nugget 'forsta-steget' is correct in the original but not correct in the English translation; mark the same choices `correct: true` in the same order");
        AssertProblem(result.Problems[1], "sma-steg/en/01-forsta-steget.md", 12, 9,
            "choice 2 of check 'q1' in nugget 'forsta-steget' is not correct in the original but correct in the English translation; mark the same choices `correct: true` in the same order");
    }

    [Fact]
    public async Task DifferentCheckType_IsError()
    {
        _content.Write("sma-steg/en/01-forsta-steget.md", CourseTexts.ReplaceLine(CourseTexts.FirstNuggetEnglish, 9, "    type: multiple"));

        var result = await LoadAsync();

        AssertProblem(Assert.Single(result.Problems), "sma-steg/en/01-forsta-steget.md", 9, 11,
            "check 'q1' of nugget 'forsta-steget' is multiple in the English translation but single in the original; use the same `type:`");
    }

    [Fact]
    public async Task DeclaredTranslationWithoutFolder_IsError()
    {
        Directory.Delete(Path.Combine(_content.CoursePath(), "en"), recursive: true);

        var result = await LoadAsync();

        AssertProblem(Assert.Single(result.Problems), "sma-steg/course.yaml", 10, 3,
            "course.yaml lists translation 'en', but the folder en/ is missing; add it with one file per nugget, or remove the entry");
    }

    [Fact]
    public async Task TranslationFolderWithoutEntry_IsError()
    {
        _content.Write("sma-steg/course.yaml", CourseTexts.CourseYaml);

        var result = await LoadAsync();

        AssertProblem(Assert.Single(result.Problems), "sma-steg/course.yaml", 1, 1,
            "folder en/ is a translation into English, but course.yaml has no `translations:` entry for 'en'; add one with title, description and objectives");
    }

    [Fact]
    public async Task UnsupportedTranslationLanguage_IsError()
    {
        _content.Write("sma-steg/course.yaml", CourseTexts.CourseYaml + CourseTexts.EnglishTranslationBlock + "  de:\n    title: \"Kleine Schritte\"\n");

        var result = await LoadAsync();

        AssertProblem(Assert.Single(result.Problems), "sma-steg/course.yaml", 15, 3,
            "course.yaml: translation language 'de' is not supported; use one of sv, en");
    }

    [Fact]
    public async Task TranslationProblems_UseTranslationFile()
    {
        _content.Write("sma-steg/en/02-andra-steget.md", CourseTexts.ReplaceLine(CourseTexts.SecondNuggetEnglish, 5, "reflection: \"\""));

        var result = await LoadAsync();

        AssertProblem(Assert.Single(result.Problems), "sma-steg/en/02-andra-steget.md", 5, 13,
            "nugget 'andra-steget': 'reflection' is empty; write `reflection: \"How could you use this in your next shift?\"`");
    }

    [Theory]
    [InlineData(3, "title: Första: steget", "invalid YAML:")]
    [InlineData(13, "      - text: \"En timme\"\n        correct: true", "single")]
    public async Task BrokenOriginal_LeavesTranslationUnblamed(int line, string replacement, string expectedInMessage)
    {
        _content.Write("sma-steg/01-forsta-steget.md", CourseTexts.ReplaceLine(CourseTexts.FirstNugget, line, replacement));

        var result = await LoadAsync();

        var problem = Assert.Single(result.Problems);
        Assert.Equal(Path.Combine(_content.CoursePath(), "01-forsta-steget.md"), problem.FilePath);
        Assert.Contains(expectedInMessage, problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("translation", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrokenTranslation_LeavesOriginalUnblamed()
    {
        var translated = Path.Combine(_content.CoursePath(), "en", "01-forsta-steget.md");
        var lines = File.ReadAllLines(translated);
        lines[2] = "title: \"The first step";
        File.WriteAllLines(translated, lines);

        var result = await LoadAsync();

        var problem = Assert.Single(result.Problems);
        Assert.Equal(translated, problem.FilePath);
        Assert.StartsWith("invalid YAML:", problem.Message, StringComparison.Ordinal);
    }

    private async Task<CourseLoadResult> LoadAsync() => await new CourseLoader().LoadCourseAsync(_content.CoursePath());

    private void AssertProblem(ContentProblem problem, string relativeFile, int line, int column, string message)
    {
        Assert.Equal(message, problem.Message);
        Assert.Equal(Path.Combine(_content.CoursesPath, relativeFile), problem.FilePath);
        Assert.Equal(line, problem.Line);
        Assert.Equal(column, problem.Column);
        Assert.Equal(ContentProblemSeverity.Error, problem.Severity);
    }
}
