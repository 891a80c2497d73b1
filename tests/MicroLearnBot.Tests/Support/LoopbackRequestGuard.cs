using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace MicroLearnBot.Tests.Support;

/// <summary>
/// Records every URL the bot's named HTTP clients request and fails any request to a host that is not a loopback
/// IP literal, so a test with production settings can never reach a real Microsoft endpoint.
/// </summary>
public sealed class LoopbackRequestGuard
{
    private readonly ConcurrentQueue<Uri> _requests = new();

    public IReadOnlyList<Uri> Requests => [.. _requests];

    public static bool IsLoopback(Uri uri) => IPAddress.TryParse(uri.IdnHost, out var address) && IPAddress.IsLoopback(address);

    /// <summary>Adds the guard as the outermost handler of the named clients.</summary>
    public void Protect(IServiceCollection services, params string[] httpClientNames)
    {
        foreach (var name in httpClientNames)
        {
            services.AddHttpClient(name).AddHttpMessageHandler(() => new GuardHandler(this));
        }
    }

    private sealed class GuardHandler(LoopbackRequestGuard guard) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            guard._requests.Enqueue(uri);
            if (!IsLoopback(uri))
            {
                throw new InvalidOperationException($"Blocked a request to {uri.Host} because tests only call servers they start on loopback.");
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
