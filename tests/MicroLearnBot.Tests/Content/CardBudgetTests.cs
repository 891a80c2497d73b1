using System.Text.Json.Nodes;
using MicroLearnBot.Content;
using MicroLearnBot.Learning.Courses;

namespace MicroLearnBot.Tests.Content;

public sealed class CardBudgetTests : IDisposable
{
    private readonly TempContentFolder _content = new();

    public CardBudgetTests() => _content.WriteValidCourse();

    public void Dispose() => _content.Dispose();

    [Fact]
    public async Task OversizedNugget_IsError()
    {
        var paragraph = string.Concat(Enumerable.Repeat("Ord och mer ord. ", 50));
        var body = string.Join("\n\n", Enumerable.Repeat(paragraph, 100));
        var path = _content.Write("sma-steg/01-forsta-steget.md", CourseTexts.FirstNugget + body + "\n");

        var result = await new CourseLoader().LoadCourseAsync(_content.CoursePath());

        var problem = Assert.Single(result.Problems);
        Assert.Equal(path, problem.FilePath);

        // The first line of the body, the part that usually makes a card too big.
        Assert.Equal(16, problem.Line);
        Assert.Equal(ContentProblemSeverity.Error, problem.Severity);
        Assert.Matches(@"^nugget 'forsta-steget' \(Swedish\) renders to a Teams message of [\d,]+ characters, over the 80,000 the bot allows; shorten the body, the transcript or the choices, or split the nugget in two$", problem.Message);
        Assert.Null(result.Course);
    }

    [Fact]
    public async Task CardVersionAboveTeamsLimit_IsError()
    {
        var renderer = new FixedCardRenderer(new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.6", ["body"] = new JsonArray() });

        var result = await new CourseLoader(renderer).LoadCourseAsync(_content.CoursePath());

        Assert.Equal(2, result.Problems.Count);
        Assert.Equal("nugget 'forsta-steget' renders to a card with version '1.6'; Teams needs an Adaptive Card version of at most 1.5, so the renderer must set it", result.Problems[0].Message);
        Assert.EndsWith("01-forsta-steget.md", result.Problems[0].FilePath, StringComparison.Ordinal);
        Assert.EndsWith("02-andra-steget.md", result.Problems[1].FilePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CardWithoutVersion_IsError()
    {
        var renderer = new FixedCardRenderer(new JsonObject { ["type"] = "AdaptiveCard", ["body"] = new JsonArray() });

        var result = await new CourseLoader(renderer).LoadCourseAsync(_content.CoursePath());

        Assert.Equal("nugget 'forsta-steget' renders to a card with version ''; Teams needs an Adaptive Card version of at most 1.5, so the renderer must set it", result.Problems[0].Message);
    }

    [Fact]
    public async Task FailingRenderer_BecomesProblem()
    {
        var result = await new CourseLoader(new FailingRenderer()).LoadCourseAsync(_content.CoursePath());

        Assert.Equal(2, result.Problems.Count);
        Assert.Equal("nugget 'forsta-steget' could not be rendered as a card: no template for this nugget", result.Problems[0].Message);
        Assert.Null(result.Course);
    }

    [Fact]
    public async Task TranslatedCards_AreCheckedPerLanguage()
    {
        _content.WriteEnglishTranslation();
        var renderer = new RecordingRenderer();

        var result = await new CourseLoader(renderer).LoadCourseAsync(_content.CoursePath());

        Assert.Empty(result.Problems);
        Assert.Equal(["sv:forsta-steget", "sv:andra-steget", "en:forsta-steget", "en:andra-steget"], renderer.Rendered);
    }

    [Fact]
    public void MeasureActivity_CountsSwedishLettersOnce()
    {
        var plain = new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5", ["text"] = new string('a', 1000) };
        var swedish = new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5", ["text"] = new string('å', 1000) };

        Assert.Equal(LessonCardBudget.MeasureActivity(plain), LessonCardBudget.MeasureActivity(swedish));
    }

    [Fact]
    public void MeasureActivity_OverestimatesEmoji()
    {
        var ascii = new JsonObject { ["text"] = "aa" };
        var emoji = new JsonObject { ["text"] = "\U0001F600" };

        // An emoji is two UTF-16 code units but serializes as two \u escapes of six characters each.
        Assert.Equal(LessonCardBudget.MeasureActivity(ascii) + 10, LessonCardBudget.MeasureActivity(emoji));
    }

    [Fact]
    public async Task UnexpectedFailure_LeavesCourseOutWithError()
    {
        // NaN cannot be written as JSON, so measuring this card throws outside the renderer's own guard.
        var card = new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5", ["body"] = new JsonArray(), ["speak"] = JsonValue.Create(double.NaN) };

        var result = await new CourseLoader(new FixedCardRenderer(card)).LoadCourseAsync(_content.CoursePath());

        Assert.Null(result.Course);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(Path.Combine(_content.CoursePath(), "course.yaml"), problem.FilePath);
        Assert.StartsWith("the course could not be loaded because of an unexpected ArgumentException (", problem.Message, StringComparison.Ordinal);
    }

    private sealed class FixedCardRenderer(JsonObject card) : ILessonCardPreviewRenderer
    {
        public JsonObject RenderLessonCard(Course course, Nugget nugget, string language) => (JsonObject)card.DeepClone();
    }

    private sealed class FailingRenderer : ILessonCardPreviewRenderer
    {
        public JsonObject RenderLessonCard(Course course, Nugget nugget, string language) =>
            throw new InvalidOperationException("no template for this nugget");
    }

    private sealed class RecordingRenderer : ILessonCardPreviewRenderer
    {
        private readonly LessonCardPreviewRenderer _inner = LessonCardPreviewRenderer.ForPreview();

        public List<string> Rendered { get; } = [];

        public JsonObject RenderLessonCard(Course course, Nugget nugget, string language)
        {
            Rendered.Add($"{language}:{nugget.Id}");
            return _inner.RenderLessonCard(course, nugget, language);
        }
    }
}
