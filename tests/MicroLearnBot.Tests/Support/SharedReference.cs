namespace MicroLearnBot.Tests.Support;

/// <summary>
/// Locates the team's shared reference folder (<c>../shared</c> beside the repository: real Teams payloads and
/// official JSON schemas). CI always has it; a missing folder fails the test with a message that says so.
/// </summary>
public static class SharedReference
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string PathOf(string relativePath)
    {
        var shared = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
        if (!Directory.Exists(shared))
        {
            throw new InvalidOperationException(
                $"The shared reference folder was not found at {shared}. These tests read real Teams payloads and the official schemas from it; CI provides it beside the repository.");
        }

        var path = Path.Combine(shared, relativePath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Shared reference file {relativePath} is missing from {shared}.", path);
        }

        return path;
    }

    public static string ReadTeamsActivity(string fileName) => File.ReadAllText(PathOf(Path.Combine("testdata", "teams", fileName)));

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
