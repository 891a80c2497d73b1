namespace MicroLearnBot.Learning.Scheduling;

// The default scheduler of ts-fsrs 5.4.2 (BasicScheduler): learning and relearning steps, then whole-day intervals.
public sealed partial class FsrsScheduler
{
    private FsrsCard ReviewShortTerm(PendingReview review, Rating rating)
    {
        var state = review.Card.State;
        if (state != CardState.Review)
        {
            var toState = state == CardState.New ? CardState.Learning : state;
            return ApplySteps(review, WithMemory(review, rating), rating, toState);
        }

        if (rating == Rating.Again)
        {
            var lapsed = ApplySteps(review, WithMemory(review, rating), rating, CardState.Relearning);
            return lapsed with { Lapses = lapsed.Lapses + 1 };
        }

        return ReviewWithOrderedIntervals(review, rating);
    }

    // Hard, Good and Easy of a Review card: all three intervals are computed and then forced into
    // hard <= good < easy, so the chosen rating's interval depends on the other two.
    private FsrsCard ReviewWithOrderedIntervals(PendingReview review, Rating rating)
    {
        var hard = WithMemory(review, Rating.Hard);
        var good = WithMemory(review, Rating.Good);
        var easy = WithMemory(review, Rating.Easy);

        var goodDays = Interval(good.Stability);
        var hardDays = Math.Min(Interval(hard.Stability), goodDays);
        goodDays = Math.Max(goodDays, hardDays + 1);
        var easyDays = Math.Max(Interval(easy.Stability), goodDays + 1);

        var (chosen, days) = rating switch
        {
            Rating.Hard => (hard, hardDays),
            Rating.Good => (good, goodDays),
            _ => (easy, easyDays),
        };

        return ScheduleDays(chosen with { State = CardState.Review, Step = 0 }, review.At, days);
    }

    // Puts the card on the step for this answer. A step of a day or more, or no step at all, moves it to
    // Review; only the no-step case uses the FSRS interval, and that interval is not ordered against others.
    private FsrsCard ApplySteps(PendingReview review, FsrsCard next, Rating rating, CardState toState)
    {
        var delay = StepDelay.For(Options, review.Card.State, review.Card.Step, rating);
        if (delay.Minutes is > 0 and < MinutesPerDay)
        {
            return next with
            {
                State = toState,
                Step = delay.NextStep,
                ScheduledDays = 0,
                Due = review.At.AddMinutes(delay.Minutes),
            };
        }

        if (delay.Minutes >= MinutesPerDay)
        {
            return next with
            {
                State = CardState.Review,
                Step = delay.NextStep,
                ScheduledDays = (int)(delay.Minutes / MinutesPerDay),
                Due = review.At.AddMinutes(delay.Minutes),
            };
        }

        return ScheduleDays(next with { State = CardState.Review, Step = 0 }, review.At, Interval(next.Stability));
    }
}
