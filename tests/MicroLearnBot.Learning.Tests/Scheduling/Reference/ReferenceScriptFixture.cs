using System.ComponentModel;
using System.Diagnostics;

namespace MicroLearnBot.Learning.Tests.Scheduling.Reference;

/// <summary>
/// Installs ts-fsrs 5.4.2 with <c>npm ci</c> in <c>tests/fsrs-reference</c> once for the test class and runs its
/// replay script. Node.js 20 or later (the engines field of ts-fsrs) and npm must be on PATH. Without them every
/// test using this fixture fails with a message saying so.
/// </summary>
public sealed class ReferenceScriptFixture
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ReplayTimeout = TimeSpan.FromMinutes(2);

    public ReferenceScriptFixture()
    {
        ScriptDirectory = Path.Combine(FindRepositoryRoot(), "tests", "fsrs-reference");
        RunTool("node", "--version", ScriptDirectory, input: null, ReplayTimeout);
        RunTool("npm", "ci --no-audit --no-fund", ScriptDirectory, input: null, InstallTimeout);
    }

    public string ScriptDirectory { get; }

    /// <summary>Runs the replay input through ts-fsrs and returns its output JSON.</summary>
    public string Replay(string inputJson) => RunTool("node", "replay.mjs", ScriptDirectory, inputJson, ReplayTimeout);

    private static string RunTool(string tool, string arguments, string directory, string? input, TimeSpan timeout)
    {
        var startInfo = new ProcessStartInfo(tool, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        Process process;
        try
        {
            process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Failed to start {tool}.");
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException(
                $"'{tool}' was not found on PATH. The FSRS reference comparison needs Node.js 20 or later with npm; install them and run the tests again.",
                exception);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(input ?? "");
            process.StandardInput.Close();

            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"'{tool} {arguments}' in {directory} timed out after {timeout.TotalSeconds} s.");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"'{tool} {arguments}' in {directory} failed with exit code {process.ExitCode}: {error.Result}");
            }

            return output.Result;
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MicroLearnBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"MicroLearnBot.sln was not found above {AppContext.BaseDirectory}.");
    }
}
