using MicroLearnBot.Learning.Courses;

namespace MicroLearnBot.Content;

/// <summary>The outcome of loading one course folder: the course when it has no errors, and every problem found.</summary>
public sealed record CourseLoadResult(string CourseId, string FolderPath, Course? Course, IReadOnlyList<ContentProblem> Problems)
{
    public bool HasErrors => Problems.Any(p => p.IsError);
}

/// <summary>The outcome of loading every course under a content folder.</summary>
public sealed record ContentLoadResult(string CoursesPath, IReadOnlyList<CourseLoadResult> Courses, IReadOnlyList<ContentProblem> FolderProblems)
{
    /// <summary>Problems of the folder and of every course, ordered by file, line and column.</summary>
    public IEnumerable<ContentProblem> AllProblems => FolderProblems.Concat(Courses.SelectMany(c => c.Problems));

    public int ErrorCount => AllProblems.Count(p => p.IsError);

    public int WarningCount => AllProblems.Count(p => !p.IsError);
}
