namespace MicroLearnBot.Learning.Delivery;

/// <summary>
/// Converts a local date and time to UTC under one written rule for daylight saving transitions: a local time
/// that does not exist (spring forward) moves to the first valid minute after it, and an ambiguous one
/// (fall back) takes its first occurrence.
/// </summary>
public static class LocalTimeRules
{
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);

        // Gaps are at most a few hours in every IANA zone; stepping by minutes finds the first valid one.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        TimeSpan offset;
        if (zone.IsAmbiguousTime(local))
        {
            // The first occurrence is the one before clocks go back, which has the larger UTC offset.
            offset = zone.GetAmbiguousTimeOffsets(local).Max();
        }
        else
        {
            offset = zone.GetUtcOffset(local);
        }

        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    public static DateTime ToLocal(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).DateTime;

    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(ToLocal(instant, zone));
}
