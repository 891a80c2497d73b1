using MicroLearnBot.Cli;

namespace MicroLearnBot.Tests.Content;

public sealed class ContentCommandsTests : IDisposable
{
    private readonly TempContentFolder _content = new();

    public ContentCommandsTests() => _content.WriteValidCourse();

    private string WorkingDirectory => Path.GetDirectoryName(_content.Root)!;

    public void Dispose() => _content.Dispose();

    [Fact]
    public async Task ValidateValidContent_ExitsZero()
    {
        var (exitCode, output, error) = await RunAsync("content", "validate", "content");

        Assert.Equal(0, exitCode);
        Assert.Equal("1 course checked, 1 valid: 0 errors, 0 warnings\n", output);
        Assert.Equal("", error);
    }

    [Fact]
    public async Task ValidateDefaultFolder_IsContent()
    {
        var (exitCode, output, _) = await RunAsync("content", "validate");

        Assert.Equal(0, exitCode);
        Assert.Equal("1 course checked, 1 valid: 0 errors, 0 warnings\n", output);
    }

    [Theory]
    [InlineData("content/courses")]
    [InlineData("content/courses/sma-steg")]
    [InlineData("content/courses/sma-steg/")]
    public async Task ValidateAcceptsCoursesOrCourseFolder(string folder)
    {
        var (exitCode, output, _) = await RunAsync("content", "validate", folder);

        Assert.Equal(0, exitCode);
        Assert.Equal("1 course checked, 1 valid: 0 errors, 0 warnings\n", output);
    }

