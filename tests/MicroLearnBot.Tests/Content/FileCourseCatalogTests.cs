using MicroLearnBot.Content;
using MicroLearnBot.Learning.Courses;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MicroLearnBot.Tests.Content;

public sealed class FileCourseCatalogTests : IDisposable
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(15);

    private readonly TempContentFolder _content = new();
    private readonly RecordingLogger<FileCourseCatalog> _logger = new();

    public FileCourseCatalogTests()
    {
        _content.WriteValidCourse();
        _content.WriteValidCourse("andra-kursen");
    }

    public void Dispose() => _content.Dispose();

    [Fact]
    public async Task Start_LoadsEveryValidCourse()
    {
        using var catalog = CreateCatalog();

        await catalog.StartAsync(CancellationToken.None);

        Assert.Equal(["andra-kursen", "sma-steg"], catalog.Courses.Select(c => c.Id));
        Assert.Equal("Lär dig i små steg", catalog.Find("sma-steg")!.Original.Title);
        Assert.Null(catalog.Find("finns-inte"));
        Assert.Contains(_logger.Entries, e => e.Message == $"Courses loaded from {_content.CoursesPath}: 2; left out because of errors: 0");
    }

    [Fact]
    public async Task Start_LeavesBrokenCourseOut()
    {
        var broken = _content.Write("andra-kursen/01-forsta-steget.md", CourseTexts.ReplaceLine(CourseTexts.FirstNugget, 2, "id: X"));
        using var catalog = CreateCatalog();

        await catalog.StartAsync(CancellationToken.None);

        Assert.Equal(["sma-steg"], catalog.Courses.Select(c => c.Id));
        Assert.True(catalog.IsLeftOut("andra-kursen"));
        Assert.False(catalog.IsLeftOut("sma-steg"));
        Assert.False(catalog.IsLeftOut("finns-inte"));
        Assert.Contains(_logger.Entries, e => e.Level == LogLevel.Error && e.Message == "Course andra-kursen is left out until its files are fixed; errors found: 1");
        Assert.Contains(_logger.Entries, e => e.Level == LogLevel.Warning && e.Message.StartsWith($"{broken}:2:5: error: nugget id 'X' is invalid;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChangedFile_IsReloaded()
    {
        using var catalog = CreateCatalog();
        await catalog.StartAsync(CancellationToken.None);

        _content.Write("sma-steg/01-forsta-steget.md", CourseTexts.ReplaceLine(CourseTexts.FirstNugget, 3, "title: \"Nytt namn\""));

        await WaitUntilAsync(() => catalog.Find("sma-steg")?.Nuggets[0].Title == "Nytt namn");
        Assert.Equal("Första steget", catalog.Find("andra-kursen")!.Nuggets[0].Title);
    }

    [Fact]
    public async Task BrokenFile_RemovesOnlyThatCourse()
    {
        using var catalog = CreateCatalog();
        await catalog.StartAsync(CancellationToken.None);

        _content.Write("sma-steg/course.yaml", "title: [\n");

        await WaitUntilAsync(() => catalog.Find("sma-steg") is null);
        Assert.True(catalog.IsLeftOut("sma-steg"));
        Assert.NotNull(catalog.Find("andra-kursen"));
        Assert.Contains(_logger.Entries, e => e.Message.StartsWith($"{Path.Combine(_content.CoursePath(), "course.yaml")}:2:1: error: invalid YAML:", StringComparison.Ordinal));

        _content.Write("sma-steg/course.yaml", CourseTexts.CourseYaml);

        await WaitUntilAsync(() => catalog.Find("sma-steg") is not null);
        Assert.False(catalog.IsLeftOut("sma-steg"));
    }

    [Fact]
    public async Task NewAndDeletedCourses_AreTracked()
    {
        using var catalog = CreateCatalog();
        await catalog.StartAsync(CancellationToken.None);

        _content.WriteValidCourse("tredje-kursen");
        await WaitUntilAsync(() => catalog.Find("tredje-kursen") is not null);

        Directory.Delete(_content.CoursePath("andra-kursen"), recursive: true);
        await WaitUntilAsync(() => catalog.Find("andra-kursen") is null);

        Assert.Equal(["sma-steg", "tredje-kursen"], catalog.Courses.Select(c => c.Id));
        Assert.Contains(_logger.Entries, e => e.Message == "Removed course andra-kursen because its folder is gone");
    }

    [Fact]
    public async Task Polling_PicksUpChanges()
    {
        using var catalog = CreateCatalog(new ContentOptions { Path = _content.Root, UsePolling = true, PollInterval = TimeSpan.FromMilliseconds(200), ReloadDelay = TimeSpan.FromMilliseconds(50) });
        await catalog.StartAsync(CancellationToken.None);

        _content.Write("sma-steg/02-andra-steget.md", CourseTexts.ReplaceLine(CourseTexts.SecondNugget, 3, "title: \"Pollat\""));

        await WaitUntilAsync(() => catalog.Find("sma-steg")?.Nuggets[1].Title == "Pollat");
        Assert.Contains(_logger.Entries, e => e.Message == $"Polling {_content.CoursesPath} for course changes every 00:00:00.2000000");
    }

    [Fact]
    public async Task MissingFolder_ServesNothingUntilCreated()
    {
        var missing = Path.Combine(Path.GetDirectoryName(_content.Root)!, "senare");
        using var catalog = CreateCatalog(new ContentOptions { Path = missing, PollInterval = TimeSpan.FromMilliseconds(200), ReloadDelay = TimeSpan.FromMilliseconds(50) });
        await catalog.StartAsync(CancellationToken.None);

        Assert.Empty(catalog.Courses);
        Assert.Contains(_logger.Entries, e => e.Message == $"Content folder {missing} not found; no courses are served until it exists");

        Directory.Move(_content.CoursesPath, missing);

        await WaitUntilAsync(() => catalog.Courses.Count == 2);
    }

    [Fact]
    public async Task AddCourseContent_ResolvesPathFromContentRoot()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Content:Path"] = "content" })
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IHostEnvironment>(new TestHostEnvironment(Path.GetDirectoryName(_content.Root)!))
            .AddCourseContent(configuration);
        await using var provider = services.BuildServiceProvider();

        var catalog = provider.GetRequiredService<ICourseCatalog>();
        foreach (var hostedService in provider.GetServices<IHostedService>())
        {
            await hostedService.StartAsync(CancellationToken.None);
        }

        Assert.IsType<FileCourseCatalog>(catalog);
        Assert.Equal(_content.CoursesPath, ((FileCourseCatalog)catalog).CoursesPath);
        Assert.Equal(2, catalog.Courses.Count);
    }

    [Fact]
    public async Task AddCourseContent_RejectsInvalidOptions()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Content:ReloadDelay"] = "00:10:00" })
            .Build();
        await using var provider = new ServiceCollection().AddLogging().AddCourseContent(configuration).BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ContentOptions>>().Value);

        Assert.Equal("Content:ReloadDelay must be from 00:00:00.010 to 00:01:00.", exception.Message);
    }

    private FileCourseCatalog CreateCatalog(ContentOptions? options = null) =>
        new(Options.Create(options ?? new ContentOptions { Path = _content.Root, ReloadDelay = TimeSpan.FromMilliseconds(100) }), _logger, TimeProvider.System);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + WaitLimit;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"condition not met within {WaitLimit.TotalSeconds} s");
            await Task.Delay(50);
        }
    }

    private sealed class TestHostEnvironment(string contentRootPath) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Development";

        public string ApplicationName { get; set; } = "MicroLearnBot";

        public string ContentRootPath { get; set; } = contentRootPath;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
