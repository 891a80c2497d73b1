using MicroLearnBot.Delivery;
using MicroLearnBot.Storage.Entities;

namespace MicroLearnBot.Conversation.Handlers;

/// <summary>Sends the next nugget right away, outside the daily schedule.</summary>
public sealed class MoreHandler(LessonComposer composer)
{
    public async Task<TurnResult> HandleAsync(LearnerEntity learner, CancellationToken cancellationToken)
    {
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
