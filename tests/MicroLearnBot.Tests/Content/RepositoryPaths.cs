namespace MicroLearnBot.Tests.Content;

/// <summary>Folders of the repository the tests run from, found by walking up to MicroLearnBot.sln.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "content");

    public static string Fixtures => Path.Combine(Root, "tests", "MicroLearnBot.Tests", "Content", "Fixtures");

    public static string ContentPreviewPackage => Path.Combine(Root, "tests", "content-preview");

    /// <summary>Official schemas in the shared reference folder, which is never copied into the repository.</summary>
    public static string ReferenceSchemas => Path.Combine(Support.SharedReference.Folder, "reference", "schemas");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MicroLearnBot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"MicroLearnBot.sln not found above {AppContext.BaseDirectory}; run the tests from a clone of the repository.");
    }
}
