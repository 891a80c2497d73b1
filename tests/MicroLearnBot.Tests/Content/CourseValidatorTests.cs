using MicroLearnBot.Content;
using MicroLearnBot.Learning.Courses;

namespace MicroLearnBot.Tests.Content;

public sealed class CourseValidatorTests : IDisposable
{
    private const string FirstNuggetFile = "sma-steg/01-forsta-steget.md";

    private readonly TempContentFolder _content = new();

    public CourseValidatorTests() => _content.WriteValidCourse();

    public void Dispose() => _content.Dispose();

    [Fact]
    public async Task ValidCourse_LoadsWithoutProblems()
    {
        var result = await LoadAsync();

        Assert.Empty(result.Problems);
        var course = Assert.IsType<Course>(result.Course);
        Assert.Equal("sma-steg", course.Id);
        Assert.Equal("sv", course.Language);
        Assert.Equal("Lär dig i små steg", course.Original.Title);
        Assert.Equal(["Förklara varför små steg fungerar"], course.Original.Objectives);
        Assert.Equal(14, course.EstimatedMinutes);
        Assert.Equal(0.9, course.DesiredRetention);
        Assert.Equal(DeliveryCadence.Weekdays, course.DefaultCadence);
        Assert.Equal(["forsta-steget", "andra-steget"], course.Nuggets.Select(n => n.Id));
    }

    [Fact]
    public async Task ValidNugget_MapsQuestionsAndIds()
    {
        var result = await LoadAsync();

        var nugget = result.Course!.Nuggets[0];
        Assert.Equal("forsta-steget:reflection", nugget.Reflection.Id);
        Assert.Equal("Vad tar du med dig till nästa pass?", nugget.Reflection.Prompt);
        var check = Assert.Single(nugget.Checks);
        Assert.Equal("forsta-steget:q1", check.Id);
        Assert.Equal(CheckKind.SingleChoice, check.Kind);
        Assert.Equal(["a", "b"], check.Choices.Select(c => c.Id));
        Assert.Equal(["a"], check.CorrectChoiceIds);
        Assert.StartsWith("Små steg är **lätta** att ta.", nugget.Body, StringComparison.Ordinal);
        Assert.Equal(CheckKind.MultipleChoice, result.Course.Nuggets[1].Checks[0].Kind);
    }

    [Fact]
    public async Task YamlSyntaxError_PointsAtFileLine()
    {
        WriteFirstNugget(CourseTexts.ReplaceLine(CourseTexts.FirstNugget, 3, "title: Första: steget"));

        var result = await LoadAsync();

        var problem = Assert.Single(result.Problems);
        AssertProblem(problem, FirstNuggetFile, 3, 14, ContentProblemSeverity.Error,
            "invalid YAML: While scanning a plain scalar value, found invalid mapping; check the indentation (spaces, not tabs) and put text containing `: ` or `#` in double quotes");
        Assert.Null(result.Course);
    }

    [Fact]
    public async Task UnclosedQuote_PointsAtQuote()
    {
        WriteFirstNugget(CourseTexts.ReplaceLine(CourseTexts.FirstNugget, 3, "title: \"Första steget"));

        var result = await LoadAsync();

        var problem = Assert.Single(result.Problems);
        AssertProblem(problem, FirstNuggetFile, 3, 8, ContentProblemSeverity.Error,
            "invalid YAML: While scanning a multi-line double-quoted scalar, found wrong indentation; check that the quoted text that starts here ends with the same quote mark on this line");
    }

    [Fact]
    public async Task UnclosedBracket_PointsAtBracket()
    {
        WriteFirstNugget(CourseTexts.ReplaceLine(CourseTexts.FirstNugget, 2, "id: [forsta-steget"));

        var result = await LoadAsync();

        AssertProblem(Assert.Single(result.Problems), FirstNuggetFile, 2, 5, ContentProblemSeverity.Error,
            "invalid YAML: a `[` or `{` here is not closed; close it on the same line, or put text that starts with `[` or `{` in double quotes");
    }

