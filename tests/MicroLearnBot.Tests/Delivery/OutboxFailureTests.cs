using System.Net;
using System.Text.Json.Nodes;
using MicroLearnBot.Channels.BotFramework;
using MicroLearnBot.Channels.BotFramework.Connector;
using MicroLearnBot.Conversation.Views;
using MicroLearnBot.Learning.Courses;
using MicroLearnBot.Delivery;
using MicroLearnBot.Storage;
using MicroLearnBot.Storage.Entities;
using MicroLearnBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MicroLearnBot.Tests.Delivery;

/// <summary>
/// How the outbox and in-turn replies react to each Teams connector failure: what is retried and when (fake time),
/// what is given up, and what happens to the learner. The fake connector returns Teams's status codes and error
/// codes, and 429 above its limit of 7 sends per second and conversation.
/// </summary>
public sealed class OutboxFailureTests
{
    private const string TooLargeNotice = "Lektionen är för stor för att visas här.";

    [Fact]
    public async Task ThrottledWithRetryAfterWaitsExactly()
    {
        await using var bed = await OutboxTestBed.StartAsync();
        var session = await bed.EnrollAndWriteSessionAsync();
        bed.Connector.FailNext(HttpStatusCode.TooManyRequests, "Throttled", retryAfter: TimeSpan.FromSeconds(7));
        var failedAt = bed.UtcNow;

        Assert.Equal(1, await bed.SendDueAsync());

        var throttled = await bed.OutboxMessageAsync(session.Id);
        Assert.Equal(OutboxStatus.Pending, throttled.Status);
        Assert.Equal(1, throttled.Attempts);
        Assert.Equal(failedAt.AddSeconds(7), throttled.NextAttemptUtc);
        Assert.Equal("429 Throttled", throttled.LastError);

        bed.Time.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(0, await bed.SendDueAsync());

        bed.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await bed.SendDueAsync());

