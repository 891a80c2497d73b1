namespace MicroLearnBot.Learning.Courses;

/// <summary>The courses that loaded without errors, as of now; reloads replace the snapshot atomically.</summary>
public interface ICourseCatalog
{
    IReadOnlyList<Course> Courses { get; }

    Course? Find(string courseId);
}