    [Fact]
    public async Task DuplicateYamlKey_IsError()
    {
        WriteFirstNugget(CourseTexts.InsertLine(CourseTexts.FirstNugget, 4, "title: \"Igen\""));

        var result = await LoadAsync();

        AssertProblem(Assert.Single(result.Problems), FirstNuggetFile, 4, 1, ContentProblemSeverity.Error,
            "invalid YAML: Duplicate key title; each key may appear only once in the same block, so remove or rename one");
    }

    [Fact]
    public async Task MissingFrontMatter_IsError()
    {
        WriteFirstNugget("# Bara Markdown\n\nIngen front matter.\n");

        var result = await LoadAsync();

        AssertProblem(Assert.Single(result.Problems), FirstNuggetFile, 1, 1, ContentProblemSeverity.Error,
            "front matter is missing: start the file with a line `---`, then the nugget's YAML keys (id, title, ...), then a closing `---` line before the Markdown body");
    }

    [Fact]
    public async Task UnclosedFrontMatter_IsError()
    {
        WriteFirstNugget(CourseTexts.ReplaceLine(CourseTexts.FirstNugget, 15, ""));

        var result = await LoadAsync();

        AssertProblem(Assert.Single(result.Problems), FirstNuggetFile, 1, 1, ContentProblemSeverity.Error,
            "front matter is not closed: add a line `---` after the last YAML key and before the Markdown body");
    }

    [Fact]
    public async Task MissingNuggetTitle_PointsAtFrontMatterStart()
    {
        WriteFirstNugget(CourseTexts.ReplaceLine(CourseTexts.FirstNugget, 3, ""));

        var result = await LoadAsync();

        AssertProblem(Assert.Single(result.Problems), FirstNuggetFile, 2, 1, ContentProblemSeverity.Error,
            "nugget 'forsta-steget' is missing 'title': add `title: \"The heading of the lesson card\"`");
    }

    [Fact]
    public async Task MissingCourseTitle_IsError()
    {
        _content.Write("sma-steg/course.yaml", CourseTexts.ReplaceLine(CourseTexts.CourseYaml, 1, ""));

        var result = await LoadAsync();

        AssertProblem(Assert.Single(result.Problems), "sma-steg/course.yaml", 2, 1, ContentProblemSeverity.Error,
            "course.yaml is missing 'title': add `title: \"Lär dig i små steg\"`");
    }

    [Fact]
    public async Task MissingCourseFile_IsError()
    {
        File.Delete(Path.Combine(_content.CoursePath(), "course.yaml"));

        var result = await LoadAsync();

        AssertProblem(Assert.Single(result.Problems), "sma-steg/course.yaml", 1, 1, ContentProblemSeverity.Error,
            "course.yaml is missing; every course folder needs one with title, description, objectives, language, audience and estimated_minutes");
    }

    [Fact]
    public async Task EmptyObjectives_IsError()
    {
        var text = CourseTexts.ReplaceLine(CourseTexts.CourseYaml, 4, "");
        _content.Write("sma-steg/course.yaml", CourseTexts.ReplaceLine(text, 3, "objectives: []"));

        var result = await LoadAsync();

        AssertProblem(Assert.Single(result.Problems), "sma-steg/course.yaml", 3, 1, ContentProblemSeverity.Error,
            "course.yaml: 'objectives' is empty; list at least one learning objective");
    }

    [Fact]
    public async Task UnknownCourseLanguage_IsError()
    {
        _content.Write("sma-steg/course.yaml", CourseTexts.ReplaceLine(CourseTexts.CourseYaml, 5, "language: de"));

        var result = await LoadAsync();

        AssertProblem(Assert.Single(result.Problems), "sma-steg/course.yaml", 5, 11, ContentProblemSeverity.Error,
            "course.yaml: language 'de' is not supported; use one of sv, en");
    }

