using System.Globalization;

namespace MicroLearnBot.Learning.Scheduling;

/// <summary>Parses learning-step texts such as <c>1m</c>, <c>10m</c>, <c>2h</c> or <c>1d</c> the way ts-fsrs 5.4.2 does.</summary>
public static class LearningSteps
{
    private const int MinutesPerHour = 60;
    private const int MinutesPerDay = 1440;

    /// <summary>
    /// Parses one step: a whole number followed by <c>m</c> (minutes), <c>h</c> (hours) or <c>d</c> (days).
    /// Like JavaScript <c>parseInt</c>, leading spaces are skipped and digits after a decimal point are dropped,
    /// so <c>1.5h</c> is one hour.
    /// </summary>
    /// <exception cref="FormatException">The number or the unit is missing or invalid.</exception>
    public static TimeSpan Parse(string step)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (step.Length < 2)
        {
            throw new FormatException($"Invalid learning step \"{step}\": expected a whole number and a unit m, h or d, for example 10m.");
        }

        var value = ParseLeadingInteger(step.AsSpan(0, step.Length - 1))
            ?? throw new FormatException($"Invalid learning step \"{step}\": the value must be a whole number from 0 to 999999999.");

        long minutes = step[^1] switch
        {
            'm' => value,
            'h' => value * MinutesPerHour,
            'd' => value * MinutesPerDay,
            _ => throw new FormatException($"Invalid learning step \"{step}\": the unit must be m, h or d."),
        };

        return TimeSpan.FromMinutes(minutes);
    }

    /// <summary>Parses every step in order.</summary>
    public static IReadOnlyList<TimeSpan> ParseAll(IEnumerable<string> steps) => [.. steps.Select(Parse)];

    // JavaScript parseInt(text, 10) restricted to what a step can hold: optional leading white space, an optional
    // sign, then digits up to the first non-digit. Returns null for no digits or a negative value.
    private static long? ParseLeadingInteger(ReadOnlySpan<char> text)
    {
        text = text.TrimStart();
        var negative = false;
        if (text.Length > 0 && (text[0] == '+' || text[0] == '-'))
        {
            negative = text[0] == '-';
            text = text[1..];
        }

        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        // Nine digits keep the value far from overflow; no useful step is longer than a few years.
        if (digits == 0 || digits > 9)
        {
            return null;
        }

        var value = long.Parse(text[..digits], NumberStyles.None, CultureInfo.InvariantCulture);
        return negative && value > 0 ? null : value;
    }
}
