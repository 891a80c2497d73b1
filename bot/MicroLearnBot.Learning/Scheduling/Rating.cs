namespace MicroLearnBot.Learning.Scheduling;

/// <summary>The learner's answer to a review, with the numeric values FSRS uses as the grade G.</summary>
public enum Rating
{
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}
