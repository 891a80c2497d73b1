using MicroLearnBot.Conversation.Views;
using MicroLearnBot.Learning.Courses;
using MicroLearnBot.Storage.Entities;

namespace MicroLearnBot.Conversation.Handlers;

/// <summary>Lists the courses that can be started.</summary>
public sealed class CatalogHandler(ICourseCatalog catalog)
{
    public TurnResult Handle(LearnerEntity learner)
    {
        var courses = CourseSummaries.InLearnerLanguage(catalog, learner, out var otherLanguageCount);
        return TurnResult.Of(new CatalogView(courses) { Language = learner.Language(), OtherLanguageCourseCount = otherLanguageCount });
    }
}
