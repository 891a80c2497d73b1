namespace MicroLearnBot.Learning.Planning;

/// <summary>
/// When a reflection question comes back. Reflections have no right answer to rate, so FSRS does not apply.
/// They return on a fixed, widening spacing and the learner sees what they wrote last time.
/// </summary>
public static class ReflectionSpacing
{
    /// <summary>Days after the first, second, third and fourth answer until the question returns.</summary>
    public static IReadOnlyList<int> IntervalDays { get; } = [3, 10, 30, 90];

    /// <summary>Returns the wait after the <paramref name="answerCount"/>-th answer, or null when the reflection is done.</summary>
    public static TimeSpan? After(int answerCount) =>
        answerCount >= 1 && answerCount <= IntervalDays.Count ? TimeSpan.FromDays(IntervalDays[answerCount - 1]) : null;
}