    [Theory]
    [InlineData("0.5", "course.yaml: desired_retention 0.5 is out of range; use a value from 0.7 to 0.97 (0.9 means a 90% chance of remembering when a question comes back)")]
    [InlineData("0.99", "course.yaml: desired_retention 0.99 is out of range; use a value from 0.7 to 0.97 (0.9 means a 90% chance of remembering when a question comes back)")]
    [InlineData("0,9", "course.yaml: 'desired_retention' must be a number written with a decimal point, for example `desired_retention: 0.9`")]
    public async Task DesiredRetentionOutOfRange_IsError(string value, string message)
    {
        _content.Write("sma-steg/course.yaml", CourseTexts.ReplaceLine(CourseTexts.CourseYaml, 7, $"desired_retention: {value}"));

        var result = await LoadAsync();

        AssertProblem(Assert.Single(result.Problems), "sma-steg/course.yaml", 7, 20, ContentProblemSeverity.Error, message);
    }

    [Fact]
    public async Task UnknownCadence_IsError()
    {
        _content.Write("sma-steg/course.yaml", CourseTexts.CourseYaml + "cadence: weekly\n");

        var result = await LoadAsync();

        AssertProblem(Assert.Single(result.Problems), "sma-steg/course.yaml", 9, 10, ContentProblemSeverity.Error,
            "course.yaml: cadence 'weekly' is not known; use `weekdays` (Monday to Friday, the default) or `daily`");
    }

    [Fact]
    public async Task UnknownKey_IsWarning()
    {
        _content.Write("sma-steg/course.yaml", CourseTexts.CourseYaml + "titel: \"Stavfel\"\n");

        var result = await LoadAsync();

        AssertProblem(Assert.Single(result.Problems), "sma-steg/course.yaml", 9, 1, ContentProblemSeverity.Warning,
            "course.yaml has an unknown key 'titel', which is ignored; check the spelling (known keys: title, description, objectives, language, audience, desired_retention, estimated_minutes, cadence, translations)");
        Assert.NotNull(result.Course);
    }

    [Fact]
    public async Task MissingNuggetId_SuggestsIdFromFileName()
    {
        WriteFirstNugget(CourseTexts.ReplaceLine(CourseTexts.FirstNugget, 2, ""));

        var result = await LoadAsync();

        AssertProblem(Assert.Single(result.Problems), FirstNuggetFile, 3, 1, ContentProblemSeverity.Error,
            "front matter of 01-forsta-steget.md is missing 'id': add `id: forsta-steget`");
    }

    [Theory]
    [InlineData("03-Nätfiske i mejl.md", "natfiske-i-mejl")]
    [InlineData("02-andra-steget.md", "andra-steget")]
    [InlineData("Översikt.md", "oversikt")]
    [InlineData("2024.md", "2024")]
    [InlineData("___.md", "forsta-lektionen")]
    public void SuggestId_GivesValidId(string fileName, string expected)
    {
        var suggested = ContentRules.SuggestId(fileName);

        Assert.Equal(expected, suggested);
        Assert.True(ContentRules.IsValidId(suggested));
    }

    [Fact]
    public async Task InvalidNuggetId_IsError()
    {
        WriteFirstNugget(CourseTexts.ReplaceLine(CourseTexts.FirstNugget, 2, "id: Första_steget"));

        var result = await LoadAsync();

        AssertProblem(Assert.Single(result.Problems), FirstNuggetFile, 2, 5, ContentProblemSeverity.Error,
            "nugget id 'Första_steget' is invalid; use lowercase letters a-z, digits and single hyphens, as in `forsta-steget`");
    }

