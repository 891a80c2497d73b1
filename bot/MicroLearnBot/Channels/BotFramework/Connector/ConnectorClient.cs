using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MicroLearnBot.Channels.BotFramework.Activities;
using MicroLearnBot.Channels.BotFramework.Authentication;
using Microsoft.Extensions.Logging;

namespace MicroLearnBot.Channels.BotFramework.Connector;

/// <summary>
/// Calls the Bot Connector REST API v3 at a conversation's service URL. Sends a token only to service URLs the
/// trust policy accepts, and never sends an activity larger than the message size budget.
/// </summary>
public sealed partial class ConnectorClient(
    HttpClient httpClient,
    IConnectorTokenProvider tokens,
    IServiceUrlTrustPolicy trust,
    TenantRateLimiter rateLimiter,
    TimeProvider time,
    ILogger<ConnectorClient> logger)
{
    public const string HttpClientName = "BotConnector";

    /// <summary>
    /// Largest serialized activity we send, in UTF-16 code units. Teams rejects messages over about 100 KB
    /// (413 MessageSizeTooBig); staying well under leaves room for the envelope Teams adds.
    /// </summary>
    public const int MessageSizeBudget = 80_000;

    public Task<ConnectorResult> SendToConversationAsync(ConnectorTarget target, string activityJson, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, target, $"v3/conversations/{Escape(target.ConversationId)}/activities", activityJson, cancellationToken);

    public Task<ConnectorResult> ReplyToActivityAsync(ConnectorTarget target, string activityId, string activityJson, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, target, $"v3/conversations/{Escape(target.ConversationId)}/activities/{Escape(activityId)}", activityJson, cancellationToken);

    public Task<ConnectorResult> UpdateActivityAsync(ConnectorTarget target, string activityId, string activityJson, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, target, $"v3/conversations/{Escape(target.ConversationId)}/activities/{Escape(activityId)}", activityJson, cancellationToken);

    public Task<ConnectorResult> DeleteActivityAsync(ConnectorTarget target, string activityId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, target, $"v3/conversations/{Escape(target.ConversationId)}/activities/{Escape(activityId)}", null, cancellationToken);

    /// <summary>
    /// Creates (or returns the existing) one-to-one conversation with a user, for a proactive first message.
    /// Teams requires the tenant id in <c>channelData</c>.
    /// </summary>
    public Task<ConnectorResult> CreateConversationAsync(ConnectorTarget target, string botId, string userId, string tenantId, CancellationToken cancellationToken)
    {
        var parameters = new
        {
            isGroup = false,
            bot = new { id = botId },
            members = new[] { new { id = userId } },
            tenantId,
            channelData = new { tenant = new { id = tenantId } },
        };
        return SendAsync(HttpMethod.Post, target, "v3/conversations", JsonSerializer.Serialize(parameters, ActivityJson.Options), cancellationToken);
    }

    /// <summary>Reads one page of members; Teams clamps the page size to 50–500.</summary>
    public Task<ConnectorResult> GetPagedMembersAsync(ConnectorTarget target, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var query = $"?pageSize={Math.Clamp(pageSize, 50, 500)}";
        if (!string.IsNullOrEmpty(continuationToken))
        {
            query += "&continuationToken=" + Uri.EscapeDataString(continuationToken);
        }

        return SendAsync(HttpMethod.Get, target, $"v3/conversations/{Escape(target.ConversationId)}/pagedmembers{query}", null, cancellationToken);
    }

    public Task<ConnectorResult> GetMemberAsync(ConnectorTarget target, string userId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, target, $"v3/conversations/{Escape(target.ConversationId)}/members/{Escape(userId)}", null, cancellationToken);

    /// <summary>Escapes a path segment: Teams ids contain <c>:</c>, <c>@</c> and <c>;</c>.</summary>
    private static string Escape(string id) => Uri.EscapeDataString(id);

    private async Task<ConnectorResult> SendAsync(HttpMethod method, ConnectorTarget target, string relativePath, string? body, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(target.ServiceUrl, UriKind.Absolute, out var serviceUri) ||
            serviceUri.Scheme is not ("https" or "http") ||
            !trust.MaySend(serviceUri, target.ServiceUrlAuthenticated))
        {
            LogUntrustedServiceUrl(logger, Uri.TryCreate(target.ServiceUrl, UriKind.Absolute, out var parsed) ? parsed.Host : "(invalid)", target.ConversationId);
            return ConnectorResult.Untrusted;
        }

        if (body is not null && body.Length > MessageSizeBudget)
        {
            LogTooLarge(logger, target.ConversationId, body.Length, MessageSizeBudget);
            return ConnectorResult.TooLarge;
        }

        using var lease = await rateLimiter.AcquireAsync(target.TenantId, cancellationToken);

        var baseUri = serviceUri.AbsoluteUri.EndsWith('/') ? serviceUri : new Uri(serviceUri.AbsoluteUri + "/");
        using var request = new HttpRequestMessage(method, new Uri(baseUri, relativePath));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        // The token is asked for only after the trust policy vouches for this exact URL, so a forged service URL
        // never sees it.
        if (trust.MayReceiveToken(serviceUri, target.ServiceUrlAuthenticated) &&
            await tokens.GetTokenAsync(cancellationToken) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        try
        {
            using var response = await httpClient.SendAsync(request, cancellationToken);
            var responseBody = await response.Content.ReadAsStringAsync(cancellationToken);
            var result = new ConnectorResult(response.StatusCode, ErrorCodeOf(responseBody), RetryAfterOf(response), ActivityIdOf(responseBody), responseBody);
            if (!result.Succeeded)
            {
                var operationId = response.Headers.TryGetValues("X-Correlating-OperationId", out var values) ? values.FirstOrDefault() : null;
                LogConnectorFailure(logger, method.Method, (int)response.StatusCode, result.ErrorCode, target.ConversationId, operationId);
            }

            return result;
        }
        catch (HttpRequestException exception)
        {
            LogNetworkFailure(logger, exception, method.Method, serviceUri.Host, target.ConversationId);
            return ConnectorResult.NetworkFailure("NetworkError");
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogNetworkFailure(logger, exception, method.Method, serviceUri.Host, target.ConversationId);
            return ConnectorResult.NetworkFailure("Timeout");
        }
    }

    private TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }

        return retryAfter?.Date is { } date ? date - time.GetUtcNow() : null;
    }

    private static string? ErrorCodeOf(string body) => ReadJson(body, root =>
        root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object &&
        error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
            ? code.GetString()
            : null);

    private static string? ActivityIdOf(string body) => ReadJson(body, root =>
        root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null);

    private static string? ReadJson(string body, Func<JsonElement, string?> read)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object ? read(document.RootElement) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Refused to call untrusted service URL host {ServiceHost} for conversation {ConversationId}")]
    private static partial void LogUntrustedServiceUrl(ILogger logger, string serviceHost, string conversationId);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "Activity for conversation {ConversationId} is {Length} UTF-16 units, over the budget of {Budget}; not sent")]
    private static partial void LogTooLarge(ILogger logger, string conversationId, int length, int budget);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Connector {Method} failed with {StatusCode} {ErrorCode} for conversation {ConversationId}, operation {OperationId}")]
    private static partial void LogConnectorFailure(ILogger logger, string method, int statusCode, string? errorCode, string conversationId, string? operationId);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Connector {Method} to {ServiceHost} failed before a response for conversation {ConversationId}")]
    private static partial void LogNetworkFailure(ILogger logger, Exception exception, string method, string serviceHost, string conversationId);
}

/// <summary>
/// Where a connector call goes: the service URL as stored, the conversation, whether a token vouched for the URL,
/// and the tenant whose rate limit the call counts against.
/// </summary>
public sealed record ConnectorTarget(string ServiceUrl, string ConversationId, bool ServiceUrlAuthenticated, string? TenantId = null);
