using System.Diagnostics;
using System.Text;
using System.Text.Json;
using MicroLearnBot.Learning.Scheduling.Replay;
using MicroLearnBot.Tests.Support;

namespace MicroLearnBot.Tests.Cli;

/// <summary>
/// Runs <c>schedule replay</c> in the bot's built executable with <c>dotnet MicroLearnBot.dll</c>, as an operator
/// does, and checks stdout, stderr and the exit code, and that the web host does not start.
/// </summary>
public sealed class ScheduleReplayProcessTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    // Start of the line that ASP.NET Core logs (category Microsoft.Hosting.Lifetime) once the server listens.
    private const string WebHostStarted = "Now listening";

    [Fact]
    public async Task Replay_ValidInput_WritesOnlyJson()
    {
        const string input = """
            [{"reviews": [{"rating": 3, "at": "2022-12-29T12:30:00Z"}, {"rating": 3, "at": "2022-12-29T12:40:00Z"}]},
             {"enable_short_term": false, "reviews": [{"rating": 1, "at": "2024-03-01T18:00:00-05:00"}]}]
            """;

        var (exitCode, output, error) = await RunReplayAsync(input);

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Equal(ScheduleReplay.Run(input).Output + Environment.NewLine, output);
        using var document = JsonDocument.Parse(output);
        Assert.Equal(2, document.RootElement.GetArrayLength());
        Assert.Equal(2, document.RootElement[0].GetArrayLength());
        Assert.Equal("2022-12-29T12:40:00.000Z", document.RootElement[0][0].GetProperty("due").GetString());
        Assert.Equal("2024-03-02T23:00:00.000Z", document.RootElement[1][0].GetProperty("due").GetString());
    }

    [Theory]
    [InlineData("", "schedule replay failed: Input is not valid JSON at line 1, byte ")]
    [InlineData("""[{"reviews": [}]""", "schedule replay failed: Input is not valid JSON at line 1, byte ")]
    [InlineData("""[{"reviews": [{"rating": 5, "at": "2024-01-01T00:00:00Z"}]}]""",
        "schedule replay failed: sequence 0, review 0, rating: 5 is not a rating; use 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy).")]
    [InlineData("""[{"learning_steps": ["10675200d"], "reviews": [{"rating": 3, "at": "2024-01-01T00:00:00Z"}]}]""",
        "schedule replay failed: sequence 0, learning_steps[0]: Learning step \"10675200d\" is too long: the maximum is 10675199d, 256204778h or 15372286728m (TimeSpan.MaxValue).")]
    public async Task Replay_InvalidInput_ExitsOneWithOneLine(string input, string expectedStart)
    {
        var (exitCode, output, error) = await RunReplayAsync(input);

        Assert.Equal(1, exitCode);
        Assert.Equal("", output);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith(expectedStart, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
    }

    // Starts the executable, writes the input to stdin and waits for the exit. A run that starts the web host is
    // stopped as soon as it logs that it listens, and fails the test, whatever the exit code.
    private static async Task<(int ExitCode, string Output, string Error)> RunReplayAsync(string input)
    {
        // A fresh folder, so a web host started by mistake creates its SQLite database there.
        var workingDirectory = Directory.CreateTempSubdirectory("microlearnbot-replay-");
        var start = BotExecutable.CreateStartInfo(workingDirectory.FullName, "schedule", "replay");

        // A web host started by mistake takes a free loopback port instead of the default one.
        start.Environment["Urls"] = "http://127.0.0.1:0";

        try
        {
            using var process = Process.Start(start)!;
            var output = ReadUntilWebHostStartsAsync(process.StandardOutput, process);
            var error = ReadUntilWebHostStartsAsync(process.StandardError, process);
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();

            await BotExecutable.WaitForExitAsync(process, ExitTimeout, "schedule replay", output, error);

            var (outputText, errorText) = (await output, await error);
            Assert.False(outputText.Contains(WebHostStarted, StringComparison.Ordinal), $"The web host started:\n{outputText}");
            Assert.False(errorText.Contains(WebHostStarted, StringComparison.Ordinal), $"The web host started:\n{errorText}");
            return (process.ExitCode, outputText, errorText.Replace("\r\n", "\n", StringComparison.Ordinal));
        }
        finally
        {
            workingDirectory.Delete(recursive: true);
        }
    }

    // Reads the stream to its end, but kills the process once the web host reports that it listens, because a
    // web host would otherwise run until the timeout.
    private static async Task<string> ReadUntilWebHostStartsAsync(StreamReader reader, Process process)
    {
        var text = new StringBuilder();
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            text.Append(buffer, 0, read);
            if (text.ToString().Contains(WebHostStarted, StringComparison.Ordinal) && !process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        return text.ToString();
    }
}
