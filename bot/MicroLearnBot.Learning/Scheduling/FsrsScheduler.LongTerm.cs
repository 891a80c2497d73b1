namespace MicroLearnBot.Learning.Scheduling;

// The scheduler ts-fsrs 5.4.2 uses with short-term off (LongTermScheduler): no steps, every answer gets whole
// days, and the four intervals are ordered again < hard < good < easy, the first answer included.
public sealed partial class FsrsScheduler
{
    private FsrsCard ReviewLongTerm(PendingReview review, Rating rating)
    {
        var isNew = review.Card.State == CardState.New;
        if (isNew)
        {
            // A new card has no stability yet, so ts-fsrs uses t = 0 for all four candidates.
            review = review with { ElapsedDays = 0 };
        }

        var again = WithMemory(review, Rating.Again);
        var hard = WithMemory(review, Rating.Hard);
        var good = WithMemory(review, Rating.Good);
        var easy = WithMemory(review, Rating.Easy);

        var againDays = Interval(again.Stability);
        var hardDays = Interval(hard.Stability);
        againDays = Math.Min(againDays, hardDays);
        hardDays = Math.Max(hardDays, againDays + 1);
        var goodDays = Math.Max(Interval(good.Stability), hardDays + 1);
        var easyDays = Math.Max(Interval(easy.Stability), goodDays + 1);

        var (chosen, days) = rating switch
        {
            Rating.Again => (again, againDays),
            Rating.Hard => (hard, hardDays),
            Rating.Good => (good, goodDays),
            _ => (easy, easyDays),
        };

        chosen = chosen with { State = CardState.Review, Step = 0 };

        // Any non-new card answered Again counts as a lapse here, Learning and Relearning cards included.
        if (rating == Rating.Again && !isNew)
        {
            chosen = chosen with { Lapses = chosen.Lapses + 1 };
        }

        return ScheduleDays(chosen, review.At, days);
    }
}
