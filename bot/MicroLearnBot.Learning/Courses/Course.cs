namespace MicroLearnBot.Learning.Courses;

/// <summary>
/// A course as authored in <c>content/courses/&lt;id&gt;/</c>: metadata plus nuggets in the course's own
/// language, and optional translations that carry their own text and nuggets.
/// </summary>
public sealed record Course
{
    /// <summary>The folder name, which is also the id learners type after <c>starta</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Two-letter language code of the original text, for example <c>sv</c>.</summary>
    public required string Language { get; init; }

    public required CourseVersion Original { get; init; }

    /// <summary>Translations keyed by two-letter language code; empty when the course exists in one language.</summary>
    public IReadOnlyDictionary<string, CourseVersion> Translations { get; init; } = new Dictionary<string, CourseVersion>();

    public string Audience { get; init; } = "";

    /// <summary>Target probability of recall when a question comes back; 0.9 unless the course sets it.</summary>
    public double DesiredRetention { get; init; } = 0.9;

    public int EstimatedMinutes { get; init; }

    public DeliveryCadence DefaultCadence { get; init; } = DeliveryCadence.Weekdays;

    /// <summary>
    /// True keeps FSRS's same-day learning steps (1 and 10 minutes). Off by default: in a chat a missed question
    /// comes back on a later day.
    /// </summary>
    public bool SameDayLearningSteps { get; init; }

    /// <summary>
    /// Returns the version in <paramref name="language"/> when the course has one, else the original.
    /// </summary>
    public CourseVersion VersionFor(string language) =>
        string.Equals(language, Language, StringComparison.OrdinalIgnoreCase)
            ? Original
            : Translations.TryGetValue(language, out var translation) ? translation : Original;

    public IReadOnlyList<Nugget> Nuggets => Original.Nuggets;
}
