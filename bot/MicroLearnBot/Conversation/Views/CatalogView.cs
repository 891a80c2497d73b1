namespace MicroLearnBot.Conversation.Views;

/// <summary>All courses that can be started, each with a start button.</summary>
public sealed record CatalogView(IReadOnlyList<CourseSummary> Courses) : ReplyView
{
    /// <summary>Courses left out because they exist only in another language.</summary>
    public int OtherLanguageCourseCount { get; init; }
}
