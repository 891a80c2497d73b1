using System.Net;
using System.Text.Json.Nodes;
using MicroLearnBot.Delivery;
using MicroLearnBot.Storage;
using MicroLearnBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MicroLearnBot.Tests.Channels;

/// <summary>
/// The main job end to end over real HTTP: install, set a time, start a course, receive the lesson at that time,
/// answer it with the card's own submit action, and see the answer in <c>mina data</c>, also after a restart.
/// </summary>
public sealed class WalkingSkeletonTests : IAsyncLifetime
{
    private FakeTeamsConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeTeamsConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task LessonArrivesAtChosenTimeAndAnswerIsKept()
    {
        // Friday 4 December 2026, 08:30 in Stockholm: a working day.
        var time = FakeTime.AtStockholm(2026, 12, 4, 8, 30);
        var catalog = new StaticCourseCatalog(TestCourses.Create());
        string databasePath;
        const string reflection = "Jag vill *öva* varje dag [länk](https://example.org) 🙂";

        await using (var bot = await BotTestHost.StartAsync(time, catalog))
        {
            databasePath = bot.DatabasePath;

            var install = await bot.PostActivityAsync(Activities.Install(_connector.ServiceUrl, "sv-SE"));
            Assert.Equal(HttpStatusCode.OK, install.StatusCode);
            var welcome = await _connector.WaitForActivityAsync(r => r.CardText.Contains("Välkommen", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
            Assert.Contains("testkurs", welcome.Card!.ToJsonString(), StringComparison.Ordinal);

            await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "tid 08:32"));
            await _connector.WaitForActivityAsync(r => r.CardText.Contains("kl. 08:32", StringComparison.Ordinal), TimeSpan.FromSeconds(15));

            await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "starta testkurs"));
            var enrolled = await _connector.WaitForActivityAsync(r => r.CardText.Contains("Du har startat", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
            Assert.Contains("fredag 4 december kl. 08:32", enrolled.CardText, StringComparison.Ordinal);

            time.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(0, await bot.RunSweepAsync());
            Assert.DoesNotContain(_connector.Requests, r => r.CardText.Contains("Lektion 1", StringComparison.Ordinal));

            time.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(1, await bot.RunSweepAsync());
            var lesson = await _connector.WaitForActivityAsync(r => r.CardText.Contains("Lektion 1", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
            Assert.Contains("\"Input.Text\"", lesson.Card!.ToJsonString(), StringComparison.Ordinal);
            Assert.Equal("Lektion 1", (string?)lesson.Body!["summary"]);

            var submitData = Activities.SubmitData(lesson.Card!, "answer");
            var submit = Activities.Submit(_connector.ServiceUrl, submitData, new Dictionary<string, string> { ["reflection"] = reflection, ["check:del-1:q1"] = "a" });
            Assert.Equal(HttpStatusCode.OK, (await bot.PostActivityAsync(submit)).StatusCode);
            var feedback = await _connector.WaitForActivityAsync(r => r.CardText.Contains("Ditt svar är sparat", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
            Assert.Contains(reflection, feedback.CardText, StringComparison.Ordinal);
            Assert.Contains("✅ Rätt!", feedback.CardText, StringComparison.Ordinal);

            await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "mina data"));
            var myData = await _connector.WaitForActivityAsync(r => r.CardText.Contains("Det här är sparat om dig", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
            Assert.Contains(reflection, myData.CardText, StringComparison.Ordinal);
        }

        while (_connector.Requests.TryDequeue(out _))
        {
        }

        await using (var restarted = await BotTestHost.StartAsync(time, catalog, databasePath))
        {
            await restarted.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "mina data"));
            var myData = await _connector.WaitForActivityAsync(r => r.CardText.Contains("Det här är sparat om dig", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
            Assert.Contains(reflection, myData.CardText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SweepSendsOneSessionPerLocalDate()
    {
        var time = FakeTime.AtStockholm(2026, 12, 4, 8, 0);
        await using var bot = await BotTestHost.StartAsync(time, new StaticCourseCatalog(TestCourses.Create()));
        await bot.PostActivityAsync(Activities.Install(_connector.ServiceUrl));
        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "starta testkurs"));

        time.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(1, await bot.RunSweepAsync());
        Assert.Equal(0, await bot.RunSweepAsync());

        // Changing the time to later today must not bring a second session on the same date.
        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "tid 09:00"));
        time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(0, await bot.RunSweepAsync());

        var outbox = await bot.InScopeAsync(async services => await services.GetRequiredService<MicroLearnDbContext>().OutboxMessages.CountAsync());
        Assert.Equal(1, outbox);
    }

    [Fact]
    public async Task InvalidAnswersAreRejectedAndNothingStored()
    {
        await using var bot = await BotTestHost.StartAsync(FakeTime.AtStockholm(2026, 12, 4, 10, 0), new StaticCourseCatalog(TestCourses.Create()));
        var data = await FirstLessonSubmitDataAsync(bot);

        await bot.PostActivityAsync(Activities.Submit(_connector.ServiceUrl, data, new Dictionary<string, string> { ["reflection"] = new string('x', 4001), ["check:del-1:q1"] = "a" }));
        var tooLong = await _connector.WaitForActivityAsync(r => r.CardText.Contains("4\u00A0001 tecken", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        Assert.Contains("Inget har sparats", tooLong.CardText, StringComparison.Ordinal);

        await bot.PostActivityAsync(Activities.Submit(_connector.ServiceUrl, data, new Dictionary<string, string> { ["reflection"] = "   " }));
        await _connector.WaitForActivityAsync(r => r.CardText.Contains("Din reflektion är tom", StringComparison.Ordinal), TimeSpan.FromSeconds(15));

        // A client that ignores the card's required inputs can send the reflection alone.
        await bot.PostActivityAsync(Activities.Submit(_connector.ServiceUrl, data, new Dictionary<string, string> { ["reflection"] = "Bara en tanke" }));
        var incomplete = await _connector.WaitForActivityAsync(r => r.CardText.Contains("Obesvarade frågor: 1.", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        Assert.Contains("Inget har sparats", incomplete.CardText, StringComparison.Ordinal);

        var answers = await bot.InScopeAsync(async services => await services.GetRequiredService<MicroLearnDbContext>().Answers.CountAsync());
        Assert.Equal(0, answers);
    }

    [Fact]
    public async Task SecondSubmitOfSameCardStoresOnce()
    {
        await using var bot = await BotTestHost.StartAsync(FakeTime.AtStockholm(2026, 12, 4, 10, 0), new StaticCourseCatalog(TestCourses.Create()));
        var data = await FirstLessonSubmitDataAsync(bot);
        var inputs = new Dictionary<string, string> { ["reflection"] = "Första", ["check:del-1:q1"] = "b" };

        await bot.PostActivityAsync(Activities.Submit(_connector.ServiceUrl, data, inputs));
        await bot.PostActivityAsync(Activities.Submit(_connector.ServiceUrl, data, inputs));

        await _connector.WaitForActivityAsync(r => r.CardText.Contains("Du har redan svarat", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        var answers = await bot.InScopeAsync(async services => await services.GetRequiredService<MicroLearnDbContext>().Answers.CountAsync());
        Assert.Equal(2, answers);
    }

    [Fact]
    public async Task EnglishLocaleGetsEnglishCards()
    {
        var time = FakeTime.AtStockholm(2026, 12, 4, 10, 0);
        await using var bot = await BotTestHost.StartAsync(time, new StaticCourseCatalog(TestCourses.Create()));
        await bot.PostActivityAsync(Activities.Install(_connector.ServiceUrl, "en-US"));
        await _connector.WaitForActivityAsync(r => r.CardText.Contains("Welcome to MicroLearnBot", StringComparison.Ordinal), TimeSpan.FromSeconds(15));

        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "start testkurs", "en-US"));
        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "more", "en-US"));
        var lesson = await _connector.WaitForActivityAsync(r => r.CardText.Contains("Lesson 1", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        Assert.Contains("Send answer", lesson.CardText, StringComparison.Ordinal);
        Assert.DoesNotContain("Skicka", lesson.CardText, StringComparison.Ordinal);
    }

    /// <summary>Installs, starts the test course, asks for a lesson with <c>mer</c> and returns its submit data.</summary>
    private async Task<System.Text.Json.Nodes.JsonObject> FirstLessonSubmitDataAsync(BotTestHost bot)
    {
        await bot.PostActivityAsync(Activities.Install(_connector.ServiceUrl));
        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "starta testkurs"));
        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "mer"));
        var lesson = await _connector.WaitForActivityAsync(r => r.CardText.Contains("Lektion 1", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        return Activities.SubmitData(lesson.Card!, "answer");
    }

}
