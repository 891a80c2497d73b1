namespace MicroLearnBot.Learning.Scheduling;

/// <summary>
/// The next learning or relearning step for an answer, following ts-fsrs 5.4.2 <c>BasicLearningStepsStrategy</c>.
/// </summary>
/// <param name="Minutes">Delay until the card is due; 0 means no step applies and the card graduates.</param>
/// <param name="NextStep">Step index the card moves to.</param>
internal readonly record struct StepDelay(long Minutes, int NextStep)
{
    private static readonly StepDelay None = new(0, 0);

    /// <summary>
    /// Returns the step delay for <paramref name="rating"/> on a card in <paramref name="state"/> at step
    /// <paramref name="currentStep"/>. Review and Relearning cards use the relearning steps, others the learning steps.
    /// </summary>
    public static StepDelay For(FsrsOptions options, CardState state, int currentStep, Rating rating)
    {
        var steps = state is CardState.Review or CardState.Relearning ? options.RelearningSteps : options.LearningSteps;
        if (steps.Count == 0 || currentStep >= steps.Count)
        {
            return None;
        }

        var first = ToMinutes(steps[0]);
        if (state == CardState.Review)
        {
            // Only a lapse enters relearning; the other ratings of a Review card use FSRS intervals.
            return rating == Rating.Again ? new StepDelay(ToMinutes(steps[Math.Max(0, currentStep)]), 0) : None;
        }

        switch (rating)
        {
            case Rating.Again:
                return new StepDelay(first, 0);

            case Rating.Hard:
                // ts-fsrs takes the mean of the first two steps whatever the current step is, or 1.5 times a
                // single step, rounded to whole minutes with halves up.
                var hard = steps.Count == 1 ? first * 1.5 : (first + ToMinutes(steps[1])) / 2.0;
                return new StepDelay((long)JsMath.Round(hard), currentStep);

            case Rating.Good:
                // A step of 0 minutes counts as absent, so Good then graduates.
                var next = currentStep + 1 < steps.Count ? ToMinutes(steps[currentStep + 1]) : 0;
                return next > 0 ? new StepDelay(next, currentStep + 1) : None;

            default:
                return None;
        }
    }

    private static long ToMinutes(TimeSpan step) => step.Ticks / TimeSpan.TicksPerMinute;
}
