using Microsoft.Extensions.Options;

namespace MicroLearnBot.Hosting;

/// <summary>Tells a start-up that stopped on wrong settings apart from one that failed for another reason.</summary>
public static class StartupSettingsProblems
{
    /// <summary>
    /// Returns the messages of every settings problem in <paramref name="exception"/>: an
    /// <see cref="InvalidSettingsException"/> or the failures of an <see cref="OptionsValidationException"/>, also
    /// when the host wraps several of them in an <see cref="AggregateException"/>. Returns an empty list when any
    /// part of the exception is something else, so a real fault still ends with its stack trace.
    /// </summary>
    public static IReadOnlyList<string> Describe(Exception exception)
    {
        var problems = new List<string>();
        return Collect(exception, problems) ? problems : [];
    }

    private static bool Collect(Exception exception, List<string> problems)
    {
        switch (exception)
        {
            case InvalidSettingsException invalidSettings:
                problems.Add(invalidSettings.Message);
                return true;
            case OptionsValidationException validation:
                problems.AddRange(validation.Failures);
                return true;
            case AggregateException aggregate:
                return aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(inner => Collect(inner, problems));
            default:
                return false;
        }
    }
}
