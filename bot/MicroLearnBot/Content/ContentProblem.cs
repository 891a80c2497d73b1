namespace MicroLearnBot.Content;

/// <summary>How serious a content problem is: errors keep a course from loading, warnings do not.</summary>
public enum ContentProblemSeverity
{
    Error,
    Warning,
}

/// <summary>
/// One thing wrong with a course file, at a 1-based line and column of that file. Folder-level problems
/// (a missing <c>course.yaml</c>, a translation folder with no nuggets) point at line 1, column 1.
/// </summary>
public sealed record ContentProblem(string FilePath, int Line, int Column, ContentProblemSeverity Severity, string Message)
{
    public bool IsError => Severity == ContentProblemSeverity.Error;

    /// <summary>Formats the problem as <c>file:line:column: error|warning: message</c>, the form compilers use.</summary>
    public string Format(string displayPath) =>
        $"{displayPath}:{Line}:{Column}: {(IsError ? "error" : "warning")}: {Message}";

    public override string ToString() => Format(FilePath);
}

/// <summary>A 1-based line and column in a file.</summary>
internal readonly record struct SourceMark(int Line, int Column)
{
    public static readonly SourceMark FileStart = new(1, 1);
}

/// <summary>Collects problems for one file as a parser walks it.</summary>
internal sealed class FileProblems(string filePath, List<ContentProblem> sink)
{
    public string FilePath { get; } = filePath;

    public void Error(SourceMark mark, string message) =>
        sink.Add(new ContentProblem(FilePath, mark.Line, mark.Column, ContentProblemSeverity.Error, message));

    public void Warning(SourceMark mark, string message) =>
        sink.Add(new ContentProblem(FilePath, mark.Line, mark.Column, ContentProblemSeverity.Warning, message));
}
