namespace MicroLearnBot.Learning.Scheduling;

/// <summary>
/// Scheduler settings for one course. Defaults are those of ts-fsrs 5.4.2 with fuzz off; this scheduler has no
/// fuzz, so the same answers always give the same due date.
/// </summary>
public sealed record FsrsOptions
{
    /// <summary>
    /// FSRS weights: 21 (FSRS-6), 19 (FSRS-5) or 17 (FSRS-4.5) numbers, converted and clipped as ts-fsrs does.
    /// Null selects <see cref="FsrsParameters.DefaultWeights"/>.
    /// </summary>
    public IReadOnlyList<double>? Weights { get; init; }

    /// <summary>Target probability of recall on the due date, in (0, 1]. Default 0.9.</summary>
    public double DesiredRetention { get; init; } = 0.9;

    /// <summary>Upper bound of an FSRS interval, in days. Default 36500. Review-state ordering can add up to 2 days.</summary>
    public int MaximumInterval { get; init; } = 36500;

    /// <summary>
    /// Delays between answers of a new card before it graduates, in whole minutes. Default 1 min and 10 min.
    /// An empty list graduates a new card on its first answer, so it comes back on a later day.
    /// </summary>
    public IReadOnlyList<TimeSpan> LearningSteps { get; init; } = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10)];

    /// <summary>Delays after a lapse before the card returns to Review, in whole minutes. Default 10 min.</summary>
    public IReadOnlyList<TimeSpan> RelearningSteps { get; init; } = [TimeSpan.FromMinutes(10)];

    /// <summary>
    /// True (default) uses learning steps and the same-day stability formula. False selects the long-term
    /// scheduler of ts-fsrs: no steps, and every answer gets a whole-day interval.
    /// </summary>
    public bool EnableShortTerm { get; init; } = true;

    /// <summary>
    /// Zone whose calendar dates count elapsed days. Default UTC, which is what ts-fsrs 5.4.2 uses.
    /// </summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>
    /// Returns these options with no learning or relearning steps, so a question answered wrongly comes back on a
    /// later day instead of minutes later. Stability and difficulty still follow FSRS-6 with short-term on.
    /// </summary>
    public FsrsOptions WithoutSameDaySteps() => this with { LearningSteps = [], RelearningSteps = [] };

    /// <summary>Checks every value and throws with the name of the first invalid one.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        if (!(DesiredRetention > 0 && DesiredRetention <= 1))
        {
            throw new ArgumentException($"DesiredRetention is {DesiredRetention}; it must be greater than 0 and at most 1.", nameof(DesiredRetention));
        }

        if (MaximumInterval < 1)
        {
            throw new ArgumentException($"MaximumInterval is {MaximumInterval}; it must be at least 1 day.", nameof(MaximumInterval));
        }

        ValidateSteps(LearningSteps, nameof(LearningSteps));
        ValidateSteps(RelearningSteps, nameof(RelearningSteps));
        ArgumentNullException.ThrowIfNull(TimeZone);
    }

    private static void ValidateSteps(IReadOnlyList<TimeSpan> steps, string name)
    {
        ArgumentNullException.ThrowIfNull(steps, name);
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (step < TimeSpan.Zero || step.Ticks % TimeSpan.TicksPerMinute != 0)
            {
                throw new ArgumentException($"{name}[{i}] is {step}; a step must be a whole number of minutes, 0 or more.", name);
            }
        }
    }
}
