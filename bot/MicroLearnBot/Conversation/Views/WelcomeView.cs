namespace MicroLearnBot.Conversation.Views;

/// <summary>The first card after installation: what the bot does, the delivery time and the courses to pick from.</summary>
public sealed record WelcomeView(TimeOnly DeliveryTime, IReadOnlyList<CourseSummary> Courses) : ReplyView
{
    /// <summary>Courses left out because they exist only in another language.</summary>
    public int OtherLanguageCourseCount { get; init; }
}
