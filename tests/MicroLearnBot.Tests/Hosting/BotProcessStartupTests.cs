using System.Diagnostics;
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
    public async Task WrongSetting_ExitsOneWithOneLine(string settings, string expectedStart)
    {
        var workingDirectory = Directory.CreateTempSubdirectory("microlearnbot-startup-");
        try
        {
            var start = BotExecutable.CreateStartInfo(workingDirectory.FullName);
            start.Environment["Urls"] = "http://127.0.0.1:0";
            foreach (var setting in settings.Split(';'))
            {
                var separator = setting.IndexOf('=', StringComparison.Ordinal);
                start.Environment[setting[..separator]] = setting[(separator + 1)..];
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await BotExecutable.WaitForExitAsync(process, ProcessTimeout, "The bot with wrong settings", output, error);

            var errorLines = (await error).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal(1, process.ExitCode);
            var line = Assert.Single(errorLines);
            Assert.StartsWith(expectedStart, line, StringComparison.Ordinal);
            Assert.DoesNotContain(" at ", await output, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", await output, StringComparison.Ordinal);
        }
        finally
        {
            workingDirectory.Delete(recursive: true);
        }
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
