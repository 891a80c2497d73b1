using MicroLearnBot.Conversation;
using MicroLearnBot.Conversation.Views;
using MicroLearnBot.Learning.Courses;
using MicroLearnBot.Learning.Delivery;
using MicroLearnBot.Learning.Planning;
using MicroLearnBot.Storage;
using MicroLearnBot.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace MicroLearnBot.Delivery;

/// <summary>
/// Builds a learner's daily session: the planner picks due reviews (lowest recall first) and the next new nugget
/// within the learner's time budget. Each reviewed nugget becomes one card asking only its due questions.
/// </summary>
public sealed class SessionComposer(MicroLearnDbContext db, ICourseCatalog catalog, LessonComposer lessons, ReviewTracker reviews, TimeProvider time)
{
    public async Task<IReadOnlyList<LessonView>> ComposeDailyAsync(LearnerEntity learner, CancellationToken cancellationToken)
    {
        await reviews.FinalizePendingConfidenceAsync(learner, cancellationToken);

        var endOfDay = EndOfLocalDay(learner, time.GetUtcNow());
        var tracked = await reviews.LoadTrackedAsync(learner, cancellationToken);
        var newNuggets = await NewNuggetsAsync(learner, cancellationToken);
        var activeCourse = learner.ActiveEnrollment() is { } enrollment ? catalog.Find(enrollment.CourseId) : null;

        var plan = new SessionPlanner(ReviewTracker.SchedulerFor(activeCourse, learner)).Plan(new PlanRequest
        {
            Questions = tracked,
            NewNuggets = newNuggets,
            Budget = TimeSpan.FromMinutes(Math.Clamp(learner.DailyBudgetMinutes, 5, 15)),
            MaxNewNuggets = 1,
            // Questions due any time today belong in today's session; recall is the same all day because FSRS
            // counts elapsed days by calendar date.
            Now = endOfDay,
        });

        var views = new List<LessonView>();
        foreach (var group in plan.Items.OfType<PlannedReview>().GroupBy(r => (r.CourseId, r.NuggetId)))
        {
            if (await ReviewLessonAsync(learner, group.Key.CourseId, group.Key.NuggetId, [.. group.Select(r => r.QuestionId)], cancellationToken) is { } review)
            {
                views.Add(review);
            }
        }

        if (plan.Items.OfType<PlannedNugget>().Any())
        {
            var outcome = await lessons.ComposeNextAsync(learner, DeliveryTrigger.DailySession, cancellationToken);
            if (outcome.Lesson is { } lesson)
            {
                views.Add(lesson);
            }
        }

        return views;
    }

    /// <summary>Returns the last instant of the learner's local date at <paramref name="now"/>.</summary>
    public static DateTimeOffset EndOfLocalDay(LearnerEntity learner, DateTimeOffset now)
    {
        var zone = learner.Zone();
        var tomorrow = LocalTimeRules.LocalDate(now, zone).AddDays(1);
        return LocalTimeRules.ToInstant(tomorrow, TimeOnly.MinValue, zone).AddTicks(-1);
    }

    private async Task<IReadOnlyList<NewNugget>> NewNuggetsAsync(LearnerEntity learner, CancellationToken cancellationToken)
    {
        if (learner.ActiveEnrollment() is not { } enrollment || catalog.Find(enrollment.CourseId) is not { } course)
        {
            return [];
        }

        var delivered = await lessons.DeliveredNuggetIdsAsync(learner, course.Id, cancellationToken);

        return [.. course.Nuggets
            .Where(n => !delivered.Contains(n.Id))
            .Select(n => new NewNugget(n.Id, TimeSpan.FromMinutes(n.EstimatedMinutes), n.Checks.Count + 1))];
    }

    private async Task<LessonView?> ReviewLessonAsync(LearnerEntity learner, string courseId, string nuggetId, IReadOnlyList<string> questionIds, CancellationToken cancellationToken)
    {
        var course = catalog.Find(courseId);
        var version = course?.VersionFor(learner.Language());
        var nugget = version?.FindNugget(nuggetId);
        if (course is null || version is null || nugget is null)
        {
            return null;
        }

        var delivery = new LessonDeliveryEntity
        {
            Id = Guid.NewGuid(),
            LearnerId = learner.Id,
            CourseId = course.Id,
            NuggetId = nugget.Id,
            DeliveredUtc = time.GetUtcNow().UtcDateTime,
            Trigger = DeliveryTrigger.DailySession,
            IsReview = true,
        };
        db.LessonDeliveries.Add(delivery);

        var includesReflection = questionIds.Contains(nugget.Reflection.Id);
        var previous = includesReflection
            ? await db.Answers
                .Where(a => a.LearnerId == learner.Id && a.CourseId == course.Id && a.QuestionId == nugget.Reflection.Id && a.Text != null)
                .OrderByDescending(a => a.AnsweredUtc)
                .Take(3)
                .ToListAsync(cancellationToken)
            : [];

        var position = course.Nuggets.ToList().FindIndex(n => n.Id == nugget.Id) + 1;
        return new LessonView(course.Id, version.Title, nugget, delivery.Id, position, course.Nuggets.Count)
        {
            Language = version.Language,
            IsReview = true,
            IncludesReflection = includesReflection,
            CheckQuestionIds = [.. questionIds.Where(id => id != nugget.Reflection.Id)],
            PreviousReflections = [.. previous.Select(a => new PreviousReflection(a.Text!, learner.ToLocal(a.AnsweredUtc)))],
        };
    }
}
