using System.Text.Json.Nodes;
using MicroLearnBot.Channels.BotFramework.Cards;
using MicroLearnBot.Conversation.Texts;
using MicroLearnBot.Conversation.Views;
using MicroLearnBot.Learning.Courses;
using MicroLearnBot.Storage;

namespace MicroLearnBot.Content;

/// <summary>
/// Renders a nugget with the Bot Framework channel's <see cref="AdaptiveCardRenderer"/>, as the lesson card a
/// learner receives. For the size check, <see cref="ForSizeCheck"/> renders the largest form of that card: a
/// review that also shows the learner's previous reflection at its maximum length.
/// </summary>
public sealed class LessonCardPreviewRenderer(AdaptiveCardRenderer renderer, bool withLongestPreviousReflection) : ILessonCardPreviewRenderer
{
    /// <summary>Renders the first delivery of each nugget, as the preview shows it.</summary>
    public static LessonCardPreviewRenderer ForPreview() => new(new AdaptiveCardRenderer(TextCatalog.Default), withLongestPreviousReflection: false);

    /// <summary>Renders each nugget with the longest previous reflection a learner can have written.</summary>
    public static LessonCardPreviewRenderer ForSizeCheck() => new(new AdaptiveCardRenderer(TextCatalog.Default), withLongestPreviousReflection: true);

    public JsonObject RenderLessonCard(Course course, Nugget nugget, string language)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(nugget);

        var version = course.VersionFor(language);
        var position = course.Nuggets.ToList().FindIndex(n => n.Id == nugget.Id) + 1;
        var view = new LessonView(course.Id, version.Title, nugget, Guid.Empty, Math.Max(position, 1), course.Nuggets.Count)
        {
            Language = version.Language,
            PreviousReflections = withLongestPreviousReflection
                ? [new PreviousReflection(new string('x', AnswerLimits.MaxReflectionLength), new DateTime(2026, 1, 1, 8, 0, 0, DateTimeKind.Unspecified))]
                : [],
        };

        return renderer.Render(view).ToJson();
    }
}
