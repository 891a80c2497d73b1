using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using MicroLearnBot.Tests.Support;

namespace MicroLearnBot.Tests.Hosting;

/// <summary>
/// Starts the bot's built executable as an operator does and checks how it reports wrong settings and which address it
/// listens on.
/// </summary>
public sealed partial class BotProcessStartupTests
{
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("MicrosoftAppId=11111111-1111-1111-1111-111111111111;MicrosoftAppType=SingleTenant;MicrosoftAppPassword=secret",
        "MicroLearnBot cannot start: MicrosoftAppTenantId is missing.")]
    [InlineData("Storage__Provider=Postgres",
        "MicroLearnBot cannot start: ConnectionStrings:MicroLearn is not a PostgreSQL connection string")]
    [InlineData("ConnectionStrings__MicroLearn=Host=localhost",
        "MicroLearnBot cannot start: ConnectionStrings:MicroLearn is not a SQLite connection string")]
    [InlineData("BotFramework__TenantRequestsPerSecond=0",
        "MicroLearnBot cannot start: BotFramework:TenantRequestsPerSecond is 0;")]
    [InlineData("Delivery__RetryBaseDelay=30s",
        "MicroLearnBot cannot start: Delivery:RetryBaseDelay is '30s', which is not valid; write a duration as hh:mm:ss, such as 00:00:30.")]
    [InlineData("Storage__Provider=Mysql",
        "MicroLearnBot cannot start: Storage:Provider is 'Mysql', which is not valid; use one of Sqlite, Postgres.")]
    public async Task WrongSetting_ExitsOneWithOneLine(string settings, string expectedStart)
    {
        var (exitCode, output, errorLines) = await RunUntilExitAsync(settings);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(errorLines);
        Assert.StartsWith(expectedStart, line, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableDatabase_ExitsOneWithOneLine()
    {
        // A loopback port that was free a moment ago, so the connection is refused.
        var port = FreeLoopbackPort();

        var (exitCode, output, errorLines) = await RunUntilExitAsync(
            $"Storage__Provider=Postgres;ConnectionStrings__MicroLearn=Host=127.0.0.1,Port={port},Username=bot,Database=microlearnbot");

        Assert.Equal(1, exitCode);
        var line = Assert.Single(errorLines);
        Assert.Equal($"MicroLearnBot cannot start: The database cannot be opened (Failed to connect to 127.0.0.1:{port}). Check ConnectionStrings:MicroLearn and that the database server runs and accepts this user.", line);
        Assert.DoesNotContain(" at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddressInUse_ExitsOneWithOneLine()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var address = $"http://127.0.0.1:{((IPEndPoint)occupant.LocalEndpoint).Port}";

        var (exitCode, _, errorLines) = await RunUntilExitAsync($"Urls={address}");

        // The host logs its own error with a stack trace before the bot reports the problem in one line.
        Assert.Equal(1, exitCode);
        var line = Assert.Single(errorLines);
        Assert.Equal($"MicroLearnBot cannot start: Failed to bind to address {address}: address already in use. Stop the program that uses this address, or choose another one with --urls or ASPNETCORE_URLS.", line);
    }

    // Starts the bot with the settings ("Key=value" pairs separated by ';', with ',' standing for ';' inside a
    // value) and waits for it to exit. Returns the exit code, standard output and the lines of standard error.
    private static async Task<(int ExitCode, string Output, string[] ErrorLines)> RunUntilExitAsync(string settings)
    {
        var workingDirectory = Directory.CreateTempSubdirectory("microlearnbot-startup-");
        try
        {
            var start = BotExecutable.CreateStartInfo(workingDirectory.FullName);
            start.Environment["Urls"] = "http://127.0.0.1:0";
            foreach (var setting in settings.Split(';'))
            {
                var separator = setting.IndexOf('=', StringComparison.Ordinal);
                start.Environment[setting[..separator]] = setting[(separator + 1)..].Replace(',', ';');
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await BotExecutable.WaitForExitAsync(process, ProcessTimeout, "The bot with wrong settings", output, error);

            var errorLines = (await error).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return (process.ExitCode, await output, errorLines);
        }
        finally
        {
            workingDirectory.Delete(recursive: true);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task AspNetCoreUrls_SetsListenAddress()
    {
        var workingDirectory = Directory.CreateTempSubdirectory("microlearnbot-urls-");
        Process? process = null;
        try
        {
            var start = BotExecutable.CreateStartInfo(workingDirectory.FullName);
            start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
            process = Process.Start(start)!;
            _ = process.StandardError.ReadToEndAsync();

            var address = await ReadListenAddressAsync(process);

            using var client = new HttpClient { Timeout = ProcessTimeout };
            var response = await client.GetAsync(new Uri(new Uri(address), "/healthz"));

            // The database is prepared before the server listens, so the bot is ready at once.
            Assert.NotEqual(3978, new Uri(address).Port);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        }
        finally
        {
            if (process is { HasExited: false })
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process?.Dispose();
            workingDirectory.Delete(recursive: true);
        }
    }

    // Reads the bot's log until the web host names the address it listens on.
    private static async Task<string> ReadListenAddressAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(ProcessTimeout);
        var log = new StringBuilder();
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            log.AppendLine(line);
            if (ListeningLine().Match(line) is { Success: true } match)
            {
                return match.Groups["address"].Value;
            }
        }

        Assert.Fail($"The bot exited before it listened:\n{log}");
        return "";
    }

    [GeneratedRegex(@"Now listening on: (?<address>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