    [Fact]
    public async Task InvalidCourseFolderName_IsError()
    {
        _content.WriteValidCourse("Sma_Steg");

        var result = await new CourseLoader().LoadCourseAsync(_content.CoursePath("Sma_Steg"));

        AssertProblem(Assert.Single(result.Problems), "Sma_Steg/course.yaml", 1, 1, ContentProblemSeverity.Error,
            "course folder name 'Sma_Steg' is not a valid course id; rename the folder using lowercase letters a-z, digits and single hyphens, as in `sma-steg`");
    }

    [Fact]
    public async Task DuplicateNuggetId_PointsAtSecondFile()
    {
        _content.Write("sma-steg/02-andra-steget.md", CourseTexts.ReplaceLine(CourseTexts.SecondNugget, 2, "id: forsta-steget"));

        var result = await LoadAsync();

        AssertProblem(Assert.Single(result.Problems), "sma-steg/02-andra-steget.md", 2, 5, ContentProblemSeverity.Error,
            "nugget id 'forsta-steget' is already used by 01-forsta-steget.md; give each nugget in the course its own id");
    }

    [Fact]
    public async Task DuplicateCheckId_IsError()
    {
        var second = """
              - id: q1
                question: "Samma id igen?"
                choices:
                  - text: "Ja"
                    correct: true
                  - text: "Nej"
                explanation: "Id måste vara unika."
            """;
        WriteFirstNugget(CourseTexts.InsertLine(CourseTexts.FirstNugget, 15, second));

        var result = await LoadAsync();

        AssertProblem(Assert.Single(result.Problems), FirstNuggetFile, 15, 9, ContentProblemSeverity.Error,
            "nugget 'forsta-steget': check id 'q1' is used twice (first on line 7); give each check in the nugget its own id");
    }

    [Fact]
    public async Task CheckIdReflection_IsError()
    {
        WriteFirstNugget(CourseTexts.ReplaceLine(CourseTexts.FirstNugget, 7, "  - id: reflection"));

        var result = await LoadAsync();

        AssertProblem(Assert.Single(result.Problems), FirstNuggetFile, 7, 9, ContentProblemSeverity.Error,
            "check 'reflection' in nugget 'forsta-steget': the id 'reflection' is taken by the nugget's reflection question; use another id, such as `q1`");
    }

    [Fact]
    public async Task SingleChoiceWithTwoCorrect_IsError()
    {
        WriteFirstNugget(CourseTexts.InsertLine(CourseTexts.FirstNugget, 14, "        correct: true"));

        var result = await LoadAsync();

        AssertProblem(Assert.Single(result.Problems), FirstNuggetFile, 10, 5, ContentProblemSeverity.Error,
            "check 'q1' has 2 choices marked correct; a single-choice question needs exactly one: mark one choice `correct: true` or set `type: multiple`");
    }

    [Fact]
    public async Task SingleChoiceWithNoneCorrect_IsError()
    {
        WriteFirstNugget(CourseTexts.ReplaceLine(CourseTexts.FirstNugget, 12, ""));

        var result = await LoadAsync();

        AssertProblem(Assert.Single(result.Problems), FirstNuggetFile, 10, 5, ContentProblemSeverity.Error,
            "check 'q1' has no choice marked correct; a single-choice question needs exactly one: add `correct: true` to the right choice");
    }

    [Fact]
    public async Task MultipleChoiceWithNoneCorrect_IsError()
    {
        var text = CourseTexts.ReplaceLine(CourseTexts.SecondNugget, 14, "");
        _content.Write("sma-steg/02-andra-steget.md", CourseTexts.ReplaceLine(text, 12, ""));

        var result = await LoadAsync();

        AssertProblem(Assert.Single(result.Problems), "sma-steg/02-andra-steget.md", 10, 5, ContentProblemSeverity.Error,
            "check 'q1' has no choice marked correct; a multiple-choice question needs at least one: add `correct: true` to each right choice");
    }

