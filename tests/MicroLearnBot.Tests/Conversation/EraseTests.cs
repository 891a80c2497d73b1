using MicroLearnBot.Storage;
using MicroLearnBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MicroLearnBot.Tests.Conversation;

public sealed class EraseTests : IAsyncLifetime
{
    private FakeTeamsConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeTeamsConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task ConfirmedEraseRemovesEverything()
    {
        await using var bot = await BotTestHost.StartAsync(FakeTime.AtStockholm(2026, 12, 7, 10, 0), new StaticCourseCatalog(TestCourses.Create()));
        await bot.PostActivityAsync(Activities.Install(_connector.ServiceUrl));
        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "starta testkurs"));
        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "mer"));
        var lesson = await _connector.WaitForActivityAsync(r => r.CardText.Contains("Lektion 1", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        await bot.PostActivityAsync(Activities.Submit(_connector.ServiceUrl, Activities.SubmitData(lesson.Card!, "answer"), new Dictionary<string, string> { ["reflection"] = "Privat text", ["check:del-1:q1"] = "b" }));
        await _connector.WaitForActivityAsync(r => r.CardText.Contains("Ditt svar är sparat", StringComparison.Ordinal), TimeSpan.FromSeconds(15));

        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "radera mina data"));
        var confirm = await _connector.WaitForActivityAsync(r => r.CardText.Contains("Det går inte att ångra", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        Assert.Equal(2, await CountAsync(bot, db => db.Answers.CountAsync()));

        await bot.PostActivityAsync(Activities.Submit(_connector.ServiceUrl, Activities.SubmitData(confirm.Card!, "erase-confirmed"), new Dictionary<string, string>()));
        await _connector.WaitForActivityAsync(r => r.CardText.Contains("är raderat", StringComparison.Ordinal), TimeSpan.FromSeconds(15));

        Assert.Equal(0, await CountAsync(bot, db => db.Learners.CountAsync()));
        Assert.Equal(0, await CountAsync(bot, db => db.Answers.CountAsync()));
        Assert.Equal(0, await CountAsync(bot, db => db.QuestionCards.CountAsync()));
        Assert.Equal(0, await CountAsync(bot, db => db.LessonDeliveries.CountAsync()));
        Assert.Equal(0, await CountAsync(bot, db => db.Enrollments.CountAsync()));
    }

    [Fact]
    public async Task EraseWithoutConfirmationKeepsData()
    {
        await using var bot = await BotTestHost.StartAsync(catalog: new StaticCourseCatalog(TestCourses.Create()));
        await bot.PostActivityAsync(Activities.Install(_connector.ServiceUrl));

        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "delete my data", "en-US"));
        await _connector.WaitForActivityAsync(r => r.CardText.Contains("This cannot be undone", StringComparison.Ordinal), TimeSpan.FromSeconds(15));

        Assert.Equal(1, await CountAsync(bot, db => db.Learners.CountAsync()));
    }

    [Fact]
    public async Task CancelledEraseKeepsData()
    {
        await using var bot = await BotTestHost.StartAsync(catalog: new StaticCourseCatalog(TestCourses.Create()));
        await bot.PostActivityAsync(Activities.Install(_connector.ServiceUrl));
        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "radera mina data"));
        var confirm = await _connector.WaitForActivityAsync(r => r.CardText.Contains("Det går inte att ångra", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        Assert.Contains("Meddelanden som redan syns i chatten ligger kvar där.", confirm.CardText, StringComparison.Ordinal);

        await bot.PostActivityAsync(Activities.Submit(_connector.ServiceUrl, Activities.SubmitData(confirm.Card!, "erase-cancelled"), new Dictionary<string, string>()));

        await _connector.WaitForActivityAsync(r => r.CardText.Contains("Inget har raderats.", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        Assert.Equal(1, await CountAsync(bot, db => db.Learners.CountAsync()));
    }

    private static Task<int> CountAsync(BotTestHost bot, Func<MicroLearnDbContext, Task<int>> count) =>
        bot.InScopeAsync(services => count(services.GetRequiredService<MicroLearnDbContext>()));
}
