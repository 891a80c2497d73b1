namespace MicroLearnBot.Cli;

/// <summary>
/// Operator commands served by the bot's own executable: <c>content validate</c>, <c>content preview</c> and
/// <c>schedule replay</c>. No arguments, or settings only, start the web host.
/// </summary>
public static class CommandLine
{
    /// <summary>
    /// Tells a command from the web host's settings. Settings are written <c>--key value</c>, <c>/key value</c> or
    /// <c>key=value</c>, so any other first word is a command, and an unknown one gets the usage text rather than
    /// a web host started by a typo.
    /// </summary>
    public static bool IsCommand(string[] args)
    {
        if (args.Length == 0)
        {
            return false;
        }

        var first = args[0];
        return first is "--help" or "-h" || !(first.StartsWith('-') || first.StartsWith('/') || first.Contains('=', StringComparison.Ordinal));
    }

    public static Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error) => args switch
    {
        ["schedule", "replay"] => Task.FromResult(ScheduleReplayCommand.Run(input, output, error)),
        ["content", ..] => ContentCommands.RunAsync(args, output, error),
        ["help" or "--help" or "-h"] => Task.FromResult(PrintUsage(output, exitCode: 0)),
        _ => Task.FromResult(ReportUnknownCommand(args, error)),
    };

    private static int ReportUnknownCommand(string[] args, TextWriter error)
    {
        error.WriteLine($"Unknown command: {string.Join(' ', args)}");
        error.WriteLine();
        return PrintUsage(error, exitCode: 2);
    }

    private static int PrintUsage(TextWriter writer, int exitCode)
    {
        writer.WriteLine("Usage: MicroLearnBot [command]");
        writer.WriteLine();
        writer.WriteLine("Without a command, or with settings only (such as --urls http://localhost:3978), starts the bot");
        writer.WriteLine("(see README.md).");
        writer.WriteLine("  content validate [folder]                check course files; exit code 1 on errors");
        writer.WriteLine("  content preview <course-id> [--out dir] [--content folder]");
        writer.WriteLine("                                           write rendered cards and an HTML preview");
        writer.WriteLine("  schedule replay                          read review sequences (JSON) on stdin, print card states");
        return exitCode;
    }
}
