namespace MicroLearnBot.Content;

/// <summary>
/// Finds course folders from a path that may be the content root (holding <c>courses/</c>), the
/// <c>courses</c> folder itself, or a single course folder (holding <c>course.yaml</c>).
/// </summary>
public static class ContentFolder
{
    private const string RepositoryMarker = "MicroLearnBot.sln";

    /// <summary>Returns the folder whose subfolders are courses, or the course folder itself when <paramref name="path"/> is one.</summary>
    public static string ResolveCoursesPath(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        var courses = Path.Combine(full, "courses");
        return Directory.Exists(courses) && !IsCourseFolder(full) ? courses : full;
    }

    /// <summary>
    /// Returns the folder that relative paths typed by a user mean: <paramref name="workingDirectory"/>, or the
    /// repository root above it (the folder holding MicroLearnBot.sln) when <paramref name="path"/> exists only
    /// there. So <c>content/</c> still means the repository's courses when the command runs in a folder inside the
    /// repository, such as <c>bot/MicroLearnBot</c>.
    /// </summary>
    public static string FindBaseFolder(string path, string workingDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(workingDirectory);
        if (Path.IsPathRooted(path) || Exists(Path.Combine(workingDirectory, path)))
        {
            return workingDirectory;
        }

        for (var folder = new DirectoryInfo(workingDirectory).Parent; folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, RepositoryMarker)))
            {
                return Exists(Path.Combine(folder.FullName, path)) ? folder.FullName : workingDirectory;
            }
        }

        // A published bot carries the sample courses beside its executable.
        return Exists(Path.Combine(AppContext.BaseDirectory, path)) ? AppContext.BaseDirectory : workingDirectory;
    }

    /// <summary>
    /// Returns the folder that the running bot resolves a relative <c>Content:Path</c> from:
    /// <paramref name="workingDirectory"/> when the path exists there, as for the database file, else what
    /// <see cref="FindBaseFolder"/> finds from <paramref name="contentRoot"/>, the executable's folder.
    /// </summary>
    public static string FindBotBaseFolder(string path, string workingDirectory, string contentRoot)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(workingDirectory);
        ArgumentException.ThrowIfNullOrEmpty(contentRoot);
        return !Path.IsPathRooted(path) && Exists(Path.Combine(workingDirectory, path))
            ? workingDirectory
            : FindBaseFolder(path, contentRoot);
    }

    public static bool IsCourseFolder(string path) => File.Exists(Path.Combine(path, ContentRules.CourseFileName));

    /// <summary>Lists course folders in ordinal name order; a single course folder lists itself.</summary>
    public static IReadOnlyList<string> FindCourseFolders(string coursesPath)
    {
        if (IsCourseFolder(coursesPath))
        {
            return [coursesPath];
        }

        if (!Directory.Exists(coursesPath))
        {
            return [];
        }

        return Directory.EnumerateDirectories(coursesPath)
            .Where(d => !Path.GetFileName(d).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static bool Exists(string path) => Directory.Exists(path) || File.Exists(path);
}
