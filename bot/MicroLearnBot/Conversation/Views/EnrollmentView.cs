namespace MicroLearnBot.Conversation.Views;

/// <summary>Confirms a started course, says when the first nugget comes and offers it right away.</summary>
public sealed record EnrollmentView(CourseSummary Course, DateTime FirstDeliveryLocal, bool WasAlreadyEnrolled) : ReplyView;
