using System.Globalization;
using MicroLearnBot.Delivery;
using MicroLearnBot.Hosting;
using MicroLearnBot.Storage;
using MicroLearnBot.Storage.Entities;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace MicroLearnBot.WaveBenchmark;

/// <summary>The outcome of one wave: what was sent and what each phase cost.</summary>
public sealed record WaveResult(
    string Database,
    int RequestsPerSecondLimit,
    int Learners,
    int Sessions,
    long Messages,
    long ConnectorSends,
    TimeSpan Seeding,
    PhaseCost Sweep,
    PhaseCost Drain,
    long ManagedHeapAfterBytes);

/// <summary>
/// Runs one morning wave against the real bot: seeds learners who are all due, runs the delivery sweep once, then
/// drains the outbox to the fake connector until every message is sent. The sweep and the drain run one after the
/// other, so each has its own cost. In production the sender starts while the sweep still writes.
/// </summary>
public static class WaveRun
{
    /// <summary>Learners swept and sent before the measured wave, so JIT compilation and pool warm-up stay out of it.</summary>
    private const int WarmUpLearners = 50;

    /// <summary>Monday 7 December 2026, 08:31 in Stockholm (UTC+1): a working day, one minute after the learners' 08:30.</summary>
    private static readonly DateTimeOffset WaveStart = new(2026, 12, 7, 7, 31, 0, TimeSpan.Zero);

    public static async Task<WaveResult> RunAsync(WaveOptions options, WaveDatabase database, FakeConnectorProcess connector, int learners, int requestsPerSecond)
    {
        var time = new FakeTimeProvider(WaveStart);
        var app = await StartBotAsync(options, database, time, requestsPerSecond);
        try
        {
            return await RunWaveAsync(options, database, connector, app.Services, time, learners, requestsPerSecond);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static async Task<WaveResult> RunWaveAsync(
        WaveOptions options, WaveDatabase database, FakeConnectorProcess connector, IServiceProvider services, FakeTimeProvider time, int learners, int requestsPerSecond)
    {
        var sender = ActivatorUtilities.CreateInstance<OutboxSender>(services);
        var dueUtc = WaveStart.UtcDateTime.AddMinutes(-1);

        await LearnerSeeder.SeedAsync(services, "warm-up", WarmUpLearners, options.CourseId, connector.ServiceUrl, dueUtc, WaveStart.UtcDateTime);
        await SweepAsync(services);
        await DrainAsync(sender, time);

        var seeding = System.Diagnostics.Stopwatch.StartNew();
        await LearnerSeeder.SeedAsync(services, "learner", learners, options.CourseId, connector.ServiceUrl, dueUtc, WaveStart.UtcDateTime);
        seeding.Stop();

        var sendsBefore = await connector.CountSendsAsync();
        ForceFullCollection();

        int sessions;
        PhaseCost sweep;
        using (var meter = PhaseMeter.Start())
        {
            sessions = await SweepAsync(services);
            sweep = meter.Stop();
        }

        PhaseCost drain;
        using (var meter = PhaseMeter.Start())
        {
            await DrainAsync(sender, time);
            drain = meter.Stop();
        }

        var connectorSends = await connector.CountSendsAsync() - sendsBefore;
        var messages = await CountSentAsync(services) - WarmUpLearners;
        await ThrowIfAnyPendingAsync(services);

        ForceFullCollection();
        var heapAfter = GC.GetGCMemoryInfo(GCKind.FullBlocking).HeapSizeBytes;

        return new WaveResult(database.Name, requestsPerSecond, learners, sessions, messages, connectorSends, seeding.Elapsed, sweep, drain, heapAfter);
    }

    private static async Task<WebApplication> StartBotAsync(WaveOptions options, WaveDatabase database, FakeTimeProvider time, int requestsPerSecond)
    {
        var settings = new Dictionary<string, string>(database.Settings)
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Content:Path"] = options.ContentPath,

            // The benchmark runs the sweep itself at a fake time, so Quartz's trigger is moved out of the way.
            ["Delivery:SweepCron"] = "0 0 0 1 1 ? 2099",
            ["BotFramework:TenantRequestsPerSecond"] = requestsPerSecond.ToString(CultureInfo.InvariantCulture),

            // Information would write a line per sent message to the console, which measures the terminal.
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var args = settings.Select(pair => $"--{pair.Key}={pair.Value}").ToArray();

        var app = BotApplication.Create(args, builder =>
        {
            builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(time));

            // The benchmark drains the outbox itself after the sweep, so the background sender is not started.
            var backgroundSender = builder.Services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(OutboxSender));
            builder.Services.Remove(backgroundSender);
        });
        await app.StartAsync();
        return app;
    }

    private static async Task<int> SweepAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeliverySweep>().RunAsync(CancellationToken.None);
    }

    /// <summary>Sends batches until none is due, as the background sender's loop does while it has work.</summary>
    private static async Task DrainAsync(OutboxSender sender, FakeTimeProvider time)
    {
        // Later cards of a session are due a few ticks after the first, so the clock moves past them.
        time.Advance(TimeSpan.FromSeconds(1));
        while (await sender.SendDueAsync(CancellationToken.None) > 0)
        {
        }
    }

    private static async Task<long> CountSentAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MicroLearnDbContext>();
        return await db.OutboxMessages.LongCountAsync(m => m.Status == OutboxStatus.Sent);
    }

    private static async Task ThrowIfAnyPendingAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MicroLearnDbContext>();
        var unsent = await db.OutboxMessages.Where(m => m.Status != OutboxStatus.Sent).Select(m => new { m.Status, m.LastError }).Take(5).ToListAsync();
        if (unsent.Count > 0)
        {
            var examples = string.Join("; ", unsent.Select(m => $"{m.Status}: {m.LastError}"));
            throw new InvalidOperationException($"Outbox messages remained unsent after the drain, for example {examples}. The numbers of this run are not valid.");
        }
    }

    private static void ForceFullCollection()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }
}