    [Fact]
    public async Task OneChoice_IsError()
    {
        WriteFirstNugget(CourseTexts.ReplaceLine(CourseTexts.FirstNugget, 13, ""));

        var result = await LoadAsync();

        AssertProblem(Assert.Single(result.Problems), FirstNuggetFile, 10, 5, ContentProblemSeverity.Error,
            "check 'q1' has 1 choice; a check question needs at least two choices");
    }

    [Fact]
    public async Task UnknownCheckType_IsError()
    {
        WriteFirstNugget(CourseTexts.ReplaceLine(CourseTexts.FirstNugget, 9, "    type: ranking"));

        var result = await LoadAsync();

        AssertProblem(Assert.Single(result.Problems), FirstNuggetFile, 9, 11, ContentProblemSeverity.Error,
            "check 'q1' in nugget 'forsta-steget': type 'ranking' is not known; use `single` (one right answer, the default) or `multiple` (one or more right answers)");
    }

    [Fact]
    public async Task MissingExplanation_IsError()
    {
        WriteFirstNugget(CourseTexts.ReplaceLine(CourseTexts.FirstNugget, 14, ""));

        var result = await LoadAsync();

        AssertProblem(Assert.Single(result.Problems), FirstNuggetFile, 7, 5, ContentProblemSeverity.Error,
            "check 'q1' in nugget 'forsta-steget' is missing 'explanation': add `explanation: \"Why the right answer is right\"`");
    }

    [Fact]
    public async Task MissingChecks_IsError()
    {
        var lines = CourseTexts.FirstNugget.Split('\n').ToList();
        lines.RemoveRange(5, 9);
        WriteFirstNugget(string.Join('\n', lines));

        var result = await LoadAsync();

        AssertProblem(Assert.Single(result.Problems), FirstNuggetFile, 2, 1, ContentProblemSeverity.Error,
            "nugget 'forsta-steget' is missing 'checks': add `checks:` with at least one question (id, question, choices, explanation)");
    }

    [Fact]
    public async Task ReflectionList_IsError()
    {
        WriteFirstNugget(CourseTexts.ReplaceLine(CourseTexts.FirstNugget, 5, "reflection: [\"En\", \"Två\"]"));

        var result = await LoadAsync();

        AssertProblem(Assert.Single(result.Problems), FirstNuggetFile, 5, 13, ContentProblemSeverity.Error,
            "nugget 'forsta-steget': 'reflection' must be exactly one open question written as text, not a list; keep one question");
    }

    [Theory]
    [InlineData(3, ContentProblemSeverity.Warning, "nugget 'forsta-steget': estimated_minutes is 3, outside the recommended 5-15 minutes; split a long nugget in two or merge a short one with its neighbour")]
    [InlineData(20, ContentProblemSeverity.Warning, "nugget 'forsta-steget': estimated_minutes is 20, outside the recommended 5-15 minutes; split a long nugget in two or merge a short one with its neighbour")]
    [InlineData(0, ContentProblemSeverity.Error, "nugget 'forsta-steget': estimated_minutes must be more than 0; give the reading and answering time in minutes")]
    public async Task NuggetMinutesOutsideRange_IsReported(int minutes, ContentProblemSeverity severity, string message)
    {
        WriteFirstNugget(CourseTexts.ReplaceLine(CourseTexts.FirstNugget, 4, $"estimated_minutes: {minutes}"));

        var result = await LoadAsync();

        AssertProblem(Assert.Single(result.Problems), FirstNuggetFile, 4, 20, severity, message);
        Assert.Equal(severity == ContentProblemSeverity.Warning, result.Course is not null);
    }

    [Fact]
    public async Task MediaWithHttpUrl_IsError()
    {
        WriteFirstNugget(CourseTexts.InsertLine(CourseTexts.FirstNugget, 5, """
            media:
              type: image
              url: http://example.org/bild.png
              title: "Bild"
              text_alternative: "En hand under kranen"
            """));

        var result = await LoadAsync();

        AssertProblem(Assert.Single(result.Problems), FirstNuggetFile, 7, 8, ContentProblemSeverity.Error,
            "media of nugget 'forsta-steget': 'http://example.org/bild.png' is not an absolute https link; write the full address starting with https://");
    }

