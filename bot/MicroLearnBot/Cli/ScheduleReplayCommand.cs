using MicroLearnBot.Learning.Scheduling.Replay;

namespace MicroLearnBot.Cli;

/// <summary>
/// Command that replays FSRS review sequences: reads the JSON input of <see cref="ScheduleReplay"/> from
/// <c>input</c> and writes the scheduled cards to <c>output</c>. Starts no web host.
/// </summary>
public static class ScheduleReplayCommand
{
    /// <summary>
    /// Runs the replay. Returns 0 after writing the complete output, or 1 after writing an error that names the
    /// sequence and review index to <paramref name="error"/>; output stays empty on error.
    /// </summary>
    public static int Run(TextReader input, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        var result = ScheduleReplay.Run(input.ReadToEnd());
        if (!result.Succeeded)
        {
            error.WriteLine($"schedule replay failed: {result.Error}");
            return 1;
        }

        output.WriteLine(result.Output);
        return 0;
    }
}
