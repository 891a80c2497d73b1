namespace MicroLearnBot.Learning.Planning;

/// <summary>A nugget the learner has not started, in the course's order.</summary>
/// <param name="EstimatedTime">Expected time to read the nugget and answer its questions.</param>
public sealed record NewNugget(string NuggetId, TimeSpan EstimatedTime, int QuestionCount);
