using System.Text.Json.Nodes;
using MicroLearnBot.Learning.Courses;

namespace MicroLearnBot.Content;

/// <summary>
/// Renders the Adaptive Card a learner receives for one nugget, so the validator can check its size and
/// version and the preview can show it. The Bot Framework channel supplies the real implementation;
/// <see cref="BasicLessonCardRenderer"/> stands in where none is registered.
/// </summary>
public interface ILessonCardPreviewRenderer
{
    /// <summary>Renders <paramref name="nugget"/> of <paramref name="course"/> in <paramref name="language"/> as an AdaptiveCard object.</summary>
    JsonObject RenderLessonCard(Course course, Nugget nugget, string language);
}