    [Fact]
    public async Task UnknownMediaType_IsError()
    {
        WriteFirstNugget(CourseTexts.InsertLine(CourseTexts.FirstNugget, 5, """
            media:
              type: podcast
              url: https://example.org/ljud.mp3
              title: "Ljud"
              text_alternative: "Utskrift"
            """));

        var result = await LoadAsync();

        AssertProblem(Assert.Single(result.Problems), FirstNuggetFile, 6, 9, ContentProblemSeverity.Error,
            "media of nugget 'forsta-steget': type 'podcast' is not known; use `image`, `video` or `audio`");
    }

    [Theory]
    [InlineData("video")]
    [InlineData("audio")]
    public async Task TimeBasedMediaWithoutTextAlternative_IsError(string type)
    {
        WriteFirstNugget(CourseTexts.InsertLine(CourseTexts.FirstNugget, 5, $"""
            media:
              type: {type}
              url: https://example.org/film
              title: "Film"
            """));

        var result = await LoadAsync();

        AssertProblem(Assert.Single(result.Problems), FirstNuggetFile, 6, 3, ContentProblemSeverity.Error,
            $"media of nugget 'forsta-steget': {type} needs `text_alternative:` with a transcript or description, for learners who cannot see or hear it");
    }

    [Fact]
    public async Task ImageWithoutTextAlternative_IsWarning()
    {
        WriteFirstNugget(CourseTexts.InsertLine(CourseTexts.FirstNugget, 5, """
            media:
              type: image
              url: https://example.org/bild.png
              title: "Bild"
            """));

        var result = await LoadAsync();

        AssertProblem(Assert.Single(result.Problems), FirstNuggetFile, 6, 3, ContentProblemSeverity.Warning,
            "media of nugget 'forsta-steget': the image has no `text_alternative:`; add alt text that says what the image shows, for screen reader users");
        Assert.Equal(MediaKind.Image, result.Course!.Nuggets[0].Media!.Kind);
    }

    [Fact]
    public async Task RelativeDeepDiveLink_IsError()
    {
        WriteFirstNugget(CourseTexts.InsertLine(CourseTexts.FirstNugget, 5, """
            links:
              - title: "Mer"
                url: /intranat/mer
            """));

        var result = await LoadAsync();

        AssertProblem(Assert.Single(result.Problems), FirstNuggetFile, 7, 10, ContentProblemSeverity.Error,
            "a link in nugget 'forsta-steget': '/intranat/mer' is not an absolute https link; write the full address starting with https://");
    }

    [Fact]
    public async Task HttpLinkInBody_PointsAtBodyLine()
    {
        WriteFirstNugget(CourseTexts.FirstNugget + "Se [den här sidan](http://example.org/sida).\n");

        var result = await LoadAsync();

        AssertProblem(Assert.Single(result.Problems), FirstNuggetFile, 19, 4, ContentProblemSeverity.Error,
            "nugget 'forsta-steget': the link 'http://example.org/sida' in the body is not an absolute https link; write the full address starting with https://");
    }

    [Fact]
    public async Task TableInBody_IsWarning()
    {
        WriteFirstNugget(CourseTexts.FirstNugget + "| Steg | Tid |\n|---|---|\n| Ett | 5 |\n");

        var result = await LoadAsync();

        AssertProblem(Assert.Single(result.Problems), FirstNuggetFile, 19, 1, ContentProblemSeverity.Warning,
            "nugget 'forsta-steget': Teams cards cannot show tables, so the bot leaves this one out; write the rows as a bulleted list instead");
        Assert.NotNull(result.Course);
    }

