using System.Globalization;

namespace MicroLearnBot.Learning.Scheduling;

/// <summary>Parses learning-step texts such as <c>1m</c>, <c>10m</c>, <c>2h</c> or <c>1d</c> the way ts-fsrs 5.4.2 does.</summary>
public static class LearningSteps
{
    private const int MinutesPerHour = 60;
    private const int MinutesPerDay = 1440;

    // The whole minutes a TimeSpan can hold: 15372286728, about 29,000 years.
    private static readonly long MaxMinutes = TimeSpan.MaxValue.Ticks / TimeSpan.TicksPerMinute;

    /// <summary>
    /// Parses one step: a whole number followed by <c>m</c> (minutes), <c>h</c> (hours) or <c>d</c> (days).
    /// Like JavaScript <c>parseInt</c>, leading spaces and zeros are skipped and digits after a decimal point are
    /// dropped, so <c>007m</c> is seven minutes and <c>1.5h</c> is one hour.
    /// </summary>
    /// <exception cref="FormatException">The number or the unit is missing or invalid.</exception>
    /// <exception cref="OverflowException">
    /// The step is longer than <see cref="TimeSpan.MaxValue"/>: more than 10675199d, 256204778h or 15372286728m.
    /// </exception>
    public static TimeSpan Parse(string step)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (step.Length < 2)
        {
            throw new FormatException($"Invalid learning step \"{step}\": expected a whole number and a unit m, h or d, for example 10m.");
        }

        var value = ParseLeadingInteger(step.AsSpan(0, step.Length - 1))
            ?? throw new FormatException($"Invalid learning step \"{step}\": expected a whole number of 0 or more before the unit, for example 10m.");

        var minutesPerUnit = step[^1] switch
        {
            'm' => 1,
            'h' => MinutesPerHour,
            'd' => MinutesPerDay,
            _ => throw new FormatException($"Invalid learning step \"{step}\": the unit must be m, h or d."),
        };

        if (value > MaxMinutes / minutesPerUnit)
        {
            throw new OverflowException(string.Create(CultureInfo.InvariantCulture,
                $"Learning step \"{step}\" is too long: the maximum is {MaxMinutes / MinutesPerDay}d, {MaxMinutes / MinutesPerHour}h or {MaxMinutes}m (TimeSpan.MaxValue)."));
        }

        return TimeSpan.FromMinutes(value * minutesPerUnit);
    }

    /// <summary>Parses every step in order.</summary>
    public static IReadOnlyList<TimeSpan> ParseAll(IEnumerable<string> steps) => [.. steps.Select(Parse)];

    // JavaScript parseInt(text, 10) restricted to what a step can hold: optional leading white space, an optional
    // sign, then digits up to the first non-digit. Returns null for no digits or a negative value, and
    // long.MaxValue for a value of more than 18 significant digits, which the caller rejects as too long.
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

        if (digits == 0)
        {
            return null;
        }

        var significant = text[..digits].TrimStart('0');
        if (significant.IsEmpty)
        {
            // "0", "00" and "-0" are all zero, which parseInt accepts.
            return 0;
        }

        if (negative)
        {
            return null;
        }

        return significant.Length > 18 ? long.MaxValue : long.Parse(significant, NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
