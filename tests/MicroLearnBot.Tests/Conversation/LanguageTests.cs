using System.Text.RegularExpressions;
using MicroLearnBot.Tests.Support;

namespace MicroLearnBot.Tests.Conversation;

/// <summary>
/// With the real sample courses: an en-US learner gets English throughout, an sv-SE learner Swedish, and no card
/// mixes the two.
/// </summary>
public sealed partial class LanguageTests : IAsyncLifetime
{
    private FakeTeamsConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeTeamsConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task EnglishLocaleGetsEnglishThroughout()
    {
        var cards = await WalkThroughAsync("en-US", ["courses", "start sma-steg", "more"], "Send answer");

        foreach (var card in cards)
        {
            Assert.False(SwedishInterfaceWords().IsMatch(card), $"English card contains Swedish interface text:\n{card}");
        }

        Assert.Contains(cards, card => card.Contains("Welcome to MicroLearnBot", StringComparison.Ordinal));
        Assert.Contains(cards, card => card.Contains("Learn in small steps", StringComparison.Ordinal));
        Assert.Contains(cards, card => card.Contains("Thank you! Your answer is saved.", StringComparison.Ordinal));
        Assert.Contains(cards, card => card.Contains("more courses are available in Swedish only", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SwedishLocaleGetsSwedishThroughout()
    {
        var cards = await WalkThroughAsync("sv-SE", ["kurser", "starta sma-steg", "mer"], "Skicka svar");

        foreach (var card in cards)
        {
            Assert.False(EnglishInterfaceWords().IsMatch(card), $"Swedish card contains English interface text:\n{card}");
        }

        Assert.Contains(cards, card => card.Contains("Välkommen till MicroLearnBot!", StringComparison.Ordinal));
        Assert.Contains(cards, card => card.Contains("Lär dig i små steg", StringComparison.Ordinal));
        Assert.Contains(cards, card => card.Contains("Tack! Ditt svar är sparat.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LanguageCommandOverridesLocale()
    {
        var time = FakeTime.AtStockholm(2026, 12, 7, 10, 0);
        await using var bot = await BotTestHost.StartAsync(time);
        await bot.PostActivityAsync(Activities.Install(_connector.ServiceUrl, "sv-SE"));

        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "språk engelska", "sv-SE"));
        await _connector.WaitForActivityAsync(r => r.CardText.Contains("I will speak English with you from now on.", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "hjalp", "sv-SE"));

        await _connector.WaitForActivityAsync(r => r.CardText.Contains("How to use MicroLearnBot", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task SwedishOnlyCourseWarnsEnglishLearner()
    {
        var time = FakeTime.AtStockholm(2026, 12, 7, 10, 0);
        await using var bot = await BotTestHost.StartAsync(time);
        await bot.PostActivityAsync(Activities.Install(_connector.ServiceUrl, "en-US"));

        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "start informationssakerhet", "en-US"));

        var started = await _connector.WaitForActivityAsync(r => r.CardText.Contains("You have started", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        Assert.Contains("The lessons of this course are in Swedish.", started.CardText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfidenceReplyFollowsCourseLanguage()
    {
        await using var bot = await BotTestHost.StartAsync(FakeTime.AtStockholm(2026, 12, 7, 10, 0), new StaticCourseCatalog(TestCourses.Create(nuggetCount: 1, withEnglish: false)));
        var lesson = await EnglishLearnerGetsSwedishLessonAsync(bot);
        var inputs = new Dictionary<string, string> { ["reflection"] = "Tanke", ["check:del-1:q1"] = "a" };
        await bot.PostActivityAsync(Activities.Submit(_connector.ServiceUrl, Activities.SubmitData(lesson.Card!, "answer"), inputs, locale: "en-US"));
        var feedback = await _connector.WaitForActivityAsync(r => r.CardText.Contains("Helt säker", StringComparison.Ordinal), TimeSpan.FromSeconds(15));

        var certain = Activities.SubmitData(feedback.Card!, "rate", "rating", "4");
        await bot.PostActivityAsync(Activities.Submit(_connector.ServiceUrl, certain, new Dictionary<string, string>(), locale: "en-US"));

        await _connector.WaitForActivityAsync(r => r.CardText.Contains("Tack! Frågan ”Vilket svar är rätt?” kommer tillbaka", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        Assert.DoesNotContain(_connector.Requests, r => r.CardText.Contains("The question “", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerErrorFollowsLearnerLanguage()
    {
        await using var bot = await BotTestHost.StartAsync(FakeTime.AtStockholm(2026, 12, 7, 10, 0), new StaticCourseCatalog(TestCourses.Create(nuggetCount: 1, withEnglish: false)));
        var lesson = await EnglishLearnerGetsSwedishLessonAsync(bot);

        // The message names no course text, so it is in the learner's language even for a Swedish-only course.
        var inputs = new Dictionary<string, string> { ["reflection"] = new string('x', 4001) };
        await bot.PostActivityAsync(Activities.Submit(_connector.ServiceUrl, Activities.SubmitData(lesson.Card!, "answer"), inputs, locale: "en-US"));

        await _connector.WaitForActivityAsync(r => r.CardText.Contains("Your reflection is 4,001 characters long, but at most 4,000 characters fit.", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        Assert.DoesNotContain(_connector.Requests, r => r.CardText.Contains("Din reflektion", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WelcomeButtonSwitchesLanguage()
    {
        var time = FakeTime.AtStockholm(2026, 12, 7, 10, 0);
        await using var bot = await BotTestHost.StartAsync(time);
        await bot.PostActivityAsync(Activities.Install(_connector.ServiceUrl, "sv-SE"));
        var welcome = await _connector.WaitForActivityAsync(r => r.CardText.Contains("Välkommen till MicroLearnBot!", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        Assert.Contains("Byt till engelska", welcome.CardText, StringComparison.Ordinal);

        await bot.PostActivityAsync(Activities.Submit(_connector.ServiceUrl, Activities.SubmitData(welcome.Card!, "language"), new Dictionary<string, string>(), locale: "sv-SE"));
        await _connector.WaitForActivityAsync(r => r.CardText.Contains("I will speak English with you from now on.", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "hjälp", "sv-SE"));

        await _connector.WaitForActivityAsync(r => r.CardText.Contains("How to use MicroLearnBot", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task SecondCourseNamesPausedOne()
    {
        var time = FakeTime.AtStockholm(2026, 12, 7, 10, 0);
        await using var bot = await BotTestHost.StartAsync(time);
        await bot.PostActivityAsync(Activities.Install(_connector.ServiceUrl, "sv-SE"));
        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "starta sma-steg", "sv-SE"));
        await _connector.WaitForActivityAsync(r => r.CardText.Contains("Du har startat **Lär dig i små steg**", StringComparison.Ordinal), TimeSpan.FromSeconds(15));

        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "starta informationssakerhet", "sv-SE"));

        var second = await _connector.WaitForActivityAsync(r => r.CardText.Contains("Du har startat **Informationssäkerhet", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        Assert.Contains("så **Lär dig i små steg** är pausad med dina svar sparade. Skriv **starta sma-steg** när du vill fortsätta den.", second.CardText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TranslatedCourseHasNoLanguageNote()
    {
        var time = FakeTime.AtStockholm(2026, 12, 7, 10, 0);
        await using var bot = await BotTestHost.StartAsync(time);
        await bot.PostActivityAsync(Activities.Install(_connector.ServiceUrl, "en-US"));

        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "start sma-steg", "en-US"));

        var started = await _connector.WaitForActivityAsync(r => r.CardText.Contains("You have started", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        Assert.DoesNotContain("The lessons of this course are in", started.CardText, StringComparison.Ordinal);
    }

    private async Task<List<string>> WalkThroughAsync(string locale, string[] commands, string submitTitle)
    {
        var time = FakeTime.AtStockholm(2026, 12, 7, 10, 0);
        await using var bot = await BotTestHost.StartAsync(time);
        await bot.PostActivityAsync(Activities.Install(_connector.ServiceUrl, locale));
        foreach (var command in commands)
        {
            await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, command, locale));
        }

        var lesson = await _connector.WaitForActivityAsync(r => r.CardText.Contains(submitTitle, StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        var data = Activities.SubmitData(lesson.Card!, "answer");
        var inputs = new Dictionary<string, string> { ["reflection"] = "Testing 123" };
        foreach (var question in ((string?)data["asks"] ?? "").Split(',').Where(id => !id.EndsWith(":reflection", StringComparison.Ordinal)))
        {
            inputs[$"check:{question}"] = "a";
        }

        await bot.PostActivityAsync(Activities.Submit(_connector.ServiceUrl, data, inputs, locale: locale));
        await _connector.WaitForActivityAsync(r => r.CardText.Contains(locale == "en-US" ? "Your answer is saved" : "Ditt svar är sparat", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        return [.. _connector.Requests.Where(r => r.Card is not null).Select(r => r.CardText)];
    }

    [GeneratedRegex(@"\b(Välkommen|Kurser|Starta|Skicka svar|Reflektion|lektion \d+ av|Testa dig själv|Tack!|Rätt svar|Inte riktigt|Hur säker|Gissade|Nästa lektion)\b")]
    private static partial Regex SwedishInterfaceWords();

    [GeneratedRegex(@"\b(Welcome|Courses|Start |Send answer|Reflection|lesson \d+ of|Test yourself|Thank you|Correct answer|Not quite|How sure|Guessed|Next lesson)\b")]
    private static partial Regex EnglishInterfaceWords();

    // Has an en-US learner start the Swedish-only test course and request its first lesson, whose card is Swedish.
    private async Task<RecordedRequest> EnglishLearnerGetsSwedishLessonAsync(BotTestHost bot)
    {
        await bot.PostActivityAsync(Activities.Install(_connector.ServiceUrl, "en-US"));
        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "start testkurs", "en-US"));
        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "more", "en-US"));
        return await _connector.WaitForActivityAsync(r => r.CardText.Contains("Skicka svar", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
    }
}
