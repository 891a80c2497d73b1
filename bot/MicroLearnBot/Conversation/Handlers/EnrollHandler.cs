using MicroLearnBot.Conversation.Views;
using MicroLearnBot.Learning.Courses;
using MicroLearnBot.Learning.Delivery;
using MicroLearnBot.Storage.Entities;

namespace MicroLearnBot.Conversation.Handlers;

/// <summary>Starts a course: one active course at a time, first nugget at the next delivery time.</summary>
public sealed class EnrollHandler(ICourseCatalog catalog, TimeProvider time)
{
    public TurnResult Handle(LearnerEntity learner, string courseId)
    {
        var language = learner.Language();
        var course = catalog.Find(courseId);
        if (course is null)
        {
            return catalog.IsLeftOut(courseId)
                ? TurnResult.Message(language, "course.unavailable", courseId)
                : TurnResult.Message(language, "enroll.notFound", courseId);
        }

        var now = time.GetUtcNow();
        var existing = learner.Enrollments.FirstOrDefault(e => e.CourseId == course.Id);
        var wasAlreadyEnrolled = existing is { IsActive: true };

        // One course at a time: the active one is paused, and the reply explains how to return to it.
        var previous = learner.Enrollments.FirstOrDefault(e => e.IsActive && e.CourseId != course.Id);
        var previousCourse = previous is null ? null : catalog.Find(previous.CourseId);
        var pausedCourse = previousCourse is null ? null : CourseSummaries.For(previousCourse, learner);
        foreach (var other in learner.Enrollments.Where(e => e.CourseId != course.Id))
        {
            other.IsActive = false;
        }

        if (existing is null)
        {
            learner.Enrollments.Add(new EnrollmentEntity
            {
                Id = Guid.NewGuid(),
                LearnerId = learner.Id,
                CourseId = course.Id,
                StartedUtc = now.UtcDateTime,
            });
        }
        else
        {
            existing.IsActive = true;
        }

        if (learner.Status == LearnerStatus.Paused)
        {
            learner.Status = LearnerStatus.Active;
        }

        learner.ScheduleNextSession(now, anyDayToday: true);

        var summary = CourseSummaries.For(course, learner) with { IsEnrolled = true };
        var firstDeliveryUtc = learner.NextDeliveryUtc
            ?? DeliveryCalendar.NextDelivery(now, learner.ToDeliveryPreferences(), learner.LastSessionLocalDate, anyDayToday: true).UtcDateTime;
        var firstDelivery = learner.ToLocal(firstDeliveryUtc);
        return TurnResult.Of(new EnrollmentView(summary, firstDelivery, wasAlreadyEnrolled) { Language = language, PausedCourse = pausedCourse });
    }
}
