using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MicroLearnBot.Tests.Support;

/// <summary>
/// A stand-in for the Teams Bot Connector on loopback. It records every request and answers like the real
/// service: 201 with an id, Teams's per-conversation rate limit (7 sends per second) as 429 with Retry-After,
/// and scripted failures with Teams's status codes and <c>{"error":{"code","message"}}</c> bodies.
/// </summary>
public sealed class FakeTeamsConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ScriptedFailure> _failures = new();
    private readonly PartitionedRateLimiter<string> _perConversationLimit = PartitionedRateLimiter.Create<string, string>(conversation =>
        RateLimitPartition.GetFixedWindowLimiter(conversation, _ => new FixedWindowRateLimiterOptions { PermitLimit = SendsPerSecond, Window = TimeSpan.FromSeconds(1), QueueLimit = 0 }));

    private readonly TimeProvider? _rateLimitClock;
    private readonly ConcurrentDictionary<(string Conversation, long Second), int> _sendsPerSecond = new();
    private readonly ConcurrentDictionary<string, TimeSpan> _delays = new();

    private FakeTeamsConnector(WebApplication app, TimeProvider? rateLimitClock)
    {
        _app = app;
        _rateLimitClock = rateLimitClock;
    }

    /// <summary>Teams's per-bot, per-conversation send limit for one second.</summary>
    public const int SendsPerSecond = 7;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>The service URL to put in activities, with a path segment as Teams uses (<c>/teams/</c>).</summary>
    public string ServiceUrl { get; private set; } = "";

    /// <param name="rateLimitClock">
    /// When set, the per-conversation limit counts sends per whole second of this clock, so a test with fake time
    /// decides exactly which sends share a second. Without it, the limit uses real one-second windows.
    /// </param>
    public static async Task<FakeTeamsConnector> StartAsync(TimeProvider? rateLimitClock = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new FakeTeamsConnector(app, rateLimitClock);
        app.Map("/teams/v3/{**path}", connector.HandleAsync);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        connector.ServiceUrl = address.TrimEnd('/') + "/teams/";
        return connector;
    }

    /// <summary>Makes the next sends fail with <paramref name="status"/> and Teams error <paramref name="code"/>.</summary>
    public void FailNext(HttpStatusCode status, string code, int times = 1, TimeSpan? retryAfter = null)
    {
        for (var i = 0; i < times; i++)
        {
            _failures.Enqueue(new ScriptedFailure(status, code, retryAfter));
        }
    }

    /// <summary>Makes every later request to <paramref name="conversationId"/> wait <paramref name="delay"/> for its response, like a slow Teams backend.</summary>
    public void DelayResponses(string conversationId, TimeSpan delay) => _delays[conversationId] = delay;

    public IReadOnlyList<RecordedRequest> ActivitiesTo(string conversationId) =>
        [.. Requests.Where(r => r.ConversationId == conversationId && r.Method == "POST" && r.Body is not null)];

    public async Task<RecordedRequest> WaitForActivityAsync(Func<RecordedRequest, bool> predicate, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var match = Requests.FirstOrDefault(r => r.Body is not null && predicate(r));
            if (match is not null)
            {
                return match;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No matching activity within {timeout}; the connector received {Requests.Count} requests.");
    }

    /// <summary>
    /// Runs <paramref name="send"/> and waits for the first activity after it that matches
    /// <paramref name="predicate"/>, so an earlier reply with the same text is not taken for the new one.
    /// </summary>
    public async Task<RecordedRequest> WaitForNewActivityAsync(Func<Task> send, Func<RecordedRequest, bool>? predicate = null)
    {
        var earlier = Requests.ToHashSet(ReferenceEqualityComparer.Instance);
        await send();
        return await WaitForActivityAsync(r => !earlier.Contains(r) && (predicate is null || predicate(r)), TimeSpan.FromSeconds(15));
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = (string)context.Request.RouteValues["path"]!;
        var segments = path.Split('/');
        var conversationId = segments.Length > 1 ? Uri.UnescapeDataString(segments[1]) : "";
        if (_delays.TryGetValue(conversationId, out var delay))
        {
            await Task.Delay(delay, context.RequestAborted);
        }

        var body = context.Request.ContentLength > 0 || context.Request.Method is "POST" or "PUT"
            ? await new StreamReader(context.Request.Body).ReadToEndAsync()
            : null;
        // The raw target keeps percent-escapes exactly as the bot sent them; Request.Path is already decoded.
        var rawTarget = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.ToString();
        var failure = _failures.TryDequeue(out var scripted)
            ? scripted
            : WithinRateLimit(conversationId) ? null : new ScriptedFailure(HttpStatusCode.TooManyRequests, "Throttled", TimeSpan.FromSeconds(1));
        var status = failure is not null
            ? (int)failure.Status
            : context.Request.Method == "POST" ? StatusCodes.Status201Created : StatusCodes.Status200OK;

        var request = new RecordedRequest(context.Request.Method, rawTarget, conversationId,
            context.Request.Headers.Authorization.FirstOrDefault(), context.Request.ContentType, string.IsNullOrEmpty(body) ? null : JsonNode.Parse(body), DateTimeOffset.UtcNow)
        {
            ResponseStatus = status,
        };
        Requests.Enqueue(request);

        if (failure is not null)
        {
            await WriteErrorAsync(context, failure.Status, failure.Code, failure.RetryAfter);
            return;
        }

        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new { id = $"1:{Guid.NewGuid():N}" });
    }

    private bool WithinRateLimit(string conversationId)
    {
        if (_rateLimitClock is null)
        {
            using var lease = _perConversationLimit.AttemptAcquire(conversationId);
            return lease.IsAcquired;
        }

        var second = _rateLimitClock.GetUtcNow().ToUnixTimeSeconds();
        var count = _sendsPerSecond.AddOrUpdate((conversationId, second), 1, (_, previous) => previous + 1);
        return count <= SendsPerSecond;
    }

    private static async Task WriteErrorAsync(HttpContext context, HttpStatusCode status, string code, TimeSpan? retryAfter)
    {
        context.Response.StatusCode = (int)status;
        if (retryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await context.Response.WriteAsJsonAsync(new { error = new { code, message = $"Simulated {code}" } });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _perConversationLimit.Dispose();
    }

    private sealed record ScriptedFailure(HttpStatusCode Status, string Code, TimeSpan? RetryAfter);
}

/// <summary>One request the fake connector received.</summary>
public sealed record RecordedRequest(string Method, string Path, string ConversationId, string? Authorization, string? ContentType, JsonNode? Body, DateTimeOffset ReceivedAt)
{
    /// <summary>The HTTP status code of the fake's response.</summary>
    public int ResponseStatus { get; init; }

    public JsonObject? Card => Body?["attachments"]?[0]?["content"] as JsonObject;

    /// <summary>All text in the card (text blocks, labels, choices, facts, button titles), for simple content checks.</summary>
    public string CardText => Card is null ? "" : string.Join("\n", Texts(Card));

    private static IEnumerable<string> Texts(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    if (value is JsonValue text && text.GetValueKind() == JsonValueKind.String && name is "text" or "label" or "title" or "placeholder" or "value")
                    {
                        yield return text.GetValue<string>();
                    }
                    else if (value is not null)
                    {
                        foreach (var inner in Texts(value))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        foreach (var inner in Texts(item))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
        }
    }
}
