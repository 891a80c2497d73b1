namespace MicroLearnBot.Storage;

/// <summary>Bounds on what a learner may submit.</summary>
public static class AnswerLimits
{
    /// <summary>Longest reflection kept, in UTF-16 code units; longer text is rejected, never cut.</summary>
    public const int MaxReflectionLength = 4000;
}
