namespace MicroLearnBot.Learning.Courses;

/// <summary>The learner-visible text of a course in one language. Nugget ids are the same in every version.</summary>
public sealed record CourseVersion
{
    public required string Language { get; init; }

    public required string Title { get; init; }

    public string Description { get; init; } = "";

    public IReadOnlyList<string> Objectives { get; init; } = [];

    public required IReadOnlyList<Nugget> Nuggets { get; init; }

    public Nugget? FindNugget(string nuggetId) => Nuggets.FirstOrDefault(n => n.Id == nuggetId);
}
