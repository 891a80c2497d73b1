namespace MicroLearnBot.Learning.Scheduling.Replay;

/// <summary>One card's reviews, replayed from a new card with one option set.</summary>
public sealed record ReplaySequence(FsrsOptions Options, IReadOnlyList<ReplayReview> Reviews);

/// <summary>One review of a replay: the rating and the instant it was given.</summary>
public sealed record ReplayReview(Rating Rating, DateTimeOffset At);
