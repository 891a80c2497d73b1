using MicroLearnBot.Learning.Courses;

namespace MicroLearnBot.Tests.Support;

/// <summary>A small course built in code, so conversation tests do not depend on the sample content.</summary>
public static class TestCourses
{
    public const string CourseId = "testkurs";

    public static Course Create(int nuggetCount = 3, bool withEnglish = true)
    {
        var swedish = Enumerable.Range(1, nuggetCount).Select(i => Nugget(i, "sv")).ToList();
        var course = new Course
        {
            Id = CourseId,
            Language = "sv",
            Original = new CourseVersion { Language = "sv", Title = "Testkurs", Description = "En kurs för tester.", Nuggets = swedish },
            EstimatedMinutes = nuggetCount * 5,
        };

        if (!withEnglish)
        {
            return course;
        }

        var english = Enumerable.Range(1, nuggetCount).Select(i => Nugget(i, "en")).ToList();
        return course with
        {
            Translations = new Dictionary<string, CourseVersion>
            {
                ["en"] = new() { Language = "en", Title = "Test course", Description = "A course for tests.", Nuggets = english },
            },
        };
    }

    private static Nugget Nugget(int number, string language)
    {
        var id = $"del-{number}";
        var isSwedish = language == "sv";
        return new Nugget
        {
            Id = id,
            Title = isSwedish ? $"Lektion {number}" : $"Lesson {number}",
            EstimatedMinutes = 5,
            Body = isSwedish ? $"Det här är **lektion {number}**.\n\n- punkt ett\n- punkt två" : $"This is **lesson {number}**.\n\n- point one\n- point two",
            Reflection = new ReflectionQuestion($"{id}:reflection", isSwedish ? "Vad tar du med dig?" : "What do you take with you?"),
            Checks =
            [
                new CheckQuestion
                {
                    Id = $"{id}:q1",
                    Prompt = isSwedish ? "Vilket svar är rätt?" : "Which answer is right?",
                    Choices = [new("a", isSwedish ? "Det här" : "This one", true), new("b", isSwedish ? "Det där" : "That one", false)],
                    Explanation = isSwedish ? "Det här är rätt eftersom det står så." : "This one is right because it says so.",
                },
            ],
        };
    }
}

public sealed class StaticCourseCatalog(params Course[] courses) : ICourseCatalog
{
    public IReadOnlyList<Course> Courses { get; } = courses;

    public Course? Find(string courseId) => Courses.FirstOrDefault(c => c.Id == courseId);
}

/// <summary>
/// A catalog whose courses a test can swap, as a content reload would. A course that a swap removes counts as left
/// out, as one whose files broke.
/// </summary>
public sealed class SwappableCourseCatalog(params Course[] courses) : ICourseCatalog
{
    private volatile IReadOnlyList<Course> _courses = courses;
    private volatile IReadOnlySet<string> _leftOut = new HashSet<string>();

    public IReadOnlyList<Course> Courses => _courses;

    public Course? Find(string courseId) => _courses.FirstOrDefault(c => c.Id == courseId);

    public bool IsLeftOut(string courseId) => _leftOut.Contains(courseId);

    public void Replace(params Course[] courses)
    {
        _leftOut = _courses.Select(c => c.Id).Concat(_leftOut).Except(courses.Select(c => c.Id)).ToHashSet();
        _courses = courses;
    }
}
