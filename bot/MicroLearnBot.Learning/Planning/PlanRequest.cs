namespace MicroLearnBot.Learning.Planning;

/// <summary>Everything the planner needs to plan one learner's session for one day.</summary>
public sealed record PlanRequest
{
    /// <summary>Shortest daily budget a learner can choose.</summary>
    public static readonly TimeSpan MinBudget = TimeSpan.FromMinutes(5);

    /// <summary>Longest daily budget a learner can choose.</summary>
    public static readonly TimeSpan MaxBudget = TimeSpan.FromMinutes(15);

    /// <summary>Every question the learner has met, due or not.</summary>
    public required IReadOnlyList<TrackedQuestion> Questions { get; init; }

    /// <summary>The course's nuggets the learner has not started, first one next.</summary>
    public IReadOnlyList<NewNugget> NewNuggets { get; init; } = [];

    /// <summary>Time the session may take, from 5 to 15 minutes. Default 10 minutes.</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Maximum number of new nuggets in one session, 0 or more. Default 1.</summary>
    public int MaxNewNuggets { get; init; } = 1;

    /// <summary>The instant the session is planned for; a question is due when its due date is at or before it.</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>Checks the budget and the new-nugget cap.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Questions);
        ArgumentNullException.ThrowIfNull(NewNuggets);
        if (Budget < MinBudget || Budget > MaxBudget)
        {
            throw new ArgumentException($"Budget is {Budget.TotalMinutes} minutes; it must be from 5 to 15 minutes.", nameof(Budget));
        }

        if (MaxNewNuggets < 0)
        {
            throw new ArgumentException($"MaxNewNuggets is {MaxNewNuggets}; it must be 0 or more.", nameof(MaxNewNuggets));
        }
    }
}
