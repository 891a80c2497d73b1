using MicroLearnBot.Conversation.Views;
using MicroLearnBot.Learning.Courses;
using MicroLearnBot.Storage.Entities;

namespace MicroLearnBot.Conversation.Handlers;

/// <summary>Lists the courses that can be started.</summary>
public sealed class CatalogHandler(ICourseCatalog catalog)
{
    public TurnResult Handle(LearnerEntity learner) =>
        TurnResult.Of(new CatalogView(CourseSummaries.All(catalog, learner)) { Language = learner.Language() });
}
