using MicroLearnBot.Conversation.Views;
using MicroLearnBot.Delivery;
using MicroLearnBot.Learning.Courses;
using MicroLearnBot.Learning.Delivery;
using MicroLearnBot.Learning.Planning;
using MicroLearnBot.Storage;
using MicroLearnBot.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace MicroLearnBot.Conversation.Handlers;

/// <summary>
/// Shows streak, questions learned, the estimated recall of the course now and when the next lesson and review come.
/// </summary>
public sealed class ProgressHandler(MicroLearnDbContext db, ICourseCatalog catalog, ReviewTracker reviews, TimeProvider time)
{
    public async Task<TurnResult> HandleAsync(LearnerEntity learner, CancellationToken cancellationToken)
    {
        var language = learner.Language();
        if (learner.ActiveEnrollment() is not { } enrollment)
        {
            return TurnResult.Message(language, "progress.noCourse");
        }

        // A course whose files are broken is left out of the catalog until they are fixed.
        if (catalog.Find(enrollment.CourseId) is not { } course)
        {
            return TurnResult.Message(language, "course.unavailable", enrollment.CourseId);
        }

        await reviews.FinalizePendingConfidenceAsync(learner, cancellationToken);
        var now = time.GetUtcNow();
        var zone = learner.Zone();
        var tracked = (await reviews.LoadTrackedAsync(learner, cancellationToken)).Where(q => q.CourseId == course.Id).ToList();
        var scheduler = ReviewTracker.SchedulerFor(course, learner);

        var answeredDates = await db.Answers
            .Where(a => a.LearnerId == learner.Id)
            .Select(a => a.AnsweredUtc)
            .ToListAsync(cancellationToken);
        var completed = answeredDates.Select(utc => LocalTimeRules.LocalDate(new DateTimeOffset(utc, TimeSpan.Zero), zone)).ToHashSet();
        var today = LocalTimeRules.LocalDate(now, zone);
        bool IsDeliveryDay(DateOnly date) => learner.IncludeWeekends || WorkingDays.IsWorkingDay(date);

        var delivered = (await LessonDeliveries.DeliveredNuggetIdsAsync(db, learner.Id, course.Id, cancellationToken)).Count;

        var checkCount = course.Nuggets.Sum(n => n.Checks.Count);
        var nextReview = tracked.Where(q => q.Card.Due > now).Select(q => (DateTimeOffset?)q.Card.Due).Min();
        var view = new ProgressView(
            course.VersionFor(language).Title,
            Streaks.Count(completed, today, IsDeliveryDay),
            delivered,
            course.Nuggets.Count,
            LearningProgress.CountLearned(tracked, course.Id),
            checkCount,
            LearningProgress.MeanRetrievability(tracked, course.Id, scheduler, now),
            tracked.Count(q => q.Card.Due <= SessionComposer.EndOfLocalDay(learner, now)),
            nextReview is { } review ? learner.LocalSessionForDue(review, now) : null,
            learner.NextDeliveryUtc is { } next ? learner.ToLocal(next) : null)
        {
            Language = language,
            IsPaused = learner.Status == LearnerStatus.Paused,
        };
        return TurnResult.Of(view);
    }
}
