namespace MicroLearnBot.Learning.Scheduling;

/// <summary>
/// FSRS-6 scheduler that reproduces ts-fsrs 5.4.2 with fuzz off: the same card, answers and instants give the
/// same state, stability, difficulty and due date. Thread-safe and free of I/O; create one per option set.
/// </summary>
public sealed partial class FsrsScheduler
{
    private const int MinutesPerDay = 1440;

    private readonly MemoryModel _model;

    /// <exception cref="ArgumentException">An option is invalid; the message names it.</exception>
    public FsrsScheduler(FsrsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        Parameters = FsrsParameters.Create(options.Weights, options.RelearningSteps.Count, options.EnableShortTerm);
        _model = new MemoryModel(Parameters, options.DesiredRetention, options.EnableShortTerm);
    }

    public FsrsOptions Options { get; }

    /// <summary>The effective 21 weights after conversion and clipping.</summary>
    public FsrsParameters Parameters { get; }

    /// <summary>
    /// Applies one answer given at <paramref name="at"/> and returns the new card.
    /// An answer is a duplicate, and returns the card unchanged, when <paramref name="answerId"/> equals the
    /// card's <see cref="FsrsCard.LastAnswerId"/>, or, with no id given, when rating and instant equal the last
    /// counted answer's. A review earlier than the last one counts as 0 elapsed days.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The rating is not 1 to 4, or the due date passes year 9999.</exception>
    public ReviewResult Review(FsrsCard card, Rating rating, DateTimeOffset at, string? answerId = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (rating is < Rating.Again or > Rating.Easy)
        {
            throw new ArgumentOutOfRangeException(nameof(rating), rating, "A rating must be Again (1), Hard (2), Good (3) or Easy (4).");
        }

        at = at.ToUniversalTime();
        if (IsDuplicate(card, rating, at, answerId))
        {
            return new ReviewResult(card, IsDuplicate: true, ElapsedDays: 0, Retrievability: null);
        }

        var isNew = card.State == CardState.New;
        var elapsedDays = !isNew && card.LastReview is { } last ? ElapsedDays.Between(last, at, Options.TimeZone) : 0;
        double? retrievability = isNew ? null : _model.Retrievability(elapsedDays, card.Stability);

        var review = new PendingReview(card, at, elapsedDays, retrievability ?? 0);
        var next = Options.EnableShortTerm ? ReviewShortTerm(review, rating) : ReviewLongTerm(review, rating);

        next = next with { LastRating = rating, LastAnswerId = answerId };
        return new ReviewResult(next, IsDuplicate: false, elapsedDays, retrievability);
    }

    /// <summary>
    /// Returns the recall probability the scheduler would use if the card were answered at <paramref name="at"/>,
    /// with elapsed days counted as in <see cref="Review"/>; null for a new card.
    /// </summary>
    public double? Retrievability(FsrsCard card, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (card.State == CardState.New || card.LastReview is not { } last)
        {
            return card.State == CardState.New ? null : 1;
        }

        return _model.Retrievability(ElapsedDays.Between(last, at, Options.TimeZone), card.Stability);
    }

    private static bool IsDuplicate(FsrsCard card, Rating rating, DateTimeOffset at, string? answerId)
    {
        if (card.Reps == 0)
        {
            return false;
        }

        return answerId is not null
            ? answerId == card.LastAnswerId
            : card.LastRating == rating && card.LastReview == at;
    }

    // The card during one review, as ts-fsrs prepares it: reps already counted and last review moved to now.
    private readonly record struct PendingReview(FsrsCard Card, DateTimeOffset At, int ElapsedDays, double Retrievability)
    {
        public FsrsCard Counted => Card with { Reps = Card.Reps + 1, LastReview = At };
    }

    private FsrsCard WithMemory(PendingReview review, Rating rating)
    {
        var card = review.Card;
        var (difficulty, stability) = _model.Next(
            card.State == CardState.New, card.Difficulty, card.Stability, review.ElapsedDays, rating, review.Retrievability);
        return review.Counted with { Difficulty = difficulty, Stability = stability };
    }

    private int Interval(double stability) => _model.NextInterval(stability, Options.MaximumInterval);

    private static FsrsCard ScheduleDays(FsrsCard card, DateTimeOffset at, int days) =>
        card with { ScheduledDays = days, Due = at.AddDays(days) };
}
