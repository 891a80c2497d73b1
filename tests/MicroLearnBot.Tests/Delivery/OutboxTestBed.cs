using MicroLearnBot.Delivery;
using MicroLearnBot.Learning.Courses;
using MicroLearnBot.Storage;
using MicroLearnBot.Storage.Entities;
using MicroLearnBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace MicroLearnBot.Tests.Delivery;

/// <summary>
/// The real bot and the fake connector sharing one fake clock. The outbox sender does not run in the background:
/// tests call <see cref="OutboxSender.SendDueAsync"/> themselves, so every attempt happens at a fake time they chose.
/// </summary>
internal sealed class OutboxTestBed : IAsyncDisposable
{
    public const string ConversationId = "a:PERSONAL-CONVERSATION-ID-1";

    /// <summary>Retry settings small enough to walk through in a test.</summary>
    public const int MaxAttempts = 3;

    public static readonly TimeSpan RetryBaseDelay = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan RetryMaxDelay = TimeSpan.FromSeconds(60);

    private OutboxTestBed(FakeTimeProvider time, FakeTeamsConnector connector, BotTestHost bot)
    {
        Time = time;
        Connector = connector;
        Bot = bot;
    }

    public FakeTimeProvider Time { get; }

    public FakeTeamsConnector Connector { get; }

    public BotTestHost Bot { get; }

    public DateTime UtcNow => Time.GetUtcNow().UtcDateTime;

    /// <summary>Starts both hosts on Friday 4 December 2026, 08:00 in Stockholm, before the default 08:30 delivery time.</summary>
    public static async Task<OutboxTestBed> StartAsync(Course? course = null)
    {
        var time = FakeTime.AtStockholm(2026, 12, 4, 8, 0);
        var connector = await FakeTeamsConnector.StartAsync(rateLimitClock: time);
        var settings = new Dictionary<string, string?>
        {
            ["Delivery:MaxAttempts"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Delivery:RetryBaseDelay"] = RetryBaseDelay.ToString(),
            ["Delivery:RetryMaxDelay"] = RetryMaxDelay.ToString(),
        };

        var bot = await BotTestHost.StartAsync(time, new StaticCourseCatalog(course ?? TestCourses.Create()), settings: settings, configureServices: services =>
        {
            var background = services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(OutboxSender)).ToList();
            foreach (var descriptor in background)
            {
                services.Remove(descriptor);
            }

            services.AddSingleton<OutboxSender>();
        });

        return new OutboxTestBed(time, connector, bot);
    }

    /// <summary>Installs the bot for the test user and starts the test course, whose first session is due at 08:30.</summary>
    public async Task EnrollAsync()
    {
        await Bot.PostActivityAsync(Activities.Install(Connector.ServiceUrl));
        await Bot.PostActivityAsync(Activities.Text(Connector.ServiceUrl, "starta testkurs"));
        await Connector.WaitForActivityAsync(r => r.CardText.Contains("Du har startat", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
    }

    /// <summary>Enrolls, moves to 08:31 and runs the sweep, which writes one session to the outbox.</summary>
    public async Task<OutboxMessageEntity> EnrollAndWriteSessionAsync()
    {
        await EnrollAsync();
        Time.Advance(TimeSpan.FromMinutes(31));
        var written = await SweepAsync();
        if (written != 1)
        {
            throw new InvalidOperationException($"The sweep wrote {written} sessions at {Time.GetUtcNow():O}, but the setup expects exactly one.");
        }

        return Assert.Single(await OutboxAsync());
    }

    public Task<int> SweepAsync() =>
        Bot.InScopeAsync(services => services.GetRequiredService<DeliverySweep>().RunAsync(CancellationToken.None));

    public Task<int> SendDueAsync() =>
        Bot.Services.GetRequiredService<OutboxSender>().SendDueAsync(CancellationToken.None);

    public Task<List<OutboxMessageEntity>> OutboxAsync() =>
        Bot.InScopeAsync(services => services.GetRequiredService<MicroLearnDbContext>().OutboxMessages.AsNoTracking().OrderBy(m => m.CreatedUtc).ToListAsync());

    public Task<OutboxMessageEntity> OutboxMessageAsync(Guid id) =>
        Bot.InScopeAsync(services => services.GetRequiredService<MicroLearnDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));

    public Task<LearnerEntity> LearnerAsync() =>
        Bot.InScopeAsync(services => services.GetRequiredService<MicroLearnDbContext>().Learners.AsNoTracking().SingleAsync());

    /// <summary>Returns the requests the connector received for the first lesson. In-turn replies carry other cards.</summary>
    public IReadOnlyList<RecordedRequest> FirstLessonRequests() =>
        [.. Connector.ActivitiesTo(ConversationId).Where(r => r.CardText.Contains("Lektion 1", StringComparison.Ordinal))];

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