    [Fact]
    public async Task RawHtmlInBody_IsWarning()
    {
        WriteFirstNugget(CourseTexts.FirstNugget + "Text med <b>html</b>.\n");

        var result = await LoadAsync();

        Assert.Equal(2, result.Problems.Count);
        AssertProblem(result.Problems[0], FirstNuggetFile, 19, 10, ContentProblemSeverity.Warning,
            "nugget 'forsta-steget': Teams cards cannot show raw HTML, so the bot leaves it out; use Markdown such as **bold** or a list instead");
        Assert.Equal(19, result.Problems[1].Line);
        Assert.Equal(17, result.Problems[1].Column);
    }

    [Fact]
    public async Task ImageInBody_IsWarning()
    {
        WriteFirstNugget(CourseTexts.FirstNugget + "![Diagram](https://example.org/diagram.png)\n");

        var result = await LoadAsync();

        AssertProblem(Assert.Single(result.Problems), FirstNuggetFile, 19, 1, ContentProblemSeverity.Warning,
            "nugget 'forsta-steget': Teams cards cannot show images in the body text, so the bot leaves this one out; put the image under `media:` in the front matter instead");
    }

    [Fact]
    public async Task EmptyBody_IsWarning()
    {
        var lines = CourseTexts.FirstNugget.Split('\n')[..15];
        WriteFirstNugget(string.Join('\n', lines) + "\n");

        var result = await LoadAsync();

        AssertProblem(Assert.Single(result.Problems), FirstNuggetFile, 16, 1, ContentProblemSeverity.Warning,
            "nugget 'forsta-steget' has no body text; write the lesson in Markdown after the closing `---` line");
    }

    [Fact]
    public async Task NotUtf8_IsError()
    {
        var path = Path.Combine(_content.CoursePath(), "01-forsta-steget.md");
        var latin1 = System.Text.Encoding.Latin1.GetBytes(CourseTexts.FirstNugget);
        await File.WriteAllBytesAsync(path, latin1);

        var result = await LoadAsync();

        AssertProblem(Assert.Single(result.Problems), FirstNuggetFile, 1, 1, ContentProblemSeverity.Error,
            "the file is not valid UTF-8; save it with UTF-8 encoding so that å, ä and ö come through");
    }

    [Fact]
    public async Task CrLfLineEndings_Load()
    {
        WriteFirstNugget(CourseTexts.FirstNugget.Replace("\n", "\r\n", StringComparison.Ordinal));

        var result = await LoadAsync();

        Assert.Empty(result.Problems);
        Assert.Equal("Första steget", result.Course!.Nuggets[0].Title);
    }

    [Fact]
    public async Task ByteOrderMarkInCourseFile_Loads()
    {
        var path = Path.Combine(_content.CoursePath(), "course.yaml");
        await File.WriteAllBytesAsync(path, [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(CourseTexts.CourseYaml)]);

        var result = await LoadAsync();

        Assert.Empty(result.Problems);
        Assert.Equal("Lär dig i små steg", result.Course!.Original.Title);
    }

    [Fact]
    public async Task CarriageReturnLineEndings_Load()
    {
        WriteFirstNugget(CourseTexts.FirstNugget.Replace("\n", "\r", StringComparison.Ordinal));

        var result = await LoadAsync();

        Assert.Empty(result.Problems);
        Assert.Equal("Första steget", result.Course!.Nuggets[0].Title);
    }

