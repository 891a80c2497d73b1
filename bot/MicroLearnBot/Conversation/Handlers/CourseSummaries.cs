using MicroLearnBot.Conversation.Views;
using MicroLearnBot.Learning.Courses;
using MicroLearnBot.Storage.Entities;

namespace MicroLearnBot.Conversation.Handlers;

/// <summary>Builds catalog entries in the learner's language where the course has that version.</summary>
public static class CourseSummaries
{
    public static CourseSummary For(Course course, LearnerEntity learner)
    {
        var version = course.VersionFor(learner.Language());
        var isEnrolled = learner.Enrollments.Any(e => e.IsActive && e.CourseId == course.Id);
        return new CourseSummary(course.Id, version.Title, version.Description, version.Language, course.Nuggets.Count, course.EstimatedMinutes, isEnrolled);
    }

    /// <summary>
    /// Returns the courses the learner can read in their own language, so a catalog never mixes languages;
    /// <paramref name="otherLanguageCount"/> counts the courses that exist only in another language.
    /// </summary>
    public static IReadOnlyList<CourseSummary> InLearnerLanguage(ICourseCatalog catalog, LearnerEntity learner, out int otherLanguageCount)
    {
        var language = learner.Language();
        var all = catalog.Courses.Select(course => For(course, learner)).ToList();
        var matching = all.Where(summary => summary.ContentLanguage == language).ToList();
        otherLanguageCount = all.Count - matching.Count;
        return matching;
    }
}
