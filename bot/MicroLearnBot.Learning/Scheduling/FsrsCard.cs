namespace MicroLearnBot.Learning.Scheduling;

/// <summary>
/// Memory state of one question for one learner. Immutable: <see cref="FsrsScheduler.Review"/> returns a new card.
/// All instants are UTC.
/// </summary>
public sealed record FsrsCard
{
    public CardState State { get; init; } = CardState.New;

    /// <summary>Days until recall probability falls to 90%; 0 for a new card.</summary>
    public double Stability { get; init; }

    /// <summary>Difficulty in [1, 10]; 0 for a new card.</summary>
    public double Difficulty { get; init; }

    /// <summary>When the card should next be shown.</summary>
    public DateTimeOffset Due { get; init; }

    public DateTimeOffset? LastReview { get; init; }

    /// <summary>Index into the learning or relearning steps, as ts-fsrs's <c>learning_steps</c> field.</summary>
    public int Step { get; init; }

    /// <summary>Number of answers counted so far.</summary>
    public int Reps { get; init; }

    /// <summary>Number of times the card was forgotten after graduating.</summary>
    public int Lapses { get; init; }

    /// <summary>Whole days from the last review to <see cref="Due"/>; 0 while on a step shorter than a day.</summary>
    public int ScheduledDays { get; init; }

    /// <summary>Rating of the last counted answer, used to detect a repeated delivery of that answer.</summary>
    public Rating? LastRating { get; init; }

    /// <summary>Caller-supplied id of the last counted answer, used to detect a repeated delivery of that answer.</summary>
    public string? LastAnswerId { get; init; }

    /// <summary>Creates a card that has never been answered and is due at <paramref name="due"/>.</summary>
    public static FsrsCard CreateNew(DateTimeOffset due) => new() { Due = due.ToUniversalTime() };
}
