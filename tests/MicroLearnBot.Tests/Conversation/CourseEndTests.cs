using MicroLearnBot.Tests.Support;

namespace MicroLearnBot.Tests.Conversation;

/// <summary>After the last lesson the bot reports the course as finished instead of promising another lesson.</summary>
public sealed class CourseEndTests : IAsyncLifetime
{
    private FakeTeamsConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeTeamsConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task LastLessonFeedbackSaysFinished()
    {
        await using var bot = await BotTestHost.StartAsync(FakeTime.AtStockholm(2026, 12, 7, 10, 0), new StaticCourseCatalog(TestCourses.Create(nuggetCount: 2)));
        await bot.PostActivityAsync(Activities.Install(_connector.ServiceUrl));
        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "starta testkurs"));

        var firstFeedback = await AnswerNextLessonAsync(bot, "Lektion 1");
        var lastFeedback = await AnswerNextLessonAsync(bot, "Lektion 2");

        Assert.Contains("Nästa lektion nu", firstFeedback.CardText, StringComparison.Ordinal);
        Assert.DoesNotContain("kursens sista lektion", firstFeedback.CardText, StringComparison.Ordinal);
        Assert.Contains("Det var kursens sista lektion.", lastFeedback.CardText, StringComparison.Ordinal);
        Assert.DoesNotContain("Nästa lektion", lastFeedback.CardText, StringComparison.Ordinal);

        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "status"));
        var status = await _connector.WaitForActivityAsync(r => r.CardText.Contains("Så går det för dig", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        Assert.Contains("Inga fler, kursen är klar", status.CardText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LateAnswerToEarlierLessonIsNotLast()
    {
        await using var bot = await BotTestHost.StartAsync(FakeTime.AtStockholm(2026, 12, 7, 10, 0), new StaticCourseCatalog(TestCourses.Create(nuggetCount: 2)));
        await bot.PostActivityAsync(Activities.Install(_connector.ServiceUrl));
        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "starta testkurs"));
        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "mer"));
        var first = await _connector.WaitForActivityAsync(r => r.CardText.Contains("Lektion 1", StringComparison.Ordinal) && r.CardText.Contains("Skicka svar", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "mer"));
        await _connector.WaitForActivityAsync(r => r.CardText.Contains("Lektion 2", StringComparison.Ordinal) && r.CardText.Contains("Skicka svar", StringComparison.Ordinal), TimeSpan.FromSeconds(15));

        var inputs = new Dictionary<string, string> { ["reflection"] = "Sent svar", ["check:del-1:q1"] = "a" };
        await bot.PostActivityAsync(Activities.Submit(_connector.ServiceUrl, Activities.SubmitData(first.Card!, "answer"), inputs));

        var feedback = await _connector.WaitForActivityAsync(r => r.CardText.Contains("Ditt svar är sparat", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        Assert.DoesNotContain("kursens sista lektion", feedback.CardText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PausedStatusPlansNothing()
    {
        await using var bot = await BotTestHost.StartAsync(FakeTime.AtStockholm(2026, 12, 7, 10, 0), new StaticCourseCatalog(TestCourses.Create(nuggetCount: 2)));
        await bot.PostActivityAsync(Activities.Install(_connector.ServiceUrl));
        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "starta testkurs"));
        await AnswerNextLessonAsync(bot, "Lektion 1");

        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "paus"));
        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "status"));

        var status = await _connector.WaitForActivityAsync(r => r.CardText.Contains("Så går det för dig", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        var facts = status.Card!["body"]!.AsArray().Single(e => (string?)e!["type"] == "FactSet")!["facts"]!.AsArray();
        Assert.Equal("Pausad", (string?)facts.Single(f => (string?)f!["title"] == "Nästa repetition")!["value"]);
        Assert.Equal("Pausad", (string?)facts.Single(f => (string?)f!["title"] == "Nästa lektion")!["value"]);
    }

    private async Task<RecordedRequest> AnswerNextLessonAsync(BotTestHost bot, string lessonTitle)
    {
        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "mer"));
        var lesson = await _connector.WaitForActivityAsync(r => r.CardText.Contains(lessonTitle, StringComparison.Ordinal) && r.CardText.Contains("Skicka svar", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        var data = Activities.SubmitData(lesson.Card!, "answer");
        var inputs = new Dictionary<string, string> { ["reflection"] = "En tanke" };
        foreach (var question in ((string?)data["asks"] ?? "").Split(',').Where(id => !id.EndsWith(":reflection", StringComparison.Ordinal)))
        {
            inputs[$"check:{question}"] = "a";
        }

        return await _connector.WaitForNewActivityAsync(
            () => bot.PostActivityAsync(Activities.Submit(_connector.ServiceUrl, data, inputs)),
            r => r.CardText.Contains("Ditt svar är sparat", StringComparison.Ordinal));
    }
}
