namespace MicroLearnBot.Cli;

/// <summary>
/// Operator commands served by the bot's own executable: <c>content validate</c>, <c>content preview</c> and
/// <c>schedule replay</c>. Anything else starts the web host.
/// </summary>
public static class CommandLine
{
    private static readonly string[] CommandWords = ["content", "schedule", "help", "--help"];

    public static bool IsCommand(string[] args) => args.Length > 0 && CommandWords.Contains(args[0], StringComparer.Ordinal);

    public static Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error) => args switch
    {
        ["schedule", "replay"] => Task.FromResult(ScheduleReplayCommand.Run(input, output, error)),
        ["content", ..] => ContentCommands.RunAsync(args, output, error),
        ["help" or "--help"] => Task.FromResult(PrintUsage(output, exitCode: 0)),
        _ => Task.FromResult(PrintUsage(error, exitCode: 2)),
    };

    private static int PrintUsage(TextWriter writer, int exitCode)
    {
        writer.WriteLine("Usage: MicroLearnBot [command]");
        writer.WriteLine();
        writer.WriteLine("Without a command, starts the bot (see README.md).");
        writer.WriteLine("  content validate [folder]                check course files; exit code 1 on errors");
        writer.WriteLine("  content preview <course-id> [--out dir] [--content folder]");
        writer.WriteLine("                                           write rendered cards and an HTML preview");
        writer.WriteLine("  schedule replay                          read review sequences (JSON) on stdin, print card states");
        return exitCode;
    }
}
