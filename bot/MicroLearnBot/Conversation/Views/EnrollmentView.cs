namespace MicroLearnBot.Conversation.Views;

/// <summary>Confirmation of a started course: when the first nugget comes, and a button to get it right away.</summary>
public sealed record EnrollmentView(CourseSummary Course, DateTime FirstDeliveryLocal, bool WasAlreadyEnrolled) : ReplyView;
