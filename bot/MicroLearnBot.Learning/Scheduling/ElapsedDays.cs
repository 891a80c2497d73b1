namespace MicroLearnBot.Learning.Scheduling;

/// <summary>Counts elapsed days as the difference of calendar dates, the rule ts-fsrs 5.4.2 applies in UTC.</summary>
public static class ElapsedDays
{
    /// <summary>
    /// Returns the number of calendar dates in <paramref name="zone"/> from <paramref name="from"/> to
    /// <paramref name="to"/>, or 0 when <paramref name="to"/> falls on an earlier date. So 23:50 to 00:10 the
    /// next day is 1, and 00:05 to 23:55 the same day is 0.
    /// </summary>
    public static int Between(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone)
    {
        var days = LocalDate(to, zone).DayNumber - LocalDate(from, zone).DayNumber;
        return Math.Max(days, 0);
    }

    /// <summary>Returns the calendar date of <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = zone == TimeZoneInfo.Utc ? instant.UtcDateTime : TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        return DateOnly.FromDateTime(local);
    }
}
