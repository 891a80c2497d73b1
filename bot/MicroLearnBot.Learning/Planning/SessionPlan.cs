namespace MicroLearnBot.Learning.Planning;

/// <summary>One learner's session for one day.</summary>
/// <param name="Items">Reviews first, lowest recall probability first, then new nuggets.</param>
/// <param name="TotalTime">Sum of the items' estimated times.</param>
/// <param name="DueReviewCount">Questions due at planning time, planned or not.</param>
/// <param name="DeferredReviewCount">Due questions left for later days because they did not fit the budget.</param>
public sealed record SessionPlan(IReadOnlyList<PlannedItem> Items, TimeSpan TotalTime, int DueReviewCount, int DeferredReviewCount)
{
    public static readonly SessionPlan Empty = new([], TimeSpan.Zero, 0, 0);
}
