using MicroLearnBot.Storage;
using MicroLearnBot.Storage.Entities;
using MicroLearnBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MicroLearnBot.Tests.Conversation;

/// <summary><c>paus</c> stops scheduled lessons and <c>fortsätt</c> starts them again, and each reply names what happened.</summary>
public sealed class PauseResumeTests : IAsyncLifetime
{
    private FakeTeamsConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeTeamsConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task PauseThenResume_RestoresSchedule()
    {
        var time = FakeTime.AtStockholm(2026, 12, 7, 10, 0);
        await using var bot = await StartEnrolledAsync(time);

        var paused = await ReplyToAsync(bot, "paus");
        Assert.Contains("Lektionerna är pausade.", paused.CardText, StringComparison.Ordinal);
        var again = await ReplyToAsync(bot, "paus");
        Assert.Contains("Lektionerna är redan pausade.", again.CardText, StringComparison.Ordinal);
        Assert.Equal((LearnerStatus.Paused, (DateTime?)null), await StatusAsync(bot));

        // Past the delivery time of Tuesday, a paused learner gets nothing.
        time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await bot.RunSweepAsync());

        var resumed = await ReplyToAsync(bot, "fortsätt");
        Assert.Contains("Välkommen tillbaka!", resumed.CardText, StringComparison.Ordinal);
        Assert.Contains("Nästa lektion kommer onsdag 9 december kl. 08:30.", resumed.CardText, StringComparison.Ordinal);
        Assert.Equal(LearnerStatus.Active, (await StatusAsync(bot)).Status);
    }

    [Fact]
    public async Task ResumeWhileActive_ChangesNothing()
    {
        await using var bot = await StartEnrolledAsync(FakeTime.AtStockholm(2026, 12, 7, 10, 0));
        var before = await StatusAsync(bot);

        var reply = await ReplyToAsync(bot, "fortsätt");

        Assert.Contains("Lektionerna är inte pausade, så allt fortsätter som vanligt.", reply.CardText, StringComparison.Ordinal);
        Assert.DoesNotContain("Välkommen tillbaka", reply.CardText, StringComparison.Ordinal);
        Assert.Contains("Nästa lektion kommer tisdag 8 december kl. 08:30.", reply.CardText, StringComparison.Ordinal);
        Assert.Equal(before, await StatusAsync(bot));
    }

    [Fact]
    public async Task PauseWithoutCourse_ChangesNothing()
    {
        await using var bot = await BotTestHost.StartAsync(FakeTime.AtStockholm(2026, 12, 7, 10, 0), new StaticCourseCatalog(TestCourses.Create()));
        await bot.PostActivityAsync(Activities.Install(_connector.ServiceUrl));

        var reply = await ReplyToAsync(bot, "paus");

        Assert.Contains("Du har ingen kurs igång, så det finns inga lektioner att pausa.", reply.CardText, StringComparison.Ordinal);
        Assert.Equal(LearnerStatus.Active, (await StatusAsync(bot)).Status);
    }

    private async Task<BotTestHost> StartEnrolledAsync(Microsoft.Extensions.Time.Testing.FakeTimeProvider time)
    {
        var bot = await BotTestHost.StartAsync(time, new StaticCourseCatalog(TestCourses.Create(nuggetCount: 3)));
        await bot.PostActivityAsync(Activities.Install(_connector.ServiceUrl));
        await ReplyToAsync(bot, "starta testkurs");

        // Takes today's first lesson now, so the schedule moves to the next working day.
        await ReplyToAsync(bot, "mer");
        return bot;
    }

    private Task<RecordedRequest> ReplyToAsync(BotTestHost bot, string text) =>
        _connector.WaitForNewActivityAsync(() => bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, text)));

    private static Task<(LearnerStatus Status, DateTime? NextDeliveryUtc)> StatusAsync(BotTestHost bot) =>
        bot.InScopeAsync(async services =>
        {
            var learner = await services.GetRequiredService<MicroLearnDbContext>().Learners.AsNoTracking().SingleAsync();
            return (learner.Status, learner.NextDeliveryUtc);
        });
}
