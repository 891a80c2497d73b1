using MicroLearnBot.Tests.Authentication;
using MicroLearnBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MicroLearnBot.Tests.Conversation;

/// <summary>Reflection answers are personal data: no log line, at any level, may contain their text.</summary>
public sealed class PrivacyLoggingTests : IAsyncLifetime
{
    private FakeTeamsConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeTeamsConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task ReflectionTextNeverLogged()
    {
        var logs = new CapturingLoggerProvider();
        var secret = $"hemlig-reflektion-{Guid.NewGuid():N}";
        await using var bot = await BotTestHost.StartAsync(
            FakeTime.AtStockholm(2026, 12, 7, 10, 0),
            new StaticCourseCatalog(TestCourses.Create()),
            configureServices: services =>
            {
                services.AddSingleton<ILoggerProvider>(logs);
                services.Configure<LoggerFilterOptions>(options => options.MinLevel = LogLevel.Trace);
            });

        await bot.PostActivityAsync(Activities.Install(_connector.ServiceUrl));
        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "starta testkurs"));
        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "mer"));
        var lesson = await _connector.WaitForActivityAsync(r => r.CardText.Contains("Lektion 1", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        var data = Activities.SubmitData(lesson.Card!, "answer");
        await bot.PostActivityAsync(Activities.Submit(_connector.ServiceUrl, data, new Dictionary<string, string> { ["reflection"] = secret, ["check:del-1:q1"] = "a" }));
        await bot.PostActivityAsync(Activities.Submit(_connector.ServiceUrl, data, new Dictionary<string, string> { ["reflection"] = secret + new string('x', 5000) }));
        await bot.PostActivityAsync(Activities.Text(_connector.ServiceUrl, "mina data"));
        await _connector.WaitForActivityAsync(r => r.CardText.Contains(secret, StringComparison.Ordinal) && r.CardText.Contains("Det här är sparat om dig", StringComparison.Ordinal), TimeSpan.FromSeconds(15));

        Assert.NotEmpty(logs.Entries);
        Assert.DoesNotContain(secret, logs.AllText, StringComparison.Ordinal);
    }
}
