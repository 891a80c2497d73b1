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

    public static IReadOnlyList<CourseSummary> All(ICourseCatalog catalog, LearnerEntity learner) =>
        [.. catalog.Courses.Select(course => For(course, learner))];
}
