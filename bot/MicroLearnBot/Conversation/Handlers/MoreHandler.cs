using MicroLearnBot.Delivery;
using MicroLearnBot.Learning.Courses;
using MicroLearnBot.Storage.Entities;

namespace MicroLearnBot.Conversation.Handlers;

/// <summary>Sends the next nugget right away, outside the daily schedule.</summary>
public sealed class MoreHandler(LessonComposer composer, ICourseCatalog catalog)
{
    public async Task<TurnResult> HandleAsync(LearnerEntity learner, CancellationToken cancellationToken)
    {
        // A course whose files are broken is left out of the catalog until they are fixed.
        if (learner.ActiveEnrollment() is { } enrollment && catalog.Find(enrollment.CourseId) is null)
        {
            return TurnResult.Message(learner.Language(), "course.unavailable", enrollment.CourseId);
        }

        var outcome = await composer.ComposeNextAsync(learner, DeliveryTrigger.LearnerRequest, cancellationToken);
        if (outcome.Lesson is { } lesson)
        {
            return TurnResult.Of(lesson);
        }

        return outcome.FinishedCourseTitle is { } title
            ? TurnResult.Message(outcome.Language ?? learner.Language(), "more.finished", title)
            : TurnResult.Message(learner.Language(), "more.noCourse");
    }
}
