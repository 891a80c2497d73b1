using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MicroLearnBot.WaveBenchmark;

/// <summary>
/// A minimal stand-in for the Bot Connector on loopback: every send gets 201 with a new activity id, with no rate
/// limit and no checks, so the wave is bounded only by the bot. It runs in a child process, so its CPU time and
/// allocations stay out of the bot's numbers.
/// </summary>
public static class FakeConnector
{
    public const string ServeArgument = "--serve-connector";

    private const string ListeningPrefix = "listening ";

    /// <summary>Serves until standard input closes, which happens when the parent process ends or disposes it.</summary>
    public static async Task<int> ServeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();

        long sends = 0;
        app.MapPost("/v3/conversations/{conversationId}/activities", async (HttpContext context) =>
        {
            // The bot reads only the activity id from the response, so the request body is not read.
            var id = Interlocked.Increment(ref sends);
            context.Response.StatusCode = StatusCodes.Status201Created;
            await context.Response.WriteAsJsonAsync(new { id = $"1:{id}" });
        });
        app.MapGet("/stats", () => new { sends = Interlocked.Read(ref sends) });

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Console.WriteLine(ListeningPrefix + address);

        while (await Console.In.ReadLineAsync() is not null)
        {
        }

        await app.StopAsync();
        return 0;
    }

    /// <summary>Starts the connector in a child process of this program and returns once it listens.</summary>
    public static async Task<FakeConnectorProcess> StartProcessAsync()
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };

        // Under `dotnet MicroLearnBot.WaveBenchmark.dll` the process is the dotnet host, which needs the assembly path.
        var processPath = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this program is unknown, so the fake connector cannot be started.");
        start.FileName = processPath;
        if (Path.GetFileNameWithoutExtension(processPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(FakeConnector).Assembly.Location);
        }

        start.ArgumentList.Add(ServeArgument);

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Starting the fake connector ({processPath}) failed.");
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (line is null || !line.StartsWith(ListeningPrefix, StringComparison.Ordinal))
        {
            process.Kill();
            throw new InvalidOperationException($"The fake connector did not report its address. Its first output line was '{line}'.");
        }

        return new FakeConnectorProcess(process, new Uri(line[ListeningPrefix.Length..].Trim()));
    }
}

/// <summary>The fake connector's child process and its address.</summary>
public sealed class FakeConnectorProcess(Process process, Uri address) : IAsyncDisposable
{
    private readonly HttpClient _client = new() { BaseAddress = address };

    /// <summary>The service URL to store on learners.</summary>
    public string ServiceUrl { get; } = address.AbsoluteUri;

    /// <summary>Returns how many activities the connector has accepted since it started.</summary>
    public async Task<long> CountSendsAsync()
    {
        using var stats = await _client.GetFromJsonAsync<System.Text.Json.JsonDocument>("stats")
            ?? throw new InvalidOperationException("The fake connector returned no statistics.");
        return stats.RootElement.GetProperty("sends").GetInt64();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
