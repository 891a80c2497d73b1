using MicroLearnBot.Learning.Planning;
using MicroLearnBot.Learning.Scheduling;

namespace MicroLearnBot.Learning.Tests.Planning;

public sealed class SessionPlannerTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 10, 7, 0, 0, TimeSpan.Zero);
    private static readonly FsrsScheduler Scheduler = new(new FsrsOptions());
    private static readonly SessionPlanner Planner = new(Scheduler);

    [Fact]
    public void Plan_DueReviews_OrdersByLowestRetrievability()
    {
        // Same stability, reviewed longer ago means lower recall now.
        var questions = new[]
        {
            Question("q-recent", stability: 5, lastReviewDaysAgo: 6),
            Question("q-oldest", stability: 5, lastReviewDaysAgo: 30),
            Question("q-middle", stability: 5, lastReviewDaysAgo: 12),
            Question("q-not-due", stability: 50, lastReviewDaysAgo: 1, dueInDays: 20),
        };

        var plan = Planner.Plan(new PlanRequest { Questions = questions, Now = Now });

        var reviews = plan.Items.Cast<PlannedReview>().ToList();
        Assert.Equal(["q-oldest", "q-middle", "q-recent"], reviews.Select(r => r.QuestionId));
        Assert.True(reviews[0].Retrievability < reviews[1].Retrievability);
        Assert.True(reviews[1].Retrievability < reviews[2].Retrievability);
        Assert.Equal(3, plan.DueReviewCount);
        Assert.Equal(0, plan.DeferredReviewCount);
    }

    [Fact]
    public void Plan_ReviewsThenNugget_WithinBudget()
    {
        var questions = new[] { Question("q1", 5, 10), Question("q2", 5, 8) };
        var nuggets = new[] { Nugget("n1", minutes: 5), Nugget("n2", minutes: 1) };

        var plan = Planner.Plan(new PlanRequest { Questions = questions, NewNuggets = nuggets, Now = Now });

        Assert.Equal(3, plan.Items.Count);
        Assert.IsType<PlannedReview>(plan.Items[0]);
        Assert.IsType<PlannedReview>(plan.Items[1]);
        Assert.Equal("n1", Assert.IsType<PlannedNugget>(plan.Items[2]).NuggetId);
        Assert.Equal(TimeSpan.FromMinutes(7), plan.TotalTime);
    }

    [Fact]
    public void Plan_NuggetOverBudget_IsLeftOut()
    {
        var questions = new[] { Question("q1", 5, 10, minutes: 6) };
        var nuggets = new[] { Nugget("n1", minutes: 5) };

        var plan = Planner.Plan(new PlanRequest { Questions = questions, NewNuggets = nuggets, Now = Now });

        Assert.Single(plan.Items);
        Assert.True(plan.TotalTime <= TimeSpan.FromMinutes(10));
    }

    [Fact]
    public void Plan_NewNuggetCap_LimitsNuggets()
    {
        var nuggets = new[] { Nugget("n1", 2), Nugget("n2", 2), Nugget("n3", 2) };

        var capOne = Planner.Plan(new PlanRequest { Questions = [], NewNuggets = nuggets, Now = Now });
        var capTwo = Planner.Plan(new PlanRequest { Questions = [], NewNuggets = nuggets, MaxNewNuggets = 2, Now = Now });
        var capZero = Planner.Plan(new PlanRequest { Questions = [], NewNuggets = nuggets, MaxNewNuggets = 0, Now = Now });

        Assert.Equal(["n1"], capOne.Items.Select(i => i.NuggetId));
        Assert.Equal(["n1", "n2"], capTwo.Items.Select(i => i.NuggetId));
        Assert.Empty(capZero.Items);
    }

    [Fact]
    public void Plan_Backlog_SpreadsAcrossDays()
    {
        // Thirty questions fell due during a three-week absence; each takes one minute and the budget is ten.
        var questions = Enumerable.Range(0, 30)
            .Select(i => Question($"q{i:D2}", stability: 3 + i * 0.1, lastReviewDaysAgo: 21))
            .ToList();
        var nuggets = new[] { Nugget("n1", 3) };
        var planned = new HashSet<string>();
        var now = Now;

        for (var day = 0; day < 3; day++)
        {
            var plan = Planner.Plan(new PlanRequest { Questions = questions, NewNuggets = nuggets, Now = now });

            Assert.Equal(10, plan.Items.Count);
            Assert.All(plan.Items, item => Assert.IsType<PlannedReview>(item));
            Assert.Equal(TimeSpan.FromMinutes(10), plan.TotalTime);
            Assert.Equal(30 - 10 * day, plan.DueReviewCount);
            Assert.Equal(20 - 10 * day, plan.DeferredReviewCount);

            foreach (PlannedReview review in plan.Items)
            {
                Assert.True(planned.Add(review.QuestionId), $"{review.QuestionId} was planned twice.");
                var index = questions.FindIndex(q => q.QuestionId == review.QuestionId);
                var card = Scheduler.Review(questions[index].Card, Rating.Good, now).Card;
                questions[index] = questions[index] with { Card = card };
            }

            now = now.AddDays(1);
        }

        Assert.Equal(30, planned.Count);
        var caughtUp = Planner.Plan(new PlanRequest { Questions = questions, NewNuggets = nuggets, Now = now });
        Assert.Equal("n1", Assert.IsType<PlannedNugget>(Assert.Single(caughtUp.Items)).NuggetId);
    }

    [Fact]
    public void Plan_BacklogDay_PlansNoNewNugget()
    {
        var questions = Enumerable.Range(0, 12).Select(i => Question($"q{i}", 4, 9)).ToList();

        var plan = Planner.Plan(new PlanRequest { Questions = questions, NewNuggets = [Nugget("n1", 1)], Now = Now });

        Assert.DoesNotContain(plan.Items, item => item is PlannedNugget);
        Assert.Equal(2, plan.DeferredReviewCount);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(15)]
    public void Plan_BudgetLimits_Respected(int budgetMinutes)
    {
        var questions = Enumerable.Range(0, 40).Select(i => Question($"q{i}", 2, 5, minutes: 1.5)).ToList();
        var budget = TimeSpan.FromMinutes(budgetMinutes);

        var plan = Planner.Plan(new PlanRequest { Questions = questions, Budget = budget, Now = Now });

        Assert.True(plan.TotalTime <= budget);
        Assert.Equal((int)(budgetMinutes / 1.5), plan.Items.Count);
    }

    [Fact]
    public void Plan_ItemLongerThanBudget_PlannedAlone()
    {
        var questions = new[] { Question("q-long", 2, 30, minutes: 12), Question("q-short", 2, 5, minutes: 1) };

        var plan = Planner.Plan(new PlanRequest { Questions = questions, Budget = TimeSpan.FromMinutes(10), Now = Now });

        Assert.Equal("q-long", Assert.IsType<PlannedReview>(Assert.Single(plan.Items)).QuestionId);
        Assert.Equal(1, plan.DeferredReviewCount);
    }

    [Fact]
    public void Plan_NeverAnsweredQuestion_ComesFirst()
    {
        var unanswered = new TrackedQuestion("q-new", "n1", "course", FsrsCard.CreateNew(Now.AddDays(-1)), TimeSpan.FromMinutes(1));
        var questions = new[] { Question("q-old", 1, 60), unanswered };

        var plan = Planner.Plan(new PlanRequest { Questions = questions, Now = Now });

        var first = Assert.IsType<PlannedReview>(plan.Items[0]);
        Assert.Equal("q-new", first.QuestionId);
        Assert.Equal(0, first.Retrievability);
    }

    [Fact]
    public void Plan_NothingDue_ReturnsEmptyPlan()
    {
        var plan = Planner.Plan(new PlanRequest { Questions = [Question("q1", 40, 1, dueInDays: 30)], Now = Now });

        Assert.Empty(plan.Items);
        Assert.Equal(TimeSpan.Zero, plan.TotalTime);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(16)]
    public void Plan_BudgetOutOfRange_Throws(int minutes)
    {
        var request = new PlanRequest { Questions = [], Budget = TimeSpan.FromMinutes(minutes), Now = Now };

        var exception = Assert.Throws<ArgumentException>(() => Planner.Plan(request));

        Assert.Contains("Budget", exception.Message);
    }

    private static TrackedQuestion Question(
        string id, double stability, int lastReviewDaysAgo, int dueInDays = -1, double minutes = 1)
    {
        var card = new FsrsCard
        {
            State = CardState.Review,
            Stability = stability,
            Difficulty = 5,
            LastReview = Now.AddDays(-lastReviewDaysAgo),
            Due = Now.AddDays(dueInDays),
            Reps = 3,
            ScheduledDays = Math.Max(1, lastReviewDaysAgo + dueInDays),
        };
        return new TrackedQuestion(id, $"nugget-{id}", "course", card, TimeSpan.FromMinutes(minutes));
    }

    private static NewNugget Nugget(string id, double minutes) => new(id, TimeSpan.FromMinutes(minutes), QuestionCount: 2);
}
