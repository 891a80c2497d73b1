namespace MicroLearnBot.Learning.Scheduling;

/// <summary>What one answer did to a card.</summary>
/// <param name="Card">The card after the answer, or the unchanged card when <paramref name="IsDuplicate"/> is true.</param>
/// <param name="IsDuplicate">True when the answer repeats the last counted one and was ignored.</param>
/// <param name="ElapsedDays">Calendar days from the previous review to this one, never negative; 0 for a new card.</param>
/// <param name="Retrievability">
/// Recall probability that the scheduler computed for this review from the stability before it and
/// <paramref name="ElapsedDays"/>, rounded to 8 decimals; null for a new card and for a duplicate.
/// </param>
public sealed record ReviewResult(FsrsCard Card, bool IsDuplicate, int ElapsedDays, double? Retrievability);
