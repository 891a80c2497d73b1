using System.Text.Json.Nodes;
using Json.Schema;
using MicroLearnBot.Channels.BotFramework.Cards;
using MicroLearnBot.Conversation.Texts;
using MicroLearnBot.Conversation.Views;
using MicroLearnBot.Learning.Courses;
using MicroLearnBot.Tests.Support;

namespace MicroLearnBot.Tests.Channels;

public sealed class AdaptiveCardRendererTests
{
    private static readonly Lazy<JsonSchema> CardSchema = new(() =>
        JsonSchema.FromText(File.ReadAllText(SharedReference.PathOf(Path.Combine("reference", "schemas", "adaptive-card-1.5.json")))));

    private readonly AdaptiveCardRenderer _renderer = new(TextCatalog.Default);

    public static TheoryData<string> Languages => new() { "sv", "en" };

    private static IEnumerable<ReplyView> AllViews(string language)
    {
        var course = TestCourses.Create();
        var version = course.VersionFor(language);
        var summary = new CourseSummary(course.Id, version.Title, version.Description, version.Language, 3, 15, IsEnrolled: false);
        var local = new DateTime(2026, 12, 7, 8, 30, 0);
        yield return new HelpView(false) { Language = language };
        yield return new HelpView(true) { Language = language };
        yield return new WelcomeView(new TimeOnly(8, 30), [summary]) { Language = language };
        yield return new CatalogView([summary, summary with { IsEnrolled = true }]) { Language = language };
        yield return new EnrollmentView(summary, local, false) { Language = language };
        yield return new LessonView(course.Id, version.Title, version.Nuggets[0], Guid.NewGuid(), 1, 3)
        {
            Language = language,
            PreviousReflections = [new PreviousReflection("förra *gången*", local)],
        };
        yield return new FeedbackView(version.Nuggets[0].Title, "min text", [new CheckFeedback("q", "Fråga?", false, ["Svar"], "Därför.")], false) { Language = language, NextDeliveryLocal = local };
        yield return new MyDataView("Användare", language, new TimeOnly(8, 30), "Europe/Stockholm", local, false,
            [new EnrollmentSummary(version.Title, local, 1, 3)], [new AnswerSummary(version.Title, "Fråga?", "mitt svar", true, local)])
        {
            Language = language,
            DailyMinutes = 10,
            Account = new LearnerAccount("msteams", "tenant-1", "aad-1", "a:1", "sv-SE"),
            AnswerCount = 2,
            PartCount = 2,
        };
        yield return new MyDataAnswersView(2, 2, [new AnswerSummary(version.Title, "Fråga?", "äldre svar", null, local)]) { Language = language };
        yield return new MessageView([LocalizedText.Of("time.set", new LocalTimeArgument(new TimeOnly(9, 0)))]) { Language = language };
    }

    [Fact]
    public void LessonSummary_IsNuggetTitle()
    {
        var course = TestCourses.Create();
        var nugget = course.Original.Nuggets[0];
        var view = new LessonView(course.Id, course.Original.Title, nugget, Guid.NewGuid(), 1, 3) { Language = "sv" };

        var card = _renderer.Render(view);

        Assert.Equal(nugget.Title, card.Summary);
        Assert.Null(card.ToJson()["summary"]);
    }

