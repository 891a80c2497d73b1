namespace MicroLearnBot.Learning.Courses;

/// <summary>One 5–15 minute lesson: a Markdown body, optional media and links, a reflection and check questions.</summary>
public sealed record Nugget
{
    /// <summary>Unique within the course; stable across translations so answers survive a language change.</summary>
    public required string Id { get; init; }

    public required string Title { get; init; }

    public int EstimatedMinutes { get; init; } = 5;

    /// <summary>Markdown body, limited to the subset Teams cards render.</summary>
    public string Body { get; init; } = "";

    public NuggetMedia? Media { get; init; }

    public IReadOnlyList<NuggetLink> Links { get; init; } = [];

    public required ReflectionQuestion Reflection { get; init; }

    public IReadOnlyList<CheckQuestion> Checks { get; init; } = [];
}

/// <summary>An image, video or audio link shown with the nugget.</summary>
public sealed record NuggetMedia(MediaKind Kind, Uri Url, string Title, string? TextAlternative);

public enum MediaKind
{
    Image,
    Video,
    Audio,
}

/// <summary>A deep-dive link for learners who want more.</summary>
public sealed record NuggetLink(string Title, Uri Url);

/// <summary>An open question answered in free text; its id is <c>&lt;nugget-id&gt;:reflection</c>.</summary>
public sealed record ReflectionQuestion(string Id, string Prompt);

/// <summary>A single or multiple choice question with the right answers and the explanation shown afterwards.</summary>
public sealed record CheckQuestion
{
    /// <summary>Question id, <c>&lt;nugget-id&gt;:&lt;check-id&gt;</c>, unique within the course.</summary>
    public required string Id { get; init; }

    public required string Prompt { get; init; }

    public CheckKind Kind { get; init; } = CheckKind.SingleChoice;

    /// <summary>Choices in authored order; each choice id is stable (a, b, c, ...).</summary>
    public required IReadOnlyList<Choice> Choices { get; init; }

    public string Explanation { get; init; } = "";

    public IEnumerable<string> CorrectChoiceIds => Choices.Where(c => c.IsCorrect).Select(c => c.Id);

    /// <summary>Returns true when the selected set equals the set of correct choices exactly.</summary>
    public bool IsAnsweredCorrectly(IReadOnlyCollection<string> selectedChoiceIds) =>
        selectedChoiceIds.Count > 0 && CorrectChoiceIds.ToHashSet(StringComparer.Ordinal).SetEquals(selectedChoiceIds);
}

public enum CheckKind
{
    SingleChoice,
    MultipleChoice,
}

public sealed record Choice(string Id, string Text, bool IsCorrect);
