namespace MicroLearnBot.Conversation.Views;

/// <summary>Confirmation of a started course: when the first nugget comes, and a button to get it right away.</summary>
public sealed record EnrollmentView(CourseSummary Course, DateTime FirstDeliveryLocal, bool WasAlreadyEnrolled) : ReplyView
{
    /// <summary>The course that was active before and is now paused, because a learner takes one course at a time.</summary>
    public CourseSummary? PausedCourse { get; init; }
}
