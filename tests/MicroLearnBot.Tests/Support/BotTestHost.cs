using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using MicroLearnBot.Hosting;
using MicroLearnBot.Learning.Courses;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace MicroLearnBot.Tests.Support;

/// <summary>
/// The real bot on a loopback port, with its own SQLite file. Quartz's minute trigger is moved far into the
/// future so tests run the sweep themselves at the fake time they choose.
/// </summary>
public sealed class BotTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BotTestHost(WebApplication app, string databasePath, HttpClient client)
    {
        _app = app;
        DatabasePath = databasePath;
        Client = client;
    }

    public string DatabasePath { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<BotTestHost> StartAsync(
        TimeProvider? time = null,
        ICourseCatalog? catalog = null,
        string? databasePath = null,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null)
    {
        databasePath ??= Path.Combine(Path.GetTempPath(), $"microlearnbot-test-{Guid.NewGuid():N}.db");
        var arguments = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["ConnectionStrings:MicroLearn"] = $"Data Source={databasePath}",
            ["Delivery:SweepCron"] = "0 0 0 1 1 ? 2099",
            ["Delivery:OutboxPollInterval"] = "00:00:00.200",
            ["Content:Path"] = Path.Combine(SharedReference.RepositoryRoot, "content"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            arguments[key] = value;
        }

        var args = arguments.Select(pair => $"--{pair.Key}={pair.Value}").ToArray();
        var app = BotApplication.Create(args, builder =>
        {
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            if (time is not null)
            {
                builder.Services.Replace(ServiceDescriptor.Singleton(time));
            }

            if (catalog is not null)
            {
                builder.Services.Replace(ServiceDescriptor.Singleton(catalog));
            }

            // Runs after the bot's own registrations, so it can replace or extend them.
            configureServices?.Invoke(builder.Services);
        });

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address) };
        return new BotTestHost(app, databasePath, client);
    }

    public Task<HttpResponseMessage> PostActivityAsync(JsonNode activity, string? authorization = null) =>
        PostRawAsync(activity.ToJsonString(), authorization);

    public async Task<HttpResponseMessage> PostRawAsync(string body, string? authorization = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };

        if (authorization is not null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        return await Client.SendAsync(request);
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>Runs the delivery sweep once, as its Quartz trigger would, wakes the sender, and returns the messages written.</summary>
    public Task<int> RunSweepAsync() =>
        InScopeAsync(async services =>
        {
            var written = await services.GetRequiredService<MicroLearnBot.Delivery.DeliverySweep>().RunAsync(CancellationToken.None);
            services.GetRequiredService<MicroLearnBot.Delivery.OutboxSignal>().Notify();
            return written;
        });

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public static class FakeTime
{
    /// <summary>A fake clock at a Stockholm local time on a given date (Stockholm is UTC+1 in winter, +2 in summer).</summary>
    public static FakeTimeProvider AtStockholm(int year, int month, int day, int hour, int minute)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        var instant = new DateTimeOffset(local, zone.GetUtcOffset(local));
        return new FakeTimeProvider(instant.ToUniversalTime());
    }
}
