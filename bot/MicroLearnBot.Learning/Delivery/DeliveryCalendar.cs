namespace MicroLearnBot.Learning.Delivery;

/// <summary>Finds the next instant a learner's daily session is due.</summary>
public static class DeliveryCalendar
{
    /// <summary>
    /// Returns the first delivery time strictly after <paramref name="now"/> on a delivery day whose local date
    /// differs from <paramref name="lastSessionDate"/>, so a learner gets at most one daily session per date.
    /// </summary>
    /// <param name="anyDayToday">
    /// True lets today count even when it is not a working day: used right after a learner starts a course,
    /// because they asked for it now and "later today" is what they were told.
    /// </param>
    public static DateTimeOffset NextDelivery(
        DateTimeOffset now,
        DeliveryPreferences preferences,
        DateOnly? lastSessionDate,
        bool anyDayToday = false)
    {
        var today = LocalTimeRules.LocalDate(now, preferences.TimeZone);

        // A year covers every run of holidays and weekends; the loop ends long before.
        for (var offset = 0; offset <= 366; offset++)
        {
            var date = today.AddDays(offset);
            if (date == lastSessionDate)
            {
                continue;
            }

            var isAllowedDay = preferences.IncludeNonWorkingDays || WorkingDays.IsWorkingDay(date) || (anyDayToday && offset == 0);
            if (!isAllowedDay)
            {
                continue;
            }

            var candidate = LocalTimeRules.ToInstant(date, preferences.LocalTime, preferences.TimeZone);
            if (candidate > now)
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("No delivery day found within a year; the working-day rule is broken.");
    }
}
