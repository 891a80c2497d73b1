using MicroLearnBot.Cli;

namespace MicroLearnBot.Tests.Cli;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("")]
    [InlineData("--urls http://127.0.0.1:5000")]
    [InlineData("/urls http://127.0.0.1:5000")]
    [InlineData("Delivery:SendConcurrency=4")]
    [InlineData("--environment=Production")]
    public void Settings_StartWebHost(string commandLine)
    {
        Assert.False(CommandLine.IsCommand(Split(commandLine)));
    }

    [Theory]
    [InlineData("content validate")]
    [InlineData("schedule replay")]
    [InlineData("help")]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("contnet validate")]
    public void Words_AreCommands(string commandLine)
    {
        Assert.True(CommandLine.IsCommand(Split(commandLine)));
    }

    [Fact]
    public async Task UnknownCommand_PrintsUsageAndExitsTwo()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await CommandLine.RunAsync(["contnet", "validate"], TextReader.Null, output, error);

        Assert.Equal(2, exitCode);
        Assert.Equal("", output.ToString());
        Assert.StartsWith("Unknown command: contnet validate", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("content validate [folder]", error.ToString(), StringComparison.Ordinal);
    }

    private static string[] Split(string commandLine) => commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
