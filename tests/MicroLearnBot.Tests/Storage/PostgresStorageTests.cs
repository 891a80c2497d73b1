using MicroLearnBot.Delivery;
using MicroLearnBot.Storage;
using MicroLearnBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MicroLearnBot.Tests.Storage;

/// <summary>The same learner journey as with SQLite, against a real PostgreSQL server.</summary>
public sealed class PostgresStorageTests : IAsyncLifetime
{
    private FakeTeamsConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeTeamsConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task LessonJourneyWorksOnPostgres()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:MicroLearn"] = connectionString,
        };
        var time = FakeTime.AtStockholm(2026, 12, 7, 8, 0);
        const string reflection = "Reflektion på PostgreSQL: åäö 🙂";

        await using var bot = await BotTestHost.StartAsync(time, new StaticCourseCatalog(TestCourses.Create()), settings: settings);
        var provider = await bot.InScopeAsync(services => Task.FromResult(services.GetRequiredService<MicroLearnDbContext>().Database.ProviderName));
        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", provider);

        await bot.PostActivityAsync(Activities.Install(_connector.ServiceUrl));
        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "starta testkurs"));
        time.Advance(TimeSpan.FromMinutes(30));
        var written = await bot.InScopeAsync(async services =>
        {
            var count = await services.GetRequiredService<DeliverySweep>().RunAsync(CancellationToken.None);
            services.GetRequiredService<OutboxSignal>().Notify();
            return count;
        });
        Assert.Equal(1, written);

        var lesson = await _connector.WaitForActivityAsync(r => r.CardText.Contains("Lektion 1", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        var data = Activities.SubmitData(lesson.Card!, "answer");
        await bot.PostActivityAsync(Activities.Submit(_connector.ServiceUrl, data, new Dictionary<string, string> { ["reflection"] = reflection, ["check:del-1:q1"] = "a" }));
        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "mina data"));

        var myData = await _connector.WaitForActivityAsync(r => r.CardText.Contains("Det här är sparat om dig", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        Assert.Contains(reflection, myData.CardText, StringComparison.Ordinal);
        var sent = await bot.InScopeAsync(async services => await services.GetRequiredService<MicroLearnDbContext>().OutboxMessages.CountAsync(m => m.SentUtc != null));
        Assert.Equal(1, sent);
    }

    [Fact]
    public async Task MissingDatabaseIsCreated()
    {
        var server = await TestPostgres.CreateDatabaseAsync();
        var missing = new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = $"microlearnbot_missing_{Guid.NewGuid():N}" }.ConnectionString;
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:MicroLearn"] = missing,
        };

        await using var bot = await BotTestHost.StartAsync(catalog: new StaticCourseCatalog(TestCourses.Create()), settings: settings);
        var response = await bot.PostActivityAsync(Activities.Install(_connector.ServiceUrl));

        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
    }

    [Fact]
    public async Task InstancesStartingTogetherShareSchema()
    {
        // Several rounds, because two instances racing to create the schema collide only some of the time.
        for (var round = 0; round < 3; round++)
        {
            var connectionString = await TestPostgres.CreateDatabaseAsync();
            var settings = new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "Postgres",
                ["ConnectionStrings:MicroLearn"] = connectionString,
            };

            var starts = Enumerable.Range(0, 3)
                .Select(_ => Task.Run(() => BotTestHost.StartAsync(catalog: new StaticCourseCatalog(TestCourses.Create()), settings: settings)))
                .ToList();
            var failures = new List<Exception>();
            foreach (var start in starts)
            {
                try
                {
                    await using var bot = await start;
                    await bot.PostActivityAsync(Activities.Install(_connector.ServiceUrl));
                }
                catch (Exception exception)
                {
                    failures.Add(exception);
                }
            }

            Assert.True(failures.Count == 0, $"Round {round}: {string.Join("\n", failures.Select(f => f.Message))}");
        }
    }

    [Fact]
    public async Task TwoInstancesShareOneClusteredScheduler()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:MicroLearn"] = connectionString,
        };

        await using var first = await BotTestHost.StartAsync(catalog: new StaticCourseCatalog(TestCourses.Create()), settings: settings);
        await using var second = await BotTestHost.StartAsync(catalog: new StaticCourseCatalog(TestCourses.Create()), settings: settings);

        // Each clustered node checks in to qrtz_scheduler_state; the sweep trigger exists once for both.
        var firstNode = await (await first.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler()).GetSchedulerInstanceId();
        var secondNode = await (await second.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler()).GetSchedulerInstanceId();
        Assert.NotEqual(firstNode, secondNode);

        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var instances = new Npgsql.NpgsqlCommand("SELECT COUNT(*) FROM qrtz_scheduler_state", connection);
        await using var triggers = new Npgsql.NpgsqlCommand("SELECT COUNT(*) FROM qrtz_triggers", connection);

        // A node checks in from Quartz's own thread shortly after start; wait for both, within the check-in interval.
        var checkedIn = 0L;
        for (var attempt = 0; attempt < 60 && checkedIn < 2; attempt++)
        {
            checkedIn = (long)(await instances.ExecuteScalarAsync())!;
            if (checkedIn < 2)
            {
                await Task.Delay(250);
            }
        }

        Assert.Equal(2L, checkedIn);
        Assert.Equal(1L, (long)(await triggers.ExecuteScalarAsync())!);
    }
}