        var sent = await bed.OutboxMessageAsync(session.Id);
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Equal(2, sent.Attempts);
        Assert.Equal(bed.UtcNow, sent.SentUtc);
        Assert.Null(sent.LastError);
        Assert.Equal([429, 201], bed.FirstLessonRequests().Select(r => r.ResponseStatus).ToArray());
        Assert.Equal(LearnerStatus.Active, (await bed.LearnerAsync()).Status);
    }

    [Fact]
    public async Task ThrottledWithoutRetryAfterBacksOff()
    {
        await using var bed = await OutboxTestBed.StartAsync();
        var session = await bed.EnrollAndWriteSessionAsync();
        bed.Connector.FailNext(HttpStatusCode.TooManyRequests, "Throttled");
        var failedAt = bed.UtcNow;

        Assert.Equal(1, await bed.SendDueAsync());

        // The first retry waits between half the base delay and the full base delay, with random jitter.
        var throttled = await bed.OutboxMessageAsync(session.Id);
        var delay = throttled.NextAttemptUtc - failedAt;
        Assert.Equal(OutboxStatus.Pending, throttled.Status);
        Assert.Equal(1, throttled.Attempts);
        Assert.Equal("429 Throttled", throttled.LastError);
        Assert.InRange(delay, OutboxTestBed.RetryBaseDelay / 2, OutboxTestBed.RetryBaseDelay);

        bed.Time.Advance(delay - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, await bed.SendDueAsync());

        bed.Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, await bed.SendDueAsync());

        var sent = await bed.OutboxMessageAsync(session.Id);
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Equal(2, sent.Attempts);
        Assert.Equal([429, 201], bed.FirstLessonRequests().Select(r => r.ResponseStatus).ToArray());
    }

    [Theory]
    [InlineData(412, "PreconditionFailed")]
    [InlineData(502, "ServiceError")]
    [InlineData(503, "ServiceUnavailable")]
    [InlineData(504, "GatewayTimeout")]
    [InlineData(500, "ServiceError")]
    public async Task TransientFailureRetriesUntilMaxAttempts(int status, string code)
    {
        await using var bed = await OutboxTestBed.StartAsync();
        var session = await bed.EnrollAndWriteSessionAsync();
        var learnerBefore = await bed.LearnerAsync();
        bed.Connector.FailNext((HttpStatusCode)status, code, times: OutboxTestBed.MaxAttempts);

        for (var attempt = 1; attempt < OutboxTestBed.MaxAttempts; attempt++)
        {
            var attemptedAt = bed.UtcNow;
            Assert.Equal(1, await bed.SendDueAsync());

            var pending = await bed.OutboxMessageAsync(session.Id);
            var ceiling = Min(OutboxTestBed.RetryBaseDelay * Math.Pow(2, attempt - 1), OutboxTestBed.RetryMaxDelay);
            var delay = pending.NextAttemptUtc - attemptedAt;
            Assert.Equal(OutboxStatus.Pending, pending.Status);
            Assert.Equal(attempt, pending.Attempts);
            Assert.Equal($"{status} {code}", pending.LastError);
            Assert.InRange(delay, ceiling / 2, ceiling);

            bed.Time.Advance(delay);
        }

        Assert.Equal(1, await bed.SendDueAsync());

        var failed = await bed.OutboxMessageAsync(session.Id);
        Assert.Equal(OutboxStatus.Failed, failed.Status);
        Assert.Equal(OutboxTestBed.MaxAttempts, failed.Attempts);
        Assert.Equal($"{status} {code}", failed.LastError);

        bed.Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await bed.SendDueAsync());
        Assert.Equal(OutboxTestBed.MaxAttempts, bed.FirstLessonRequests().Count);
        Assert.All(bed.FirstLessonRequests(), request => Assert.Equal(status, request.ResponseStatus));

        var learner = await bed.LearnerAsync();
        Assert.Equal(LearnerStatus.Active, learner.Status);
        Assert.Null(learner.StatusReason);
        Assert.Equal(learnerBefore.NextDeliveryUtc, learner.NextDeliveryUtc);
    }

    [Theory]
    [InlineData(403, "BotDisabledByAdmin")]
    [InlineData(403, "ConversationBlockedByUser")]
    [InlineData(403, "BotNotInConversationRoster")]
    [InlineData(404, "ConversationNotFound")]
    public async Task UnreachableLearnerWaitsUntilTheyWrite(int status, string code)
    {
        await using var bed = await OutboxTestBed.StartAsync();
        var session = await bed.EnrollAndWriteSessionAsync();
        bed.Connector.FailNext((HttpStatusCode)status, code);

        Assert.Equal(1, await bed.SendDueAsync());

        var dropped = await bed.OutboxMessageAsync(session.Id);
        Assert.Equal(OutboxStatus.Failed, dropped.Status);
        Assert.Equal(1, dropped.Attempts);
        Assert.Equal($"{status} {code}", dropped.LastError);

        var unreachable = await bed.LearnerAsync();
        Assert.Equal(LearnerStatus.Unreachable, unreachable.Status);
        Assert.Equal($"{status} {code}", unreachable.StatusReason);
        Assert.Null(unreachable.NextDeliveryUtc);

        // On Monday 7 December at 08:31, a working day past the delivery time, nothing is written or sent.
        bed.Time.Advance(TimeSpan.FromDays(3));
        Assert.Equal(0, await bed.SweepAsync());
        Assert.Equal(0, await bed.SendDueAsync());
        Assert.Single(await bed.OutboxAsync());
        Assert.Single(bed.FirstLessonRequests());

        // On Tuesday 8 December at 08:00 the learner writes, which proves the conversation works again.
        bed.Time.Advance(TimeSpan.FromHours(23.5));
        await bed.Bot.PostActivityAsync(Activities.Text(bed.Connector.ServiceUrl, "hjälp"));

        var returned = await bed.LearnerAsync();
        Assert.Equal(LearnerStatus.Active, returned.Status);
        Assert.Null(returned.StatusReason);

        Assert.Equal(0, await bed.SweepAsync());
        var planned = await bed.LearnerAsync();
        Assert.Equal(new DateTime(2026, 12, 8, 7, 30, 0, DateTimeKind.Utc), planned.NextDeliveryUtc);

        bed.Time.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(1, await bed.SweepAsync());
        Assert.Equal(1, await bed.SendDueAsync());

        var outbox = await bed.OutboxAsync();
        Assert.Equal(2, outbox.Count);
        Assert.Equal(OutboxStatus.Sent, outbox[1].Status);
        Assert.Equal(201, bed.Connector.ActivitiesTo(OutboxTestBed.ConversationId).Last().ResponseStatus);
    }

    [Theory]
    [InlineData(400, "BadArgument")]
    [InlineData(401, "BotNotRegistered")]
    public async Task PermanentFailureIsNotRetried(int status, string code)
    {
        await using var bed = await OutboxTestBed.StartAsync();
        var session = await bed.EnrollAndWriteSessionAsync();
        var learnerBefore = await bed.LearnerAsync();
        bed.Connector.FailNext((HttpStatusCode)status, code);

        Assert.Equal(1, await bed.SendDueAsync());

        var failed = await bed.OutboxMessageAsync(session.Id);
        Assert.Equal(OutboxStatus.Failed, failed.Status);
        Assert.Equal(1, failed.Attempts);
        Assert.Equal($"{status} {code}", failed.LastError);

        bed.Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await bed.SendDueAsync());
        Assert.Single(bed.FirstLessonRequests());

        var learner = await bed.LearnerAsync();
        Assert.Equal(LearnerStatus.Active, learner.Status);
        Assert.Null(learner.StatusReason);
        Assert.Equal(learnerBefore.NextDeliveryUtc, learner.NextDeliveryUtc);
    }

    [Fact]
    public async Task OversizedLessonBecomesShortNotice()
    {
        await using var bed = await OutboxTestBed.StartAsync();
        var nugget = OversizedNugget();
        var view = new LessonView(TestCourses.CourseId, "Testkurs", nugget, Guid.NewGuid(), 1, 3) { Language = "sv" };
        var address = new MessageAddress("28:bot", "Test Bot", "29:user", OutboxTestBed.ConversationId, ReplyToId: null);

        var json = await bed.Bot.InScopeAsync(services => Task.FromResult(services.GetRequiredService<BotFrameworkMessenger>().CreateMessageJson(view, address)));

        Assert.True(nugget.Body.Length > ConnectorClient.MessageSizeBudget);
        Assert.True(json.Length <= ConnectorClient.MessageSizeBudget, $"The message is {json.Length} UTF-16 code units.");
        Assert.Contains(StringsIn(JsonNode.Parse(json)!), text => text.Contains(TooLargeNotice, StringComparison.Ordinal));
    }

    [Fact]
    public async Task OversizedSessionArrivesAsNotice()
    {
        var course = TestCourses.Create(withEnglish: false);
        course = course with { Original = course.Original with { Nuggets = [OversizedNugget(), .. course.Nuggets.Skip(1)] } };
        await using var bed = await OutboxTestBed.StartAsync(course);
        var session = await bed.EnrollAndWriteSessionAsync();

        Assert.Equal(1, await bed.SendDueAsync());

        var sent = await bed.OutboxMessageAsync(session.Id);
        var request = bed.Connector.ActivitiesTo(OutboxTestBed.ConversationId).Last();
        Assert.True(session.Payload.Length <= ConnectorClient.MessageSizeBudget, $"The payload is {session.Payload.Length} UTF-16 code units.");
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Equal(201, request.ResponseStatus);
        Assert.Contains(TooLargeNotice, request.CardText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectorSendsBudgetButNotMore()
    {
        await using var bed = await OutboxTestBed.StartAsync();
        var target = new ConnectorTarget(bed.Connector.ServiceUrl, OutboxTestBed.ConversationId, ServiceUrlAuthenticated: false);

        var tooLarge = await SendAsync(bed, target, MessageOfLength(ConnectorClient.MessageSizeBudget + 1));

        Assert.Same(ConnectorResult.TooLarge, tooLarge);
        Assert.Equal(ConnectorFailureKind.Permanent, tooLarge.FailureKind);
        Assert.Empty(bed.Connector.Requests);

        var atBudget = await SendAsync(bed, target, MessageOfLength(ConnectorClient.MessageSizeBudget));

        Assert.True(atBudget.Succeeded);
        Assert.Single(bed.Connector.Requests);
    }

    [Fact]
    public async Task InTurnThrottledReplyIsRetried()
    {
        await using var bed = await OutboxTestBed.StartAsync();
        await bed.Bot.PostActivityAsync(Activities.Install(bed.Connector.ServiceUrl));
        var before = bed.Connector.Requests.Count;
        bed.Connector.FailNext(HttpStatusCode.TooManyRequests, "Throttled", retryAfter: TimeSpan.FromSeconds(1));

        var posting = bed.Bot.PostActivityAsync(Activities.Text(bed.Connector.ServiceUrl, "hjälp"));
        await WaitUntilAsync(() => bed.Connector.Requests.Count > before);

        // The reply waits on the bot's clock, so move it in small steps until the request completes.
        var advanced = TimeSpan.Zero;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!posting.IsCompleted && DateTime.UtcNow < deadline)
        {
            bed.Time.Advance(TimeSpan.FromMilliseconds(100));
            advanced += TimeSpan.FromMilliseconds(100);
            await Task.Delay(20);
        }

        var response = await posting.WaitAsync(TimeSpan.FromSeconds(5));
        var replies = bed.Connector.Requests.Skip(before).ToList();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([429, 201], replies.Select(r => r.ResponseStatus).ToArray());
        Assert.True(JsonNode.DeepEquals(replies[0].Body, replies[1].Body));
        Assert.True(advanced >= TimeSpan.FromSeconds(1), $"The retry came after {advanced} of bot time, before the Retry-After of 1 s.");
    }

    [Fact]
    public async Task InTurnForbiddenReplyIsNotRetried()
    {
        await using var bed = await OutboxTestBed.StartAsync();
        await bed.EnrollAsync();
        var before = bed.Connector.Requests.Count;
        bed.Connector.FailNext(HttpStatusCode.Forbidden, "ConversationBlockedByUser");

        var response = await bed.Bot.PostActivityAsync(Activities.Text(bed.Connector.ServiceUrl, "hjälp"));
        bed.Time.Advance(TimeSpan.FromMinutes(1));
        await Task.Delay(200);

        var replies = bed.Connector.Requests.Skip(before).ToList();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(403, Assert.Single(replies).ResponseStatus);

        // The blocked chat also stops scheduled lessons, as a failed lesson would.
        var learner = await bed.LearnerAsync();
        Assert.Equal(LearnerStatus.Unreachable, learner.Status);
        Assert.Equal("403 ConversationBlockedByUser", learner.StatusReason);
        Assert.Null(learner.NextDeliveryUtc);
    }

    [Fact]
    public async Task ConversationRateLimitDeliversEachOnce()
    {
        const int cardCount = 10;
        await using var bed = await OutboxTestBed.StartAsync();
        await bed.EnrollAsync();
        var learner = await bed.LearnerAsync();

        // One session of ten short cards waits in the outbox, in slot order.
        await bed.Bot.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<MicroLearnDbContext>();
            for (var slot = 1; slot <= cardCount; slot++)
            {
                db.OutboxMessages.Add(new OutboxMessageEntity
                {
                    Id = Guid.NewGuid(),
                    LearnerId = learner.Id,
                    IdempotencyKey = $"{learner.Id:N}:2026-12-04:daily:{slot:D2}",
                    Payload = $$"""{"type":"message","text":"card {{slot}}"}""",
                    CreatedUtc = bed.UtcNow,
                    NextAttemptUtc = bed.UtcNow,
                });
            }

            return await db.SaveChangesAsync();
        });

        // Teams takes seven sends per second in one conversation; the eighth is throttled and the two after it
        // wait behind it, so the cards keep their order. A new second starts first, after the enrollment replies.
        bed.Time.Advance(TimeSpan.FromSeconds(1));
        var burstAt = bed.UtcNow;
        var sentPerSecond = FakeTeamsConnector.SendsPerSecond;
        Assert.Equal(sentPerSecond + 1, await bed.SendDueAsync());

        var afterBurst = (await bed.OutboxAsync()).OrderBy(m => m.IdempotencyKey, StringComparer.Ordinal).ToList();
        Assert.All(afterBurst.Take(sentPerSecond), m => Assert.Equal(OutboxStatus.Sent, m.Status));
        var throttled = afterBurst[sentPerSecond];
        Assert.Equal(OutboxStatus.Pending, throttled.Status);
        Assert.Equal(burstAt.AddSeconds(1), throttled.NextAttemptUtc);
        Assert.Equal("429 Throttled", throttled.LastError);
        Assert.All(afterBurst.Skip(sentPerSecond + 1), m => Assert.Equal(0, m.Attempts));

        Assert.Equal(0, await bed.SendDueAsync());
        bed.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(cardCount - sentPerSecond, await bed.SendDueAsync());

        var delivered = await bed.OutboxAsync();
        var cardRequests = bed.Connector.ActivitiesTo(OutboxTestBed.ConversationId)
            .Where(r => delivered.Any(m => IsPayloadOf(m, r)))
            .ToList();
        Assert.All(delivered, m => Assert.Equal(OutboxStatus.Sent, m.Status));
        Assert.Equal(cardCount + 1, cardRequests.Count);
        Assert.Equal(1, cardRequests.Count(r => r.ResponseStatus == 429));
        Assert.All(delivered, m => Assert.Equal(1, cardRequests.Count(r => IsPayloadOf(m, r) && r.ResponseStatus == 201)));
        var arrivalOrder = cardRequests.Where(r => r.ResponseStatus == 201).Select(r => (string?)r.Body!["text"]).ToList();
        Assert.Equal(Enumerable.Range(1, cardCount).Select(slot => $"card {slot}"), arrivalOrder);
    }

    [Fact]
    public async Task StaleSessionIsDroppedNotSentLate()
    {
        await using var bed = await OutboxTestBed.StartAsync();
        var message = await bed.EnrollAndWriteSessionAsync();

        bed.Time.Advance(OutboxSender.MaxMessageAge + TimeSpan.FromMinutes(1));
        await bed.SendDueAsync();

        var stored = await bed.OutboxMessageAsync(message.Id);
        Assert.Equal(OutboxStatus.Failed, stored.Status);
        Assert.Equal("expired", stored.LastError);
        Assert.Empty(bed.FirstLessonRequests());
    }

    [Fact]
    public async Task RetryAfterZeroStillBacksOff()
    {
        await using var bed = await OutboxTestBed.StartAsync();
        var message = await bed.EnrollAndWriteSessionAsync();
        bed.Connector.FailNext(HttpStatusCode.ServiceUnavailable, "ServiceError", retryAfter: TimeSpan.Zero);

        await bed.SendDueAsync();

        var stored = await bed.OutboxMessageAsync(message.Id);
        Assert.Equal(OutboxStatus.Pending, stored.Status);
        Assert.True(stored.NextAttemptUtc > bed.UtcNow, "A zero Retry-After must not retry at once.");
    }

    private static Nugget OversizedNugget()
    {
        var nugget = TestCourses.Create().Original.Nuggets[0];

        // Swedish letters count one UTF-16 code unit each, like the rest of the text.
        var body = string.Concat(Enumerable.Repeat("Långa stycken om vårdhygien. ", 3_000));
        return nugget with { Body = body };
    }

    private static string MessageOfLength(int length)
    {
        const string prefix = "{\"type\":\"message\",\"text\":\"";
        const string suffix = "\"}";
        return prefix + new string('x', length - prefix.Length - suffix.Length) + suffix;
    }

    private static Task<ConnectorResult> SendAsync(OutboxTestBed bed, ConnectorTarget target, string json) =>
        bed.Bot.InScopeAsync(services => services.GetRequiredService<ConnectorClient>().SendToConversationAsync(target, json, CancellationToken.None));

    private static bool IsPayloadOf(OutboxMessageEntity message, RecordedRequest request) =>
        JsonNode.DeepEquals(JsonNode.Parse(message.Payload), request.Body);

    private static TimeSpan Min(TimeSpan first, TimeSpan second) => first < second ? first : second;

    private static IEnumerable<string> StringsIn(JsonNode node) => node switch
    {
        JsonObject obj => obj.Select(pair => pair.Value).OfType<JsonNode>().SelectMany(StringsIn),
        JsonArray array => array.OfType<JsonNode>().SelectMany(StringsIn),
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition was not met within 10 seconds.");
            }

            await Task.Delay(20);
        }
    }
}
