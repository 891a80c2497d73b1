namespace MicroLearnBot.Conversation.Views;

/// <summary>A course as the catalog and the welcome card list it, in the language it will be shown in.</summary>
public sealed record CourseSummary(
    [property: Identifier] string Id,
    [property: CourseContent] string Title,
    [property: CourseContent] string Description,
    [property: Identifier] string ContentLanguage,
    int NuggetCount,
    int EstimatedMinutes,
    bool IsEnrolled);
