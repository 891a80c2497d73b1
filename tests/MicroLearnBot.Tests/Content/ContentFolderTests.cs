using MicroLearnBot.Content;

namespace MicroLearnBot.Tests.Content;

/// <summary>Which folder a relative <c>Content:Path</c> resolves from in the running bot.</summary>
public sealed class ContentFolderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("microlearnbot-folders-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void WorkingDirectoryWinsWhenPathExistsThere()
    {
        var working = CreateFolderWithContent("service");
        var executable = CreateFolderWithContent("published");

        Assert.Equal(working, ContentFolder.FindBotBaseFolder("content", working, executable));
    }

    [Fact]
    public void ExecutableFolderUsedWhenWorkingDirectoryLacksPath()
    {
        var working = Directory.CreateDirectory(Path.Combine(_root, "elsewhere")).FullName;
        var executable = CreateFolderWithContent("published");

        Assert.Equal(executable, ContentFolder.FindBotBaseFolder("content", working, executable));
    }

    [Fact]
    public void RepositoryRootFoundAboveBuildOutput()
    {
        var repository = CreateFolderWithContent("repository");
        File.WriteAllText(Path.Combine(repository, "MicroLearnBot.sln"), "");
        var buildOutput = Directory.CreateDirectory(Path.Combine(repository, "bot", "MicroLearnBot", "bin", "Debug")).FullName;
        var working = Directory.CreateDirectory(Path.Combine(_root, "elsewhere")).FullName;

        Assert.Equal(repository, ContentFolder.FindBotBaseFolder("content", working, buildOutput));
    }

    [Fact]
    public void AbsolutePathKeepsWorkingDirectory()
    {
        var working = Directory.CreateDirectory(Path.Combine(_root, "elsewhere")).FullName;
        var absolute = Path.Combine(CreateFolderWithContent("absolute"), "content");

        var baseFolder = ContentFolder.FindBotBaseFolder(absolute, working, Path.Combine(_root, "published"));

        Assert.Equal(absolute, Path.GetFullPath(absolute, baseFolder));
    }

    private string CreateFolderWithContent(string name)
    {
        var folder = Path.Combine(_root, name);
        Directory.CreateDirectory(Path.Combine(folder, "content", "courses"));
        return folder;
    }
}
