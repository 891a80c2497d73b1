using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using MicroLearnBot.Channels.BotFramework.Connector;
using MicroLearnBot.Storage;
using MicroLearnBot.Storage.Entities;
using MicroLearnBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MicroLearnBot.Tests.Conversation;

/// <summary><c>mina data</c> shows everything stored, also when a long history needs several messages.</summary>
public sealed partial class MyDataTests : IAsyncLifetime
{
    private static readonly JsonSerializerOptions RelaxedJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private FakeTeamsConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeTeamsConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task ShowsSettingsAndAccount()
    {
        await using var bot = await BotTestHost.StartAsync(FakeTime.AtStockholm(2026, 12, 7, 10, 0));
        await bot.PostActivityAsync(Activities.Install(_connector.ServiceUrl));
        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "minuter 7"));
        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "helger på"));

        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "mina data"));

        var card = await _connector.WaitForActivityAsync(r => r.CardText.Contains("Det här är sparat om dig", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        Assert.Contains("högst 7 minuter", card.CardText, StringComparison.Ordinal);
        Assert.Contains("Lektioner även då", card.CardText, StringComparison.Ordinal);
        var learner = await bot.InScopeAsync(services => services.GetRequiredService<MicroLearnDbContext>().Learners.SingleAsync());
        Assert.Contains(learner.TenantId, card.CardText, StringComparison.Ordinal);
        Assert.Contains(learner.UserId, card.CardText, StringComparison.Ordinal);
        Assert.Contains(learner.ConversationId, card.CardText, StringComparison.Ordinal);
        Assert.Contains("sv-SE", card.CardText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowsNextReviewUnlessPaused()
    {
        await using var bot = await BotTestHost.StartAsync(FakeTime.AtStockholm(2026, 12, 7, 10, 0), new StaticCourseCatalog(TestCourses.Create(nuggetCount: 1)));
        await bot.PostActivityAsync(Activities.Install(_connector.ServiceUrl));
        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "starta testkurs"));
        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "mer"));
        var lesson = await _connector.WaitForActivityAsync(r => r.CardText.Contains("Skicka svar", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        var inputs = new Dictionary<string, string> { ["reflection"] = "En tanke", ["check:del-1:q1"] = "b" };
        await bot.PostActivityAsync(Activities.Submit(_connector.ServiceUrl, Activities.SubmitData(lesson.Card!, "answer"), inputs));
        await _connector.WaitForActivityAsync(r => r.CardText.Contains("Ditt svar är sparat", StringComparison.Ordinal), TimeSpan.FromSeconds(15));

        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "mina data"));

        var card = await _connector.WaitForActivityAsync(r => r.CardText.Contains("Det här är sparat om dig", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        // Answered wrong on Monday, so the question comes back in Tuesday's session at the default time, as in status.
        Assert.Contains("Frågor i repetition: 2, nästa repetition tisdag 8 december kl. 08:30", card.CardText, StringComparison.Ordinal);

        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "paus"));
        var paused = await _connector.WaitForNewActivityAsync(
            () => bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "mina data")),
            r => r.CardText.Contains("Det här är sparat om dig", StringComparison.Ordinal));
        Assert.Contains("Frågor i repetition: 2, ingen repetition planerad just nu", paused.CardText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LongHistoryPagesThroughParts()
    {
        await using var bot = await BotTestHost.StartAsync(FakeTime.AtStockholm(2026, 12, 7, 10, 0));
        await bot.PostActivityAsync(Activities.Install(_connector.ServiceUrl));
        await _connector.WaitForActivityAsync(r => r.CardText.Contains("Välkommen", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        var reflections = await StoreReflectionsAsync(bot, count: 60, length: 3_000);

        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "mina data"));

        var first = await _connector.WaitForActivityAsync(r => r.CardText.Contains("Det här är sparat om dig, del 1 av ", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        var partCount = int.Parse(PartCountPattern().Match(first.CardText).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(partCount, 2, 20);
        Assert.Matches(@"Dina svar, de \d+ senaste av 60", first.CardText);
        var parts = new List<RecordedRequest> { first };
        for (var part = 2; part <= partCount; part++)
        {
            var button = Activities.SubmitData(parts[^1].Card!, "mydata-part");
            Assert.Equal(part.ToString(CultureInfo.InvariantCulture), (string?)button["part"]);
            await bot.PostActivityAsync(Activities.Submit(_connector.ServiceUrl, button, new Dictionary<string, string>()));
            parts.Add(await _connector.WaitForActivityAsync(r => r.CardText.Contains($"Det här är sparat om dig, del {part} av {partCount}", StringComparison.Ordinal), TimeSpan.FromSeconds(15)));
        }

        Assert.DoesNotContain("Visa äldre svar", parts[^1].CardText, StringComparison.Ordinal);
        Assert.All(parts, part => Assert.InRange(part.Body!.ToJsonString(RelaxedJson).Length, 1, ConnectorClient.MessageSizeBudget));
        Assert.All(reflections, text => Assert.Single(parts, part => part.CardText.Contains(text, StringComparison.Ordinal)));
        Assert.DoesNotContain(_connector.Requests, r => r.CardText.Contains("för stort", StringComparison.Ordinal));
    }

    [Fact]
    public void EmojiAnswersSplitWithinBudget()
    {
        var emoji = string.Concat(Enumerable.Repeat("🙂", 1_995));
        var answers = Enumerable.Range(0, 6)
            .Select(index => new MicroLearnBot.Conversation.Views.AnswerSummary("Kurs", "Fråga?", $"r{index} {emoji}", null, new DateTime(2026, 9, 1)))
            .ToList();

        var parts = MicroLearnBot.Conversation.Handlers.MyDataHandler.SplitIntoParts(answers);

        Assert.True(parts.Count >= 2, $"{parts.Count} parts");
        Assert.All(parts, part => Assert.InRange(part.Sum(answer => JsonEncodedText.Encode(answer.Answer, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value.Length), 1, MicroLearnBot.Conversation.Handlers.MyDataHandler.PartBudget));
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData("3", 3)]
    [InlineData("0", 1)]
    [InlineData("-2", 1)]
    [InlineData("tre", 1)]
    public void PartFieldParsesLeniently(string? value, int expected)
    {
        Assert.Equal(expected, MicroLearnBot.Conversation.Handlers.MyDataHandler.ParsePart(value));
    }

    /// <summary>Stores reflections with distinct, quote-heavy texts directly, as months of lessons would.</summary>
    private static Task<List<string>> StoreReflectionsAsync(BotTestHost bot, int count, int length) =>
        bot.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<MicroLearnDbContext>();
            var learner = await db.Learners.SingleAsync();
            var texts = new List<string>();
            for (var index = 0; index < count; index++)
            {
                var marker = $"reflektion-{index:D3}";
                var text = (marker + " \"citat\" och åäö ").PadRight(length, 'x');
                texts.Add(marker + " ");
                db.Answers.Add(new AnswerEntity
                {
                    Id = Guid.NewGuid(),
                    LearnerId = learner.Id,
                    DeliveryId = Guid.NewGuid(),
                    CourseId = "sma-steg",
                    NuggetId = "forsta-steget",
                    QuestionId = $"forsta-steget:reflection-{index}",
                    Kind = AnswerKind.Reflection,
                    Text = text,
                    AnsweredUtc = new DateTime(2026, 9, 1, 8, 0, 0, DateTimeKind.Utc).AddDays(index),
                });
            }

            await db.SaveChangesAsync();
            return texts;
        });

    [GeneratedRegex(@"del 1 av (\d+)")]
    private static partial Regex PartCountPattern();
}
