namespace MicroLearnBot.Tests.Support;

/// <summary>
/// Locates the team's shared reference folder of real Teams payloads and official JSON schemas, which is never
/// copied into the repository. CI always has it. Without it, a test fails with a message that names the folder.
/// </summary>
public static class SharedReference
{
    /// <summary>Environment variable that points at the folder when it does not sit beside the repository.</summary>
    public const string FolderVariable = "MICROLEARNBOT_SHARED";

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>
    /// The folder from <see cref="FolderVariable"/> (absolute, or relative to the repository root), otherwise
    /// <c>shared</c> beside the repository. scripts/test.sh resolves the variable the same way.
    /// </summary>
    public static string Folder { get; } = FindFolder();

    public static string PathOf(string relativePath)
    {
        var shared = Folder;
        if (!Directory.Exists(shared))
        {
            throw new InvalidOperationException(MissingFolderMessage(shared));
        }

        var path = Path.Combine(shared, relativePath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Shared reference file {relativePath} is missing from {shared}.", path);
        }

        return path;
    }

    public static string ReadTeamsActivity(string fileName) => File.ReadAllText(PathOf(Path.Combine("testdata", "teams", fileName)));

    /// <summary>Returns the failure message for a missing folder, which names the path and the variable to set.</summary>
    public static string MissingFolderMessage(string path) =>
        $"The shared reference folder was not found at {path}. These tests read real Teams payloads and the official schemas from it. Put the folder beside the repository or set {FolderVariable} to its path.";

    private static string FindFolder()
    {
        var configured = Environment.GetEnvironmentVariable(FolderVariable);
        return string.IsNullOrWhiteSpace(configured)
            ? Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"))
            : Path.GetFullPath(configured, RepositoryRoot);
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MicroLearnBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"MicroLearnBot.sln not found above {AppContext.BaseDirectory}.");
    }
}
