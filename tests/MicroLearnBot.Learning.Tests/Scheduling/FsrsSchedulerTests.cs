using MicroLearnBot.Learning.Scheduling;

namespace MicroLearnBot.Learning.Tests.Scheduling;

public sealed class FsrsSchedulerTests
{
    private static readonly DateTimeOffset Start = new(2022, 12, 29, 12, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Review_AnsweredOnDue_MatchesUpstreamIntervals()
    {
        // The regression sequence of the py-fsrs test suite: Good x6, Again x2, Good x5, each on its due time.
        Rating[] ratings =
        [
            Rating.Good, Rating.Good, Rating.Good, Rating.Good, Rating.Good, Rating.Good,
            Rating.Again, Rating.Again,
            Rating.Good, Rating.Good, Rating.Good, Rating.Good, Rating.Good,
        ];
        var scheduler = new FsrsScheduler(new FsrsOptions());
        var card = FsrsCard.CreateNew(Start);
        var now = Start;
        var intervals = new List<int>();

        foreach (var rating in ratings)
        {
            card = scheduler.Review(card, rating, now).Card;
            intervals.Add(card.ScheduledDays);
            now = card.Due;
        }

        Assert.Equal([0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21], intervals);
    }

    [Theory]
    [InlineData(true, 53.62690465, 6.35748708)]
    [InlineData(false, 53.33506455, 6.35748708)]
    public void Review_AgainThenGood_ReachesReferenceMemoryState(bool enableShortTerm, double stability, double difficulty)
    {
        var scheduler = new FsrsScheduler(new FsrsOptions { EnableShortTerm = enableShortTerm });
        Rating[] ratings = [Rating.Again, Rating.Good, Rating.Good, Rating.Good, Rating.Good, Rating.Good];
        int[] gaps = [0, 0, 1, 3, 8, 21];
        var card = FsrsCard.CreateNew(Start);
        var now = Start;

        for (var i = 0; i < ratings.Length; i++)
        {
            now = now.AddDays(gaps[i]);
            card = scheduler.Review(card, ratings[i], now).Card;
        }

        Assert.Equal(stability, card.Stability, 1e-8);
        Assert.Equal(difficulty, card.Difficulty, 1e-8);
    }

    [Fact]
    public void Review_NewCard_UsesInitialValues()
    {
        var scheduler = new FsrsScheduler(new FsrsOptions());
        double[] stabilities = [0.212, 1.2931, 2.3065, 8.2956];
        double[] difficulties = [6.4133, 5.11217071, 2.11810397, 1];

        for (var g = 1; g <= 4; g++)
        {
            var result = scheduler.Review(FsrsCard.CreateNew(Start), (Rating)g, Start);
            Assert.Equal(stabilities[g - 1], result.Card.Stability);
            Assert.Equal(difficulties[g - 1], result.Card.Difficulty);
            Assert.Null(result.Retrievability);
            Assert.Equal(1, result.Card.Reps);
        }
    }

    [Fact]
    public void Review_NewCardWithDefaultSteps_FollowsLearningSteps()
    {
        var scheduler = new FsrsScheduler(new FsrsOptions());
        var card = FsrsCard.CreateNew(Start);

        var again = scheduler.Review(card, Rating.Again, Start).Card;
        var hard = scheduler.Review(card, Rating.Hard, Start).Card;
        var good = scheduler.Review(card, Rating.Good, Start).Card;
        var easy = scheduler.Review(card, Rating.Easy, Start).Card;

        Assert.Equal((CardState.Learning, 0, Start.AddMinutes(1)), (again.State, again.Step, again.Due));
        Assert.Equal((CardState.Learning, 0, Start.AddMinutes(6)), (hard.State, hard.Step, hard.Due));
        Assert.Equal((CardState.Learning, 1, Start.AddMinutes(10)), (good.State, good.Step, good.Due));
        Assert.Equal((CardState.Review, 0, 8), (easy.State, easy.Step, easy.ScheduledDays));
        Assert.Equal(Start.AddDays(8), easy.Due);
    }

    [Fact]
    public void Review_WithoutSameDaySteps_MissedQuestionReturnsNextDay()
    {
        var scheduler = new FsrsScheduler(new FsrsOptions().WithoutSameDaySteps());

        var first = scheduler.Review(FsrsCard.CreateNew(Start), Rating.Again, Start).Card;
        var later = scheduler.Review(first with { }, Rating.Good, first.Due).Card;
        var lapse = scheduler.Review(later, Rating.Again, later.Due).Card;

        Assert.Equal(CardState.Review, first.State);
        Assert.Equal(1, first.ScheduledDays);
        Assert.Equal(Start.AddDays(1), first.Due);
        Assert.Equal(CardState.Review, lapse.State);
        Assert.True(lapse.ScheduledDays >= 1);
        Assert.Equal(1, lapse.Lapses);
    }

    [Fact]
    public void Review_EarlierThanLastReview_CountsZeroElapsedDays()
    {
        var scheduler = new FsrsScheduler(new FsrsOptions());
        var graduated = scheduler.Review(FsrsCard.CreateNew(Start), Rating.Easy, Start).Card;

        var result = scheduler.Review(graduated, Rating.Good, Start.AddDays(-3));
        var sameDay = scheduler.Review(graduated, Rating.Good, Start.AddHours(1));

        Assert.Equal(0, result.ElapsedDays);
        Assert.Equal(1, result.Retrievability);
        Assert.Equal(sameDay.Card.Stability, result.Card.Stability);
        Assert.Equal(sameDay.Card.Difficulty, result.Card.Difficulty);
        Assert.Equal(Start.AddDays(-3).AddDays(result.Card.ScheduledDays), result.Card.Due);
    }

    [Fact]
    public void Review_SameAnswerIdTwice_CountsOnce()
    {
        var scheduler = new FsrsScheduler(new FsrsOptions());
        var first = scheduler.Review(FsrsCard.CreateNew(Start), Rating.Good, Start, "answer-1").Card;

        var repeated = scheduler.Review(first, Rating.Good, Start.AddSeconds(30), "answer-1");
        var other = scheduler.Review(first, Rating.Good, Start.AddSeconds(30), "answer-2");

        Assert.True(repeated.IsDuplicate);
        Assert.Same(first, repeated.Card);
        Assert.False(other.IsDuplicate);
        Assert.Equal(2, other.Card.Reps);
    }

    [Fact]
    public void Review_SameRatingAndInstantWithoutId_CountsOnce()
    {
        var scheduler = new FsrsScheduler(new FsrsOptions());
        var first = scheduler.Review(FsrsCard.CreateNew(Start), Rating.Again, Start).Card;

        var repeated = scheduler.Review(first, Rating.Again, Start);
        var otherRating = scheduler.Review(first, Rating.Good, Start);

        Assert.True(repeated.IsDuplicate);
        Assert.Same(first, repeated.Card);
        Assert.False(otherRating.IsDuplicate);
    }

    [Fact]
    public void Review_ReviewStateAgain_EntersRelearningAndCountsLapse()
    {
        var scheduler = new FsrsScheduler(new FsrsOptions());
        var graduated = scheduler.Review(FsrsCard.CreateNew(Start), Rating.Easy, Start).Card;

        var lapsed = scheduler.Review(graduated, Rating.Again, graduated.Due).Card;

        Assert.Equal(CardState.Relearning, lapsed.State);
        Assert.Equal(1, lapsed.Lapses);
        Assert.Equal(0, lapsed.ScheduledDays);
        Assert.Equal(graduated.Due.AddMinutes(10), lapsed.Due);
    }

    [Fact]
    public void Retrievability_OneDayAfterGood_MatchesReference()
    {
        var scheduler = new FsrsScheduler(new FsrsOptions { LearningSteps = [] });
        var card = scheduler.Review(FsrsCard.CreateNew(Start), Rating.Good, Start).Card;

        Assert.Equal(0.9468475, scheduler.Retrievability(card, Start.AddDays(1))!.Value, 1e-7);
        Assert.Null(scheduler.Retrievability(FsrsCard.CreateNew(Start), Start));
    }

    [Fact]
    public void Constructor_InvalidRetention_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() => new FsrsScheduler(new FsrsOptions { DesiredRetention = 0 }));

        Assert.Contains("DesiredRetention", exception.Message);
    }
}
