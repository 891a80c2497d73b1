using BenchmarkDotNet.Attributes;
using MicroLearnBot.Learning.Planning;
using MicroLearnBot.Learning.Scheduling;

namespace MicroLearnBot.Benchmarks;

/// <summary>
/// Plans one day for 100,000 learners with 50 tracked questions each. Timings and allocations are reported per
/// learner, because one operation of the benchmark is one call to <see cref="SessionPlanner.Plan"/>.
/// </summary>
[MemoryDiagnoser]
public class PlanDayBenchmark
{
    private const int LearnerCount = 100_000;
    private const int QuestionsPerLearner = 50;
    private const int NuggetsPerCourse = 40;

    private static readonly DateTimeOffset Now = new(2025, 3, 10, 6, 0, 0, TimeSpan.Zero);

    private PlanRequest[] _requests = [];
    private SessionPlanner _planner = null!;

    [GlobalSetup]
    public void Setup()
    {
        var scheduler = new FsrsScheduler(new FsrsOptions());
        _planner = new SessionPlanner(scheduler);

        // Question and nugget ids belong to the course content, so every learner shares the same strings.
        var questionIds = Enumerable.Range(0, QuestionsPerLearner).Select(i => $"question-{i:D3}").ToArray();
        var nuggetIds = Enumerable.Range(0, NuggetsPerCourse).Select(i => $"nugget-{i:D3}").ToArray();
        var newNuggets = nuggetIds
            .Skip(QuestionsPerLearner / 2)
            .Select(id => new NewNugget(id, TimeSpan.FromMinutes(4), QuestionCount: 2))
            .ToArray();

        var random = new Random(20250310);
        _requests = new PlanRequest[LearnerCount];
        for (var learner = 0; learner < LearnerCount; learner++)
        {
            var questions = new TrackedQuestion[QuestionsPerLearner];
            for (var q = 0; q < QuestionsPerLearner; q++)
            {
                questions[q] = new TrackedQuestion(
                    questionIds[q], nuggetIds[q / 2], "course-1", RandomCard(random), TimeSpan.FromMinutes(0.5 + random.Next(4) * 0.5));
            }

            _requests[learner] = new PlanRequest { Questions = questions, NewNuggets = newNuggets, Now = Now };
        }

        DescribeWorkload();
    }

    // Prints the average content of one day's plans, so the results show how much work each plan did.
    private void DescribeWorkload()
    {
        long due = 0, planned = 0, deferred = 0;
        foreach (var request in _requests)
        {
            var plan = _planner.Plan(request);
            due += plan.DueReviewCount;
            planned += plan.Items.Count;
            deferred += plan.DeferredReviewCount;
        }

        Console.WriteLine(
            $"Workload per learner: {QuestionsPerLearner} tracked questions, {(double)due / LearnerCount:F1} due, " +
            $"{(double)planned / LearnerCount:F1} items planned, {(double)deferred / LearnerCount:F1} reviews deferred.");
    }

    [Benchmark(OperationsPerInvoke = LearnerCount)]
    public int PlanOneDay()
    {
        var planned = 0;
        foreach (var request in _requests)
        {
            planned += _planner.Plan(request).Items.Count;
        }

        return planned;
    }

    // A spread of memory states: mostly graduated cards with stability from 1 to 200 days, reviewed up to
    // 120 days ago, so a few to many questions are due per learner.
    private static FsrsCard RandomCard(Random random)
    {
        var stability = 1 + random.NextDouble() * 199;
        var lastReview = Now.AddDays(-random.Next(121)).AddMinutes(-random.Next(1440));
        var interval = Math.Max(1, (int)Math.Round(stability));
        var state = random.Next(20) == 0 ? CardState.Relearning : CardState.Review;
        return new FsrsCard
        {
            State = state,
            Stability = stability,
            Difficulty = 1 + random.NextDouble() * 9,
            LastReview = lastReview,
            Due = state == CardState.Relearning ? lastReview.AddMinutes(10) : lastReview.AddDays(interval),
            Reps = 1 + random.Next(20),
            ScheduledDays = state == CardState.Relearning ? 0 : interval,
        };
    }
}
