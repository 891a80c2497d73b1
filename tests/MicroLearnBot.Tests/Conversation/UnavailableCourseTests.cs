using MicroLearnBot.Storage;
using MicroLearnBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MicroLearnBot.Tests.Conversation;

/// <summary>
/// While the files of a learner's course are broken, the catalog leaves the course out. Replies state that the
/// course is being updated, nothing is stored half, and the open lesson card works again once the files are fixed.
/// </summary>
public sealed class UnavailableCourseTests : IAsyncLifetime
{
    private FakeTeamsConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeTeamsConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task BrokenCourseIsNamedInReplies()
    {
        var course = TestCourses.Create(nuggetCount: 2);
        var catalog = new SwappableCourseCatalog(course);
        await using var bot = await BotTestHost.StartAsync(FakeTime.AtStockholm(2026, 12, 7, 10, 0), catalog);
        await bot.PostActivityAsync(Activities.Install(_connector.ServiceUrl));
        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "starta testkurs"));
        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "mer"));
        var lesson = await _connector.WaitForActivityAsync(r => r.CardText.Contains("Lektion 1", StringComparison.Ordinal), TimeSpan.FromSeconds(15));

        catalog.Replace();

        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "status"));
        await _connector.WaitForActivityAsync(r => r.CardText.Contains("Kursen **testkurs** går inte att visa just nu", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        var more = await ReplyToAsync(bot, Activities.Text(_connector.ServiceUrl, "mer"));
        Assert.Contains("går inte att visa just nu", more.CardText, StringComparison.Ordinal);
        var start = await ReplyToAsync(bot, Activities.Text(_connector.ServiceUrl, "starta testkurs"));
        Assert.Contains("Kursen **testkurs** går inte att visa just nu", start.CardText, StringComparison.Ordinal);
        Assert.DoesNotContain("Jag hittar ingen kurs", start.CardText, StringComparison.Ordinal);

        var data = Activities.SubmitData(lesson.Card!, "answer");
        var inputs = new Dictionary<string, string> { ["reflection"] = "Min tanke", ["check:del-1:q1"] = "a" };
        var rejected = await ReplyToAsync(bot, Activities.Submit(_connector.ServiceUrl, data, inputs));
        Assert.Contains("går inte att visa just nu", rejected.CardText, StringComparison.Ordinal);
        Assert.Equal(0, await CountAnswersAsync(bot));

        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "mina data"));
        var myData = await _connector.WaitForActivityAsync(r => r.CardText.Contains("Det här är sparat om dig", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        Assert.Contains("testkurs: startad", myData.CardText, StringComparison.Ordinal);
        Assert.Contains("lektioner hittills: 1 (kursen går inte att visa just nu)", myData.CardText, StringComparison.Ordinal);
        Assert.DoesNotContain("av 0 lektioner", myData.CardText, StringComparison.Ordinal);

        catalog.Replace(course);
        await bot.PostActivityAsync(Activities.Submit(_connector.ServiceUrl, data, inputs));
        await _connector.WaitForActivityAsync(r => r.CardText.Contains("Ditt svar är sparat", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        Assert.Equal(2, await CountAnswersAsync(bot));
    }

    private Task<RecordedRequest> ReplyToAsync(BotTestHost bot, System.Text.Json.Nodes.JsonObject activity) =>
        _connector.WaitForNewActivityAsync(() => bot.PostActivityAsync(activity));

    private static Task<int> CountAnswersAsync(BotTestHost bot) =>
        bot.InScopeAsync(services => services.GetRequiredService<MicroLearnDbContext>().Answers.CountAsync());
}
