using System.Text;

namespace MicroLearnBot.Tests.Content;

/// <summary>A content root in a fresh temporary folder, with helpers to write course files; deleted on dispose.</summary>
internal sealed class TempContentFolder : IDisposable
{
    public TempContentFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "microlearnbot-content-" + Guid.NewGuid().ToString("N"), "content");
        Directory.CreateDirectory(Path.Combine(Root, "courses"));
    }

    public string Root { get; }

    public string CoursesPath => Path.Combine(Root, "courses");

    public string CoursePath(string courseId = CourseTexts.CourseId) => Path.Combine(CoursesPath, courseId);

    /// <summary>Writes <paramref name="text"/> as UTF-8 to a path relative to the courses folder and returns the full path.</summary>
    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(CoursesPath, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    /// <summary>Writes a valid two-nugget course; tests then overwrite the file they break.</summary>
    public string WriteValidCourse(string courseId = CourseTexts.CourseId)
    {
        Write($"{courseId}/course.yaml", CourseTexts.CourseYaml);
        Write($"{courseId}/01-forsta-steget.md", CourseTexts.FirstNugget);
        Write($"{courseId}/02-andra-steget.md", CourseTexts.SecondNugget);
        return CoursePath(courseId);
    }

    /// <summary>Adds an English translation of the valid course.</summary>
    public void WriteEnglishTranslation(string courseId = CourseTexts.CourseId)
    {
        Write($"{courseId}/course.yaml", CourseTexts.CourseYaml + CourseTexts.EnglishTranslationBlock);
        Write($"{courseId}/en/01-forsta-steget.md", CourseTexts.FirstNuggetEnglish);
        Write($"{courseId}/en/02-andra-steget.md", CourseTexts.SecondNuggetEnglish);
    }

    public void Dispose()
    {
        var top = Path.GetDirectoryName(Root)!;
        if (Directory.Exists(top))
        {
            Directory.Delete(top, recursive: true);
        }
    }
}
