namespace MicroLearnBot.Learning.Courses;

/// <summary>The courses that loaded without errors, as of now; reloads replace the snapshot atomically.</summary>
public interface ICourseCatalog
{
    IReadOnlyList<Course> Courses { get; }

    Course? Find(string courseId);

    /// <summary>
    /// Tells whether a course with this id exists but is left out until its files are fixed, so a learner hears that
    /// it is being updated rather than that it does not exist.
    /// </summary>
    bool IsLeftOut(string courseId) => false;
}
