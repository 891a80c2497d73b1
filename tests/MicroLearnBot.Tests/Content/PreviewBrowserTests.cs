using System.Diagnostics;
using MicroLearnBot.Cli;

namespace MicroLearnBot.Tests.Content;

/// <summary>
/// Opens the preview page in headless Chromium, driven by playwright-core from tests/content-preview, and checks
/// that the Adaptive Cards JavaScript renderer shows every card without console errors.
/// </summary>
public sealed class PreviewBrowserTests : IDisposable
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private readonly string _outFolder = Path.Combine(Path.GetTempPath(), "microlearnbot-preview-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_outFolder))
        {
            Directory.Delete(_outFolder, recursive: true);
        }
    }

    [Fact]
    public async Task PreviewPage_RendersEveryCardInChromium()
    {
        var node = FindOnPath("node");
        Assert.True(node is not null, "node was not found on PATH; install Node.js (Debian: apt-get install nodejs npm).");
        Assert.True(File.Exists(ChromiumPath), $"Chromium was not found at {ChromiumPath}; install it (Debian: apt-get install chromium).");
        var script = Path.Combine(RepositoryPaths.ContentPreviewPackage, "render-preview.mjs");
        Assert.True(Directory.Exists(Path.Combine(RepositoryPaths.ContentPreviewPackage, "node_modules", "playwright-core")),
            "tests/content-preview has no node_modules; run `npm ci --prefix tests/content-preview`.");

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await ContentCommands.RunAsync(
            ["content", "preview", "handhygien-grund", "--content", RepositoryPaths.Fixtures, "--out", _outFolder],
            output, error, cardRenderer: null, RepositoryPaths.Root, CancellationToken.None);
        Assert.True(exitCode == 0, $"content preview failed: {output}{error}");

        var (browserExit, browserOutput) = await RunNodeAsync(node!, script, Path.Combine(_outFolder, "index.html"));

        Assert.True(browserExit == 0, $"preview page did not render cleanly:\n{browserOutput}");
        Assert.Contains("\"total\": 4", browserOutput, StringComparison.Ordinal);
        Assert.Contains("\"rendered\": 4", browserOutput, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunNodeAsync(string node, string script, string indexPath)
    {
        var start = new ProcessStartInfo(node)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.ContentPreviewPackage,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(indexPath);

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, "node did not finish within 90 s\n" + await stdout + await stderr);
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    private static string? FindOnPath(string program)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
    }
}