    [Fact]
    public async Task ValidateErrors_PrintFileLineColumn()
    {
        _content.Write("sma-steg/01-forsta-steget.md", CourseTexts.InsertLine(CourseTexts.FirstNugget, 14, "        correct: true"));
        _content.Write("sma-steg/02-andra-steget.md", CourseTexts.ReplaceLine(CourseTexts.SecondNugget, 4, "estimated_minutes: 30"));

        var (exitCode, output, _) = await RunAsync("content", "validate", "content");

        Assert.Equal(1, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal("content/courses/sma-steg/01-forsta-steget.md:10:5: error: check 'q1' has 2 choices marked correct; a single-choice question needs exactly one: mark one choice `correct: true` or set `type: multiple`", lines[0]);
        Assert.Equal("content/courses/sma-steg/02-andra-steget.md:4:20: warning: nugget 'andra-steget': estimated_minutes is 30, outside the recommended 5-15 minutes; split a long nugget in two or merge a short one with its neighbour", lines[1]);
        Assert.Equal("1 course checked, 0 valid: 1 error, 1 warning", lines[2]);
    }

    [Fact]
    public async Task ValidateWarningsOnly_ExitsZero()
    {
        _content.Write("sma-steg/02-andra-steget.md", CourseTexts.ReplaceLine(CourseTexts.SecondNugget, 4, "estimated_minutes: 30"));

        var (exitCode, output, _) = await RunAsync("content", "validate", "content");

        Assert.Equal(0, exitCode);
        Assert.EndsWith("1 course checked, 1 valid: 0 errors, 1 warning\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateBrokenCourse_KeepsOthersValid()
    {
        _content.WriteValidCourse("andra-kursen");
        _content.Write("andra-kursen/course.yaml", "title: [\n");

        var (exitCode, output, _) = await RunAsync("content", "validate", "content");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("content/courses/andra-kursen/course.yaml:2:1: error: invalid YAML:", output, StringComparison.Ordinal);
        Assert.EndsWith("2 courses checked, 1 valid: 1 error, 0 warnings\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateMissingFolder_ExitsOne()
    {
        var (exitCode, output, _) = await RunAsync("content", "validate", "finns-inte");

        Assert.Equal(1, exitCode);
        Assert.Contains(": error: content folder not found;", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateFile_NamesItsCourseFolder()
    {
        var (exitCode, output, _) = await RunAsync("content", "validate", "content/courses/sma-steg/01-forsta-steget.md");

        Assert.Equal(1, exitCode);
        Assert.Contains("01-forsta-steget.md:1:1: error: content validate checks folders, not single files; run `content validate ", output, StringComparison.Ordinal);
        Assert.Contains("sma-steg` to check the course that holds this file", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing content command: use `content validate` or `content preview`", "content")]
    [InlineData("unknown content command 'publish': use `content validate` or `content preview`", "content", "publish")]
    [InlineData("content validate takes at most one folder, but got: a b", "content", "validate", "a", "b")]
    [InlineData("unknown option '--strict' for content validate: it takes only a folder, such as `content validate content/`", "content", "validate", "--strict")]
    [InlineData("content preview needs a course id, the name of the course's folder", "content", "preview")]
    [InlineData("option --out needs a folder after it", "content", "preview", "sma-steg", "--out")]
    [InlineData("unknown option '--force' for content preview", "content", "preview", "sma-steg", "--force")]
    [InlineData("'../etc' is not a course id; a course id is the course's folder name, such as `sma-steg`", "content", "preview", "../etc")]
    public async Task InvalidCommandLine_ExitsTwoWithUsage(string message, params string[] args)
    {
        var (exitCode, output, error) = await RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.StartsWith(message + "\nUsage:\n", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PreviewWritesCardsAndPage()
    {
        _content.WriteEnglishTranslation();

        var (exitCode, output, error) = await RunAsync("content", "preview", "sma-steg", "--out", "preview");

        Assert.True(exitCode == 0, error);
        Assert.Equal("wrote 4 cards and preview/index.html\n", output);
        var preview = Path.Combine(WorkingDirectory, "preview");
        Assert.True(File.Exists(Path.Combine(preview, "forsta-steget.json")));
        Assert.True(File.Exists(Path.Combine(preview, "andra-steget.json")));
        Assert.True(File.Exists(Path.Combine(preview, "en", "forsta-steget.json")));
        Assert.True(File.Exists(Path.Combine(preview, "adaptivecards.min.js")));
        Assert.Contains("\"version\": \"1.5\"", await File.ReadAllTextAsync(Path.Combine(preview, "forsta-steget.json")), StringComparison.Ordinal);
        var cardBytes = await File.ReadAllBytesAsync(Path.Combine(preview, "forsta-steget.json"));
        Assert.Equal((byte)'{', cardBytes[0]);
    }

    [Fact]
    public async Task PreviewDefaultOut_IsPreviewCourseFolder()
    {
        var (exitCode, output, _) = await RunAsync("content", "preview", "sma-steg");

        Assert.Equal(0, exitCode);
        Assert.Equal("wrote 2 cards and preview/sma-steg/index.html\n", output);
    }

    [Fact]
    public async Task PreviewUnknownCourse_ExitsOne()
    {
        var (exitCode, _, error) = await RunAsync("content", "preview", "finns-inte");

        Assert.Equal(1, exitCode);
        Assert.Equal("course 'finns-inte' not found: there is no folder content/courses/finns-inte; check the id or pass --content\n", error);
    }

    [Fact]
    public async Task PreviewMissingContentFolder_NamesIt()
    {
        var (exitCode, _, error) = await RunAsync("content", "preview", "sma-steg", "--content", "saknas");

        Assert.Equal(1, exitCode);
        Assert.Equal("content folder saknas not found; run the command in the repository or pass --content with the folder that holds courses/\n", error);
    }

    [Fact]
    public async Task PreviewCourseWithErrors_ExitsOne()
    {
        _content.Write("sma-steg/01-forsta-steget.md", CourseTexts.ReplaceLine(CourseTexts.FirstNugget, 2, "id: X"));

        var (exitCode, output, error) = await RunAsync("content", "preview", "sma-steg");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("content/courses/sma-steg/01-forsta-steget.md:2:5: error: nugget id 'X' is invalid;", output, StringComparison.Ordinal);
        Assert.Equal("course 'sma-steg' has errors; fix them and run the preview again\n", error);
        Assert.False(Directory.Exists(Path.Combine(WorkingDirectory, "preview")));
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var exitCode = await ContentCommands.RunAsync(args, output, error, cardRenderer: null, WorkingDirectory, CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}