    [Fact]
    public void MessageSummary_IsFirstLineWithoutMarks()
    {
        var view = new MessageView([LocalizedText.Of("enroll.notFound", "kurs-x")]) { Language = "sv" };

        var card = _renderer.Render(view);

        Assert.Equal("Jag hittar ingen kurs med id kurs-x. Skriv kurser för att se vilka kurser som finns.", card.Summary);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryCardHasShortSummary(string language)
    {
        foreach (var view in AllViews(language))
        {
            var summary = _renderer.Render(view).Summary;

            Assert.False(string.IsNullOrWhiteSpace(summary), $"{view.GetType().Name} ({language}) has no summary.");
            Assert.True(summary.Length <= 120, $"{view.GetType().Name} ({language}) has a summary of {summary.Length} characters.");
            Assert.DoesNotContain('\n', summary);
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryCardValidatesAgainstSchema(string language)
    {
        foreach (var view in AllViews(language))
        {
            var card = _renderer.Render(view).ToJson();
            var result = CardSchema.Value.Evaluate(System.Text.Json.JsonDocument.Parse(card.ToJsonString()).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

            Assert.True(result.IsValid, $"{view.GetType().Name} ({language}) is not a valid Adaptive Card 1.5: {Describe(result)}");
            Assert.Equal("1.5", (string?)card["version"]);
            Assert.False(string.IsNullOrEmpty((string?)card["fallbackText"]));
        }
    }

    [Fact]
    public void SchemaRejectsBrokenCard()
    {
        var broken = System.Text.Json.JsonDocument.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock"}]}""").RootElement;

        Assert.False(CardSchema.Value.Evaluate(broken).IsValid);
    }

    [Fact]
    public void LearnerTextIsNeverMarkdown()
    {
        const string typed = "**fet** _kursiv_ [länk](https://example.org) <b>html</b> & åäö 🙂";
        var view = new FeedbackView("Titel", typed, [], false) { Language = "sv" };

        var card = _renderer.Render(view).ToJson().ToJsonString(MicroLearnBot.Channels.BotFramework.Activities.ActivityJson.Options);
        var runs = JsonNode.Parse(card)!["body"]!.AsArray().Where(e => (string?)e!["type"] == "RichTextBlock").SelectMany(e => e!["inlines"]!.AsArray()).ToList();

        Assert.Contains(runs, run => (string?)run!["text"] == typed);
        Assert.DoesNotContain("&lt;", card, StringComparison.Ordinal);
    }

    [Fact]
    public void LessonHasReflectionInputAndChecks()
    {
        var course = TestCourses.Create();
        var nugget = course.Nuggets[0];
        var view = new LessonView(course.Id, "Testkurs", nugget, Guid.NewGuid(), 1, 3) { Language = "sv" };

        var card = _renderer.Render(view).ToJson();
        var body = card["body"]!.AsArray();
        var reflection = body.Single(e => (string?)e!["type"] == "Input.Text")!;
        var choice = body.Single(e => (string?)e!["type"] == "Input.ChoiceSet")!;
        var submit = card["actions"]!.AsArray().Single(a => (string?)a!["type"] == "Action.Submit")!;

        Assert.Equal("reflection", (string?)reflection["id"]);
        Assert.Equal(nugget.Reflection.Prompt, (string?)reflection["label"]);
        Assert.Equal(4000, (int?)reflection["maxLength"]);
        Assert.Equal("Skriv dina tankar här, högst 4\u00a0000 tecken …", (string?)reflection["placeholder"]);
        Assert.Equal("check:del-1:q1", (string?)choice["id"]);
        Assert.Equal("answer", (string?)submit["data"]!["action"]);
        Assert.Null(submit["associatedInputs"]);
    }

    [Theory]
    [InlineData("sv", CheckKind.MultipleChoice, "Vilket svar är rätt? (välj alla som stämmer)")]
    [InlineData("en", CheckKind.MultipleChoice, "Which answer is right? (choose all that apply)")]
    [InlineData("sv", CheckKind.SingleChoice, "Vilket svar är rätt?")]
    public void MultipleChoiceLabelAsksForAll(string language, CheckKind kind, string label)
    {
        var course = TestCourses.Create();
        var nugget = course.VersionFor(language).Nuggets[0];
        nugget = nugget with { Checks = [nugget.Checks[0] with { Kind = kind }] };
        var view = new LessonView(course.Id, "Testkurs", nugget, Guid.NewGuid(), 1, 3) { Language = language };

        var card = _renderer.Render(view).ToJson();

        var choice = card["body"]!.AsArray().Single(e => (string?)e!["type"] == "Input.ChoiceSet")!;
        Assert.Equal(label, (string?)choice["label"]);
        Assert.Equal(kind == CheckKind.MultipleChoice, (bool?)choice["isMultiSelect"] ?? false);
    }

    [Fact]
    public void MarkdownBodyBecomesCardSubset()
    {
        var elements = MarkdownCardText.ToElements("# Rubrik\n\nText med **fet** och _kursiv_ och [länk](https://example.org).\n\n1. ett\n2. två\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<div>html</div>");
        var texts = elements.Select(e => (string?)e.ToJson()["text"]).ToList();

        Assert.Equal("Rubrik", texts[0]);
        Assert.Equal("Text med **fet** och _kursiv_ och [länk](https://example.org).", texts[1]);
        Assert.Equal("1. ett\r2. två", texts[2]);
        Assert.Equal(3, texts.Count);
    }

    [Fact]
    public void MediaVideoGetsButtonAndTextAlternative()
    {
        var nugget = TestCourses.Create().Nuggets[0] with
        {
            Media = new NuggetMedia(MediaKind.Video, new Uri("https://example.org/film"), "Filmen", "Så här går det till."),
        };
        var view = new LessonView("testkurs", "Testkurs", nugget, Guid.NewGuid(), 1, 3) { Language = "sv" };

        var card = _renderer.Render(view).ToJson().ToJsonString(MicroLearnBot.Channels.BotFramework.Activities.ActivityJson.Options);

        Assert.Contains("\"Action.OpenUrl\"", card, StringComparison.Ordinal);
        Assert.Contains("Titta på videon", card, StringComparison.Ordinal);
        Assert.Contains("Textversion: Så här går det till.", card, StringComparison.Ordinal);
    }

    private static string Describe(EvaluationResults result) =>
        string.Join("; ", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).Take(5));
}
