using System.Globalization;
using MicroLearnBot.Content;

namespace MicroLearnBot.Cli;

/// <summary>
/// The <c>content</c> commands of the bot's executable, for content authors:
/// <c>content validate [folder]</c> and <c>content preview &lt;course-id&gt; [--out folder] [--content folder]</c>.
/// </summary>
public static class ContentCommands
{
    public const int Success = 0;

    public const int Failure = 1;

    public const int UsageError = 2;

    private const string Usage = """
        Usage:
          content validate [folder]
              Check every course under folder and print each problem as file:line:column.
              folder is the content root, its courses folder or one course folder (default: content).
          content preview <course-id> [--out folder] [--content folder]
              Write each nugget's Adaptive Card JSON and an index.html that renders the cards.
              --out      where to write the preview (default: preview/<course-id>)
              --content  the content root or courses folder (default: content)
        Exit codes: 0 no errors, 1 errors found, 2 invalid command line.
        """;

    /// <summary>Returns true when <paramref name="args"/> starts with the word <c>content</c>, which <see cref="RunAsync(string[], TextWriter, TextWriter)"/> handles.</summary>
    public static bool IsContentCommand(string[] args) => args is ["content", ..];

    /// <summary>
    /// Runs a content command; <paramref name="args"/> starts with <c>content</c>. Returns the process exit code:
    /// 0 when there are no errors (warnings allowed), 1 when there are errors, 2 for an invalid command line.
    /// </summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error) =>
        RunAsync(args, output, error, cardRenderer: null, Directory.GetCurrentDirectory(), CancellationToken.None);

    /// <summary>
    /// Runs a content command with <paramref name="cardRenderer"/> for the size check and the preview; null uses
    /// the Bot Framework lesson card (<see cref="LessonCardPreviewRenderer"/>). Relative paths in arguments and
    /// output are relative to <paramref name="workingDirectory"/>, or to the repository root above it when
    /// the path exists only there.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error,
        ILessonCardPreviewRenderer? cardRenderer, string workingDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentException.ThrowIfNullOrEmpty(workingDirectory);

        var command = ContentCommandLine.Parse(args);
        if (command is ContentCommandLine.Invalid invalid)
        {
            await error.WriteLineAsync(invalid.Message).ConfigureAwait(false);
            await error.WriteLineAsync(Usage).ConfigureAwait(false);
            return UsageError;
        }

        var loader = new CourseLoader(cardRenderer);
        return command switch
        {
            ContentCommandLine.Validate validate =>
                await ValidateAsync(loader, validate.Folder, ContentFolder.FindBaseFolder(validate.Folder, workingDirectory), output, cancellationToken).ConfigureAwait(false),
            ContentCommandLine.Preview preview =>
                await PreviewAsync(loader, cardRenderer ?? LessonCardPreviewRenderer.ForPreview(), preview,
                    ContentFolder.FindBaseFolder(preview.ContentFolder, workingDirectory), output, error, cancellationToken).ConfigureAwait(false),
            _ => throw new InvalidOperationException($"Unhandled content command {command.GetType().Name}."),
        };
    }

    private static async Task<int> ValidateAsync(CourseLoader loader, string folder, string workingDirectory, TextWriter output, CancellationToken cancellationToken)
    {
        var fullPath = Path.GetFullPath(folder, workingDirectory);
        if (File.Exists(fullPath))
        {
            // A course is checked as a whole, because ids must be unique across its files.
            var courseFolder = DisplayPath(Path.GetDirectoryName(fullPath)!, workingDirectory);
            await output.WriteLineAsync($"{DisplayPath(fullPath, workingDirectory)}:1:1: error: content validate checks folders, not single files; run `content validate {courseFolder}` to check the course that holds this file").ConfigureAwait(false);
            return Failure;
        }

        var result = await loader.LoadAllAsync(fullPath, cancellationToken).ConfigureAwait(false);
        foreach (var problem in result.AllProblems)
        {
            await output.WriteLineAsync(problem.Format(DisplayPath(problem.FilePath, workingDirectory))).ConfigureAwait(false);
        }

        var valid = result.Courses.Count(c => !c.HasErrors);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{result.Courses.Count} {Plural(result.Courses.Count, "course")} checked, {valid} valid: {result.ErrorCount} {Plural(result.ErrorCount, "error")}, {result.WarningCount} {Plural(result.WarningCount, "warning")}")).ConfigureAwait(false);
        return result.ErrorCount == 0 ? Success : Failure;
    }

    private static async Task<int> PreviewAsync(CourseLoader loader, ILessonCardPreviewRenderer renderer, ContentCommandLine.Preview preview,
        string workingDirectory, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var contentFolder = Path.GetFullPath(preview.ContentFolder, workingDirectory);
        if (!Directory.Exists(contentFolder))
        {
            await error.WriteLineAsync($"content folder {DisplayPath(contentFolder, workingDirectory)} not found; run the command in the repository or pass --content with the folder that holds courses/").ConfigureAwait(false);
            return Failure;
        }

        var coursesPath = ContentFolder.ResolveCoursesPath(contentFolder);
        var courseFolder = ContentFolder.IsCourseFolder(coursesPath) && Path.GetFileName(coursesPath) == preview.CourseId
            ? coursesPath
            : Path.Combine(coursesPath, preview.CourseId);

        if (!Directory.Exists(courseFolder))
        {
            await error.WriteLineAsync($"course '{preview.CourseId}' not found: there is no folder {DisplayPath(courseFolder, workingDirectory)}; check the id or pass --content").ConfigureAwait(false);
            return Failure;
        }

        var result = await loader.LoadCourseAsync(courseFolder, cancellationToken).ConfigureAwait(false);
        foreach (var problem in result.Problems)
        {
            await output.WriteLineAsync(problem.Format(DisplayPath(problem.FilePath, workingDirectory))).ConfigureAwait(false);
        }

        if (result.Course is null)
        {
            await error.WriteLineAsync($"course '{preview.CourseId}' has errors; fix them and run the preview again").ConfigureAwait(false);
            return Failure;
        }

        var outFolder = Path.GetFullPath(preview.OutFolder ?? Path.Combine("preview", preview.CourseId), workingDirectory);
        var written = await CoursePreviewWriter.WriteAsync(result.Course, renderer, outFolder, workingDirectory, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"wrote {written.CardCount} {Plural(written.CardCount, "card")} and {DisplayPath(written.IndexPath, workingDirectory)}").ConfigureAwait(false);
        if (!written.HasRenderer)
        {
            await error.WriteLineAsync(
                $"adaptivecards.min.js not found, so index.html cannot render the cards yet; run `npm ci --prefix tests/content-preview` in the repository and run the preview again").ConfigureAwait(false);
            return Failure;
        }

        return Success;
    }

    /// <summary>Returns <paramref name="path"/> relative to the working directory, or absolute when it lies outside it.</summary>
    private static string DisplayPath(string path, string workingDirectory)
    {
        var relative = Path.GetRelativePath(workingDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative.Replace('\\', '/');
    }

    private static string Plural(int count, string noun) => count == 1 ? noun : noun + "s";
}
