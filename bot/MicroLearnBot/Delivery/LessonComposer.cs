using MicroLearnBot.Conversation;
using MicroLearnBot.Conversation.Views;
using MicroLearnBot.Learning.Courses;
using MicroLearnBot.Storage;
using MicroLearnBot.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace MicroLearnBot.Delivery;

/// <summary>
/// Picks the learner's next nugget and records its delivery, so the daily sweep and the <c>mer</c> command hand
/// out nuggets the same way.
/// </summary>
public sealed class LessonComposer(MicroLearnDbContext db, ICourseCatalog catalog, TimeProvider time)
{
    /// <summary>Returns the ids of the course's nuggets the learner has been handed for the first time.</summary>
    public Task<HashSet<string>> DeliveredNuggetIdsAsync(LearnerEntity learner, string courseId, CancellationToken cancellationToken) =>
        LessonDeliveries.DeliveredNuggetIdsAsync(db, learner.Id, courseId, cancellationToken);

    /// <summary>
    /// Returns the next undelivered nugget of the learner's active course as a lesson, with the delivery added to
    /// the context (the caller saves). Returns no lesson when the course is finished, gone or none is active.
    /// </summary>
    public async Task<LessonOutcome> ComposeNextAsync(LearnerEntity learner, DeliveryTrigger trigger, CancellationToken cancellationToken)
    {
        var enrollment = learner.ActiveEnrollment();
        if (enrollment is null)
        {
            return LessonOutcome.NoActiveCourse;
        }

        var course = catalog.Find(enrollment.CourseId);
        if (course is null)
        {
            return LessonOutcome.NoActiveCourse;
        }

        var deliveredIds = await DeliveredNuggetIdsAsync(learner, course.Id, cancellationToken);

        var index = course.Nuggets.ToList().FindIndex(n => !deliveredIds.Contains(n.Id));
        var version = course.VersionFor(learner.Language());
        if (index < 0)
        {
            return LessonOutcome.Finished(version.Title, version.Language);
        }

        var delivery = new LessonDeliveryEntity
        {
            Id = Guid.NewGuid(),
            LearnerId = learner.Id,
            CourseId = course.Id,
            NuggetId = course.Nuggets[index].Id,
            DeliveredUtc = time.GetUtcNow().UtcDateTime,
            Trigger = trigger,
        };
        db.LessonDeliveries.Add(delivery);

        var nugget = version.FindNugget(delivery.NuggetId) ?? course.Nuggets[index];
        var view = new LessonView(course.Id, version.Title, nugget, delivery.Id, index + 1, course.Nuggets.Count)
        {
            Language = version.Language,
        };
        return LessonOutcome.Ready(view);
    }
}

/// <summary>The result of asking for the next lesson.</summary>
public sealed record LessonOutcome(LessonView? Lesson, string? FinishedCourseTitle, string? Language)
{
    public static LessonOutcome NoActiveCourse { get; } = new(null, null, null);

    public static LessonOutcome Ready(LessonView lesson) => new(lesson, null, lesson.Language);

    public static LessonOutcome Finished(string courseTitle, string language) => new(null, courseTitle, language);
}
