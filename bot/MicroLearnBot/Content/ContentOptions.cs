namespace MicroLearnBot.Content;

/// <summary>Where courses are read from and how changes are picked up; bound from the <c>Content</c> configuration section.</summary>
public sealed class ContentOptions
{
    public const string SectionName = "Content";

    /// <summary>
    /// The content root (holding <c>courses/</c>), the courses folder or one course folder; a relative path is
    /// relative to the host's content root. Default <c>content</c>.
    /// </summary>
    public string Path { get; set; } = "content";

    /// <summary>Whether to reload courses when their files change. Default true.</summary>
    public bool WatchForChanges { get; set; } = true;

    /// <summary>
    /// Quiet time after the last file change before a course reloads, so an editor's several writes of one save
    /// cause one reload. Default 500 ms; allowed 10 ms to 1 minute.
    /// </summary>
    public TimeSpan ReloadDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How often every course is reloaded when file change events are unavailable (the folder is missing or
    /// the system is out of file watches), or always when <see cref="UsePolling"/> is set. Default 30 seconds.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Poll instead of watching for file change events, for file systems that send none (some network and
    /// container mounts). Default false.
    /// </summary>
    public bool UsePolling { get; set; }
}
