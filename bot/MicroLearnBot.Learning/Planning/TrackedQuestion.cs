using MicroLearnBot.Learning.Scheduling;

namespace MicroLearnBot.Learning.Planning;

/// <summary>A question the learner has already met, with its memory state.</summary>
/// <param name="EstimatedTime">Expected time to answer the question as a review.</param>
public sealed record TrackedQuestion(string QuestionId, string NuggetId, string CourseId, FsrsCard Card, TimeSpan EstimatedTime);
