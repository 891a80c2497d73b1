using System.Text.Json.Nodes;
using MicroLearnBot.Learning.Courses;

namespace MicroLearnBot.Content;

/// <summary>
/// Renders the Adaptive Card a learner receives for one nugget, so the validator can check its size and
/// version and the preview can show it. <see cref="LessonCardPreviewRenderer"/> implements it with the Bot
/// Framework channel's card renderer; tests substitute their own.
/// </summary>
public interface ILessonCardPreviewRenderer
{
    /// <summary>Renders <paramref name="nugget"/> of <paramref name="course"/> in <paramref name="language"/> as an AdaptiveCard object.</summary>
    JsonObject RenderLessonCard(Course course, Nugget nugget, string language);
}
