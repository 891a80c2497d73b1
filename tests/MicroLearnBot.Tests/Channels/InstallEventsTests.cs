using System.Net;
using MicroLearnBot.Storage;
using MicroLearnBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MicroLearnBot.Tests.Channels;

/// <summary>Teams announces one personal install with two activities a few milliseconds apart.</summary>
public sealed class InstallEventsTests : IAsyncLifetime
{
    private FakeTeamsConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeTeamsConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task ParallelInstallEventsWelcomeOnce()
    {
        await using var bot = await BotTestHost.StartAsync(catalog: new StaticCourseCatalog(TestCourses.Create()));
        var conversationUpdate = Activities.Install(_connector.ServiceUrl, "sv-SE");
        var installationUpdate = Activities.Install(_connector.ServiceUrl, "sv-SE");
        installationUpdate["type"] = "installationUpdate";
        installationUpdate["action"] = "add";
        installationUpdate.Remove("membersAdded");

        var responses = await Task.WhenAll(bot.PostActivityAsync(conversationUpdate), bot.PostActivityAsync(installationUpdate));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        await _connector.WaitForActivityAsync(r => r.CardText.Contains("Välkommen", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        await Task.Delay(300);
        Assert.Single(_connector.Requests, r => r.CardText.Contains("Välkommen", StringComparison.Ordinal));
        Assert.DoesNotContain(_connector.Requests, r => r.CardText.Contains("Något gick fel", StringComparison.Ordinal));
        var learners = await bot.InScopeAsync(async services => await services.GetRequiredService<MicroLearnDbContext>().Learners.CountAsync());
        Assert.Equal(1, learners);
    }

    [Fact]
    public async Task ReinstallWelcomesAgainAndResumes()
    {
        var time = FakeTime.AtStockholm(2026, 12, 7, 7, 0);
        await using var bot = await BotTestHost.StartAsync(time, new StaticCourseCatalog(TestCourses.Create()));
        await bot.PostActivityAsync(Activities.Install(_connector.ServiceUrl));
        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "starta testkurs"));

        var remove = Activities.Install(_connector.ServiceUrl);
        remove["type"] = "installationUpdate";
        remove["action"] = "remove";
        remove.Remove("membersAdded");
        await bot.PostActivityAsync(remove);
        var paused = await bot.InScopeAsync(async services => await services.GetRequiredService<MicroLearnDbContext>().Learners.SingleAsync());
        Assert.Equal(MicroLearnBot.Storage.Entities.LearnerStatus.Uninstalled, paused.Status);
        Assert.Null(paused.NextDeliveryUtc);

        time.Advance(TimeSpan.FromMinutes(1));
        await bot.PostActivityAsync(Activities.Install(_connector.ServiceUrl));

        var resumed = await bot.InScopeAsync(async services => await services.GetRequiredService<MicroLearnDbContext>().Learners.Include(l => l.Enrollments).SingleAsync());
        Assert.Equal(MicroLearnBot.Storage.Entities.LearnerStatus.Active, resumed.Status);
        Assert.NotNull(resumed.NextDeliveryUtc);
        Assert.Single(resumed.Enrollments);
        Assert.Equal(2, _connector.Requests.Count(r => r.CardText.Contains("Välkommen", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task BotRemovedFromChatPausesLearner()
    {
        await using var bot = await BotTestHost.StartAsync(catalog: new StaticCourseCatalog(TestCourses.Create()));
        await bot.PostActivityAsync(Activities.Install(_connector.ServiceUrl));
        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "starta testkurs"));
        var removed = Activities.Install(_connector.ServiceUrl);
        removed["membersRemoved"] = removed["membersAdded"]!.DeepClone();
        removed.Remove("membersAdded");

        var response = await bot.PostActivityAsync(removed);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var learner = await bot.InScopeAsync(async services => await services.GetRequiredService<MicroLearnDbContext>().Learners.SingleAsync());
        Assert.Equal(MicroLearnBot.Storage.Entities.LearnerStatus.Uninstalled, learner.Status);
        Assert.Null(learner.NextDeliveryUtc);
    }

    [Fact]
    public async Task StartAfterRemovalReactivates()
    {
        await using var bot = await BotTestHost.StartAsync(catalog: new StaticCourseCatalog(TestCourses.Create()));
        await bot.PostActivityAsync(Activities.Install(_connector.ServiceUrl));
        var remove = Activities.Install(_connector.ServiceUrl);
        remove["type"] = "installationUpdate";
        remove["action"] = "remove";
        remove.Remove("membersAdded");
        await bot.PostActivityAsync(remove);

        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "starta testkurs"));

        await _connector.WaitForActivityAsync(r => r.CardText.Contains("Du har startat", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        var learner = await bot.InScopeAsync(async services => await services.GetRequiredService<MicroLearnDbContext>().Learners.SingleAsync());
        Assert.Equal(MicroLearnBot.Storage.Entities.LearnerStatus.Active, learner.Status);
        Assert.NotNull(learner.NextDeliveryUtc);
    }

    [Fact]
    public async Task LessonLostInTransitIsOfferedAgain()
    {
        await using var bot = await BotTestHost.StartAsync(catalog: new StaticCourseCatalog(TestCourses.Create()));
        await bot.PostActivityAsync(Activities.Install(_connector.ServiceUrl));
        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "starta testkurs"));
        _connector.FailNext(HttpStatusCode.BadRequest, "BadArgument");

        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "mer"));
        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "mer"));

        var delivered = _connector.Requests.Where(r => r.ResponseStatus == 201).ToList();
        Assert.Single(delivered, r => r.CardText.Contains("Lektion 1", StringComparison.Ordinal));
        Assert.DoesNotContain(delivered, r => r.CardText.Contains("Lektion 2", StringComparison.Ordinal));
    }
}
