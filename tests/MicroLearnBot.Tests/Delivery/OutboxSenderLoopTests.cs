using System.Text.Json.Nodes;
using MicroLearnBot.Conversation.Texts;
using MicroLearnBot.Conversation.Views;
using MicroLearnBot.Delivery;
using MicroLearnBot.Storage;
using MicroLearnBot.Storage.Entities;
using MicroLearnBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MicroLearnBot.Tests.Delivery;

/// <summary>The running sender keeps other learners moving while one connector call hangs.</summary>
public sealed class OutboxSenderLoopTests : IAsyncLifetime
{
    private static readonly TimeSpan SlowResponse = TimeSpan.FromSeconds(6);

    private FakeTeamsConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeTeamsConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task SlowSendDoesNotHoldOthers()
    {
        // Monday 7 December 2026, 10:00 in Stockholm.
        var time = FakeTime.AtStockholm(2026, 12, 7, 10, 0);
        await using var bot = await BotTestHost.StartAsync(time, new StaticCourseCatalog(TestCourses.Create(nuggetCount: 2)));
        await EnrollAsync(bot, "slow", "10:01");
        await EnrollAsync(bot, "quick", "10:02");
        _connector.DelayResponses("slow", SlowResponse);

        time.SetUtcNow(new DateTimeOffset(2026, 12, 7, 9, 1, 30, TimeSpan.Zero));
        await bot.RunSweepAsync();
        await Task.Delay(500);
        time.SetUtcNow(new DateTimeOffset(2026, 12, 7, 9, 2, 30, TimeSpan.Zero));
        var queuedAt = DateTimeOffset.UtcNow;
        await bot.RunSweepAsync();

        var quick = await _connector.WaitForActivityAsync(r => r.ConversationId == "quick" && r.CardText.Contains("Lektion 1", StringComparison.Ordinal), SlowResponse);
        Assert.True(quick.ReceivedAt - queuedAt < SlowResponse / 2, $"The quick learner's lesson took {(quick.ReceivedAt - queuedAt).TotalSeconds:F1} s behind a hanging send.");
        await _connector.WaitForActivityAsync(r => r.ConversationId == "slow" && r.CardText.Contains("Lektion 1", StringComparison.Ordinal), SlowResponse * 2);
    }

    [Fact]
    public async Task BlockedCardsDoNotFillBatch()
    {
        // A batch of two: the blocked learner's two waiting cards would take it whole, every time.
        var settings = new Dictionary<string, string?> { ["Delivery:SendBatchSize"] = "2" };
        await using var bot = await BotTestHost.StartAsync(catalog: new StaticCourseCatalog(TestCourses.Create()), settings: settings);
        await bot.PostActivityAsync(Activities.ForUser(Activities.Install(_connector.ServiceUrl), "blocked"));
        await bot.PostActivityAsync(Activities.ForUser(Activities.Install(_connector.ServiceUrl), "fresh"));

        await bot.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<MicroLearnDbContext>();
            var outbound = services.GetServices<IChannelOutbound>().First();
            var now = DateTime.UtcNow;
            var blocked = await db.Learners.SingleAsync(l => l.ConversationId == "blocked");
            var fresh = await db.Learners.SingleAsync(l => l.ConversationId == "fresh");
            void Add(LearnerEntity learner, int slot, DateTime nextAttempt) => db.OutboxMessages.Add(new OutboxMessageEntity
            {
                Id = Guid.NewGuid(),
                LearnerId = learner.Id,
                IdempotencyKey = $"{learner.Id:N}:2026-12-07:daily:{slot:D2}",
                Payload = outbound.CreatePayload(learner, new MessageView([LocalizedText.Of("personal.only")]) { Language = "sv" }),
                CreatedUtc = now.AddMinutes(-2),
                NextAttemptUtc = nextAttempt,
                Attempts = slot == 1 ? 1 : 0,
            });

            // The first card retries in ten minutes, as after a 429; the two behind it are due but must wait.
            Add(blocked, 1, now.AddMinutes(10));
            Add(blocked, 2, now.AddMinutes(-2));
            Add(blocked, 3, now.AddMinutes(-2));
            Add(fresh, 1, now.AddMinutes(-1));
            await db.SaveChangesAsync();
            services.GetRequiredService<OutboxSignal>().Notify();
            return 0;
        });

        await _connector.WaitForActivityAsync(r => r.ConversationId == "fresh" && r.CardText.Contains("personlig chatt", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(_connector.ActivitiesTo("blocked"), r => r.CardText.Contains("personlig chatt", StringComparison.Ordinal));
    }

    private async Task EnrollAsync(BotTestHost bot, string user, string deliveryTime)
    {
        await bot.PostActivityAsync(Activities.ForUser(Activities.Install(_connector.ServiceUrl), user));
        await bot.PostActivityAsync(Activities.ForUser(Activities.Text(_connector.ServiceUrl, $"tid {deliveryTime}"), user));
        await bot.PostActivityAsync(Activities.ForUser(Activities.Text(_connector.ServiceUrl, "starta testkurs"), user));
        await _connector.WaitForActivityAsync(r => r.ConversationId == user && r.CardText.Contains("Du har startat", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
    }


}
