namespace MicroLearnBot.Learning.Planning;

/// <summary>One entry of a session, in the order it should be delivered.</summary>
public abstract record PlannedItem(string NuggetId, TimeSpan EstimatedTime);

/// <summary>A due question to review.</summary>
/// <param name="Retrievability">Recall probability at planning time; 0 for a question never answered.</param>
public sealed record PlannedReview(string QuestionId, string NuggetId, string CourseId, double Retrievability, TimeSpan EstimatedTime)
    : PlannedItem(NuggetId, EstimatedTime);

/// <summary>The next nugget of the course to learn.</summary>
public sealed record PlannedNugget(string NuggetId, int QuestionCount, TimeSpan EstimatedTime)
    : PlannedItem(NuggetId, EstimatedTime);