    [Theory]
    [InlineData(9, "\ttype: single", 1)]
    [InlineData(5, "  \treflection: \"Vad tar du med dig?\"", 3)]
    public async Task TabIndentation_PointsAtTab(int line, string text, int column)
    {
        WriteFirstNugget(CourseTexts.ReplaceLine(CourseTexts.FirstNugget, line, text));

        var result = await LoadAsync();

        var problem = Assert.Single(result.Problems);
        Assert.Equal(Path.Combine(_content.CoursesPath, FirstNuggetFile), problem.FilePath);
        Assert.Equal(line, problem.Line);
        Assert.Equal(column, problem.Column);
        Assert.Contains("spaces, not tabs", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EarlierSyntaxError_IgnoresLaterTab()
    {
        var text = CourseTexts.ReplaceLine(CourseTexts.FirstNugget, 3, "title: Första: steget");
        WriteFirstNugget(CourseTexts.ReplaceLine(text, 9, "\ttype: single"));

        var result = await LoadAsync();

        var problem = Assert.Single(result.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Equal(14, problem.Column);
    }

    [Fact]
    public async Task CourseFileAsList_SaysWhatToWrite()
    {
        _content.Write("sma-steg/course.yaml", "- title\n- description\n");

        var result = await LoadAsync();

        AssertProblem(Assert.Single(result.Problems), "sma-steg/course.yaml", 1, 1, ContentProblemSeverity.Error,
            "course.yaml must consist of `key: value` lines, but it is a list; write each setting as `key: value` on its own line");
    }

    [Fact]
    public async Task NoNuggetFiles_IsError()
    {
        File.Delete(Path.Combine(_content.CoursePath(), "01-forsta-steget.md"));
        File.Delete(Path.Combine(_content.CoursePath(), "02-andra-steget.md"));

        var result = await LoadAsync();

        AssertProblem(Assert.Single(result.Problems), "sma-steg/course.yaml", 1, 1, ContentProblemSeverity.Error,
            "the course has no nugget files; add one Markdown file per nugget next to course.yaml, named 01-<slug>.md, 02-<slug>.md, ...");
    }

    [Fact]
    public async Task GarbageFiles_NeverThrow()
    {
        string[] texts =
        [
            "", "---", "---\n---\n", "---\n- a\n- b\n---\n", "---\nid: [\n---\n", "---\nchecks: 3\nmedia: x\nlinks: {}\n---\n",
            "---\nchecks:\n  - 1\n  - id: q\n    choices: [1, 2]\n---\n", "\uFEFF---\nid: x\n---\n", "---\nid: *unknown\n---\n",
            "---\nid: &a x\ntitle: *a\n---\n", "---\n? [a, b]\n: c\n---\n",
        ];
        foreach (var text in texts)
        {
            WriteFirstNugget(text);
            _content.Write("sma-steg/course.yaml", text.Replace("---", "", StringComparison.Ordinal));

            var result = await LoadAsync();

            Assert.True(result.HasErrors, $"expected errors for: {text}");
            Assert.Null(result.Course);
        }
    }

    [Fact]
    public async Task ProblemsOfSeveralFiles_AreAllReported()
    {
        WriteFirstNugget(CourseTexts.ReplaceLine(CourseTexts.FirstNugget, 2, "id: X"));
        _content.Write("sma-steg/02-andra-steget.md", CourseTexts.ReplaceLine(CourseTexts.SecondNugget, 3, "title: \"\""));

        var result = await LoadAsync();

        Assert.Equal(2, result.Problems.Count);
        Assert.EndsWith("01-forsta-steget.md", result.Problems[0].FilePath, StringComparison.Ordinal);
        Assert.EndsWith("02-andra-steget.md", result.Problems[1].FilePath, StringComparison.Ordinal);
        Assert.Equal("nugget 'andra-steget': 'title' is empty; write `title: \"The heading of the lesson card\"`", result.Problems[1].Message);
    }

    private async Task<CourseLoadResult> LoadAsync() => await new CourseLoader().LoadCourseAsync(_content.CoursePath());

    private void WriteFirstNugget(string text) => _content.Write(FirstNuggetFile, text);

    private void AssertProblem(ContentProblem problem, string relativeFile, int line, int column, ContentProblemSeverity severity, string message)
    {
        Assert.Equal(message, problem.Message);
        Assert.Equal(Path.Combine(_content.CoursesPath, relativeFile), problem.FilePath);
        Assert.Equal(line, problem.Line);
        Assert.Equal(column, problem.Column);
        Assert.Equal(severity, problem.Severity);
    }
}
