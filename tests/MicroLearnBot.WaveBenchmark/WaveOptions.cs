using System.Globalization;

namespace MicroLearnBot.WaveBenchmark;

/// <summary>Command-line settings of the wave benchmark.</summary>
public sealed record WaveOptions
{
    public const string Usage = """
        Usage: MicroLearnBot.WaveBenchmark [options]
          --learners N          learners in the unpaced run, which measures the bot's own overhead (default 10000)
          --paced-learners N    learners in the run at the tenant limit of 30 requests per second (default 1500; 0 skips it)
          --postgres CS         also run both variants on PostgreSQL; CS is a connection string to a server on
                                this machine whose user may create databases (each run gets a new database)
          --content PATH        course folder (default: content/ of the repository this program was built in)
          --course ID           course every learner is enrolled in (default sma-steg)
          --help                print this text
        """;

    /// <summary>Learners in the unpaced run, default 10,000.</summary>
    public int Learners { get; init; } = 10_000;

    /// <summary>
    /// Learners in the run at the default tenant limit, default 1,500, which takes about 50 seconds at 30 requests
    /// per second. The wave time for more learners follows from the limit.
    /// </summary>
    public int PacedLearners { get; init; } = 1_500;

    public string? PostgresConnectionString { get; init; }

    public required string ContentPath { get; init; }

    public string CourseId { get; init; } = "sma-steg";

    public bool ShowHelp { get; init; }

    /// <summary>Parses the arguments and throws <see cref="ArgumentException"/>, naming the fix, on an invalid one.</summary>
    public static WaveOptions Parse(IReadOnlyList<string> args)
    {
        var options = new WaveOptions { ContentPath = DefaultContentPath() };
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            options = name switch
            {
                "--learners" => options with { Learners = PositiveInt(name, ValueAfter(args, ref i), allowZero: false) },
                "--paced-learners" => options with { PacedLearners = PositiveInt(name, ValueAfter(args, ref i), allowZero: true) },
                "--postgres" => options with { PostgresConnectionString = ValueAfter(args, ref i) },
                "--content" => options with { ContentPath = Path.GetFullPath(ValueAfter(args, ref i)) },
                "--course" => options with { CourseId = ValueAfter(args, ref i) },
                "--help" or "-h" => options with { ShowHelp = true },
                _ => throw new ArgumentException($"Unknown option '{name}'. Run with --help for the list of options."),
            };
        }

        return options;
    }

    private static string ValueAfter(IReadOnlyList<string> args, ref int index)
    {
        if (index + 1 >= args.Count)
        {
            throw new ArgumentException($"Option '{args[index]}' needs a value. Run with --help for the list of options.");
        }

        index++;
        return args[index];
    }

    private static int PositiveInt(string name, string text, bool allowZero)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || (value == 0 && !allowZero))
        {
            throw new ArgumentException($"Option '{name}' must be a whole number {(allowZero ? "of 0 or more" : "of 1 or more")}, not '{text}'.");
        }

        return value;
    }

    /// <summary>Returns the content folder of the repository this program was built in, found by walking up to the solution file.</summary>
    private static string DefaultContentPath()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MicroLearnBot.sln")))
            {
                return Path.Combine(folder.FullName, "content");
            }
        }

        return Path.GetFullPath("content");
    }
}
