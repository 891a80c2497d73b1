namespace MicroLearnBot.Learning.Planning;

/// <summary>Counts a learner's streak of working days with a completed session.</summary>
public static class Streaks
{
    /// <summary>
    /// Returns the number of consecutive working days, ending at <paramref name="today"/>, on which the learner
    /// completed a session. Days that are not working days neither count nor break the streak. If today is a
    /// working day without a completed session yet, the count starts at the previous working day, because the
    /// learner can still complete today's session.
    /// </summary>
    /// <param name="completedDates">Local dates on which the learner completed a session.</param>
    /// <param name="isWorkingDay">True for dates the learner receives sessions on (for example weekdays that are not public holidays).</param>
    public static int Count(IReadOnlySet<DateOnly> completedDates, DateOnly today, Func<DateOnly, bool> isWorkingDay)
    {
        ArgumentNullException.ThrowIfNull(completedDates);
        ArgumentNullException.ThrowIfNull(isWorkingDay);
        if (completedDates.Count == 0)
        {
            return 0;
        }

        // No streak can reach back before the first completed session, which bounds the loop even when the
        // predicate has no working days at all.
        var earliest = completedDates.Min();
        var streak = 0;
        var date = today;

        if (isWorkingDay(date) && !completedDates.Contains(date))
        {
            date = date.AddDays(-1);
        }

        for (; date >= earliest; date = date.AddDays(-1))
        {
            if (!isWorkingDay(date))
            {
                continue;
            }

            if (!completedDates.Contains(date))
            {
                break;
            }

            streak++;
        }

        return streak;
    }
}
