using System.Diagnostics;

namespace MicroLearnBot.Tests.Support;

/// <summary>
/// The bot's built executable in the test output, started with <c>dotnet MicroLearnBot.dll</c> as an operator does.
/// </summary>
internal static class BotExecutable
{
    /// <summary>
    /// A start description for the bot with redirected standard streams, in <paramref name="workingDirectory"/>, so
    /// the default SQLite database of a started web host lands there.
    /// </summary>
    public static ProcessStartInfo CreateStartInfo(string workingDirectory, params string[] arguments)
    {
        var executable = Path.Combine(AppContext.BaseDirectory, "MicroLearnBot.dll");
        Assert.True(File.Exists(executable), $"{executable} was not found; build the solution so the test output contains the bot.");

        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(executable);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The runner's own environment may name an address or a stage, so each test sets what it needs.
        foreach (var inherited in new[] { "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "URLS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT" })
        {
            start.Environment.Remove(inherited);
        }

        return start;
    }

    /// <summary>
    /// Waits for the process to exit. After <paramref name="timeout"/> it kills the process and fails the test with
    /// <paramref name="processName"/> and the streams' text so far.
    /// </summary>
    public static async Task WaitForExitAsync(Process process, TimeSpan timeout, string processName, Task<string> output, Task<string> error)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{processName} did not exit within {timeout.TotalSeconds} s.\nstdout: {await output}\nstderr: {await error}");
        }
    }

    // The dotnet executable that runs this test host, so the bot runs on the same runtime, or dotnet on PATH.
    private static string DotnetHost() =>
        Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
}
