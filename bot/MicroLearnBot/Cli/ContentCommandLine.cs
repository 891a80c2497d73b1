namespace MicroLearnBot.Cli;

/// <summary>A parsed <c>content</c> command line.</summary>
internal abstract record ContentCommandLine
{
    public sealed record Validate(string Folder) : ContentCommandLine;

    public sealed record Preview(string CourseId, string? OutFolder, string ContentFolder) : ContentCommandLine;

    public sealed record Invalid(string Message) : ContentCommandLine;

    private const string DefaultContentFolder = "content";

    public static ContentCommandLine Parse(IReadOnlyList<string> args)
    {
        if (args.Count < 2 || args[0] != "content")
        {
            return new Invalid("missing content command: use `content validate` or `content preview`");
        }

        return args[1] switch
        {
            "validate" => ParseValidate(args.Skip(2).ToList()),
            "preview" => ParsePreview(args.Skip(2).ToList()),
            var other => new Invalid($"unknown content command '{other}': use `content validate` or `content preview`"),
        };
    }

    private static ContentCommandLine ParseValidate(List<string> rest) => rest switch
    {
        [] => new Validate(DefaultContentFolder),
        [var folder] when !folder.StartsWith('-') => new Validate(folder),
        [var option] => new Invalid($"unknown option '{option}' for content validate: it takes only a folder, such as `content validate content/`"),
        _ => new Invalid($"content validate takes at most one folder, but got: {string.Join(' ', rest)}"),
    };

    private static ContentCommandLine ParsePreview(List<string> rest)
    {
        string? courseId = null;
        string? outFolder = null;
        var contentFolder = DefaultContentFolder;
        for (var i = 0; i < rest.Count; i++)
        {
            var argument = rest[i];
            if (argument is "--out" or "--content")
            {
                if (i + 1 >= rest.Count || rest[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    return new Invalid($"option {argument} needs a folder after it");
                }

                if (argument == "--out")
                {
                    outFolder = rest[++i];
                }
                else
                {
                    contentFolder = rest[++i];
                }
            }
            else if (argument.StartsWith("--", StringComparison.Ordinal))
            {
                return new Invalid($"unknown option '{argument}' for content preview");
            }
            else if (courseId is null)
            {
                courseId = argument;
            }
            else
            {
                return new Invalid($"content preview takes one course id, but got '{courseId}' and '{argument}'");
            }
        }

        if (courseId is null)
        {
            return new Invalid("content preview needs a course id, the name of the course's folder");
        }

        return Content.ContentRules.IsValidId(courseId)
            ? new Preview(courseId, outFolder, contentFolder)
            : new Invalid($"'{courseId}' is not a course id; a course id is the course's folder name, such as `sma-steg`");
    }
}
