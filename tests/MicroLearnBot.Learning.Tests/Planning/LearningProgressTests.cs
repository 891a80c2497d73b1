using MicroLearnBot.Learning.Planning;
using MicroLearnBot.Learning.Scheduling;

namespace MicroLearnBot.Learning.Tests.Planning;

public sealed class LearningProgressTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 10, 7, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(CardState.Review, 21, true)]
    [InlineData(CardState.Review, 20.9, false)]
    [InlineData(CardState.Relearning, 30, false)]
    [InlineData(CardState.New, 0, false)]
    public void IsLearned_StateAndStability_Decide(CardState state, double stability, bool expected)
    {
        Assert.Equal(expected, LearningProgress.IsLearned(new FsrsCard { State = state, Stability = stability }));
    }

    [Fact]
    public void CountLearned_OtherCourse_Ignored()
    {
        var questions = new[]
        {
            Question("a", "course-1", stability: 40),
            Question("b", "course-1", stability: 3),
            Question("c", "course-2", stability: 40),
        };

        Assert.Equal(1, LearningProgress.CountLearned(questions, "course-1"));
    }

    [Fact]
    public void MeanRetrievability_AnsweredQuestions_Averaged()
    {
        var scheduler = new FsrsScheduler(new FsrsOptions());
        var questions = new[]
        {
            Question("a", "course-1", stability: 10, lastReviewDaysAgo: 10),
            Question("b", "course-1", stability: 10, lastReviewDaysAgo: 0),
            new TrackedQuestion("c", "n", "course-1", FsrsCard.CreateNew(Now), TimeSpan.FromMinutes(1)),
        };

        var mean = LearningProgress.MeanRetrievability(questions, "course-1", scheduler, Now);

        // R(S, S) = 0.9 by construction and R(0, S) = 1.
        Assert.Equal(0.95, mean!.Value, 1e-8);
        Assert.Null(LearningProgress.MeanRetrievability(questions, "course-2", scheduler, Now));
    }

    private static TrackedQuestion Question(string id, string course, double stability, int lastReviewDaysAgo = 1) =>
        new(id, "n", course, new FsrsCard
        {
            State = CardState.Review,
            Stability = stability,
            Difficulty = 5,
            LastReview = Now.AddDays(-lastReviewDaysAgo),
            Due = Now,
        }, TimeSpan.FromMinutes(1));
}
