namespace MicroLearnBot.Learning.Delivery;

/// <summary>When a learner wants their daily session.</summary>
/// <param name="LocalTime">Wall-clock time in <paramref name="TimeZone"/>; 08:30 unless the learner changed it.</param>
/// <param name="IncludeNonWorkingDays">True delivers on weekends and Swedish public holidays too.</param>
public sealed record DeliveryPreferences(TimeOnly LocalTime, TimeZoneInfo TimeZone, bool IncludeNonWorkingDays = false)
{
    public static TimeOnly DefaultTime { get; } = new(8, 30);

    public const string DefaultTimeZoneId = "Europe/Stockholm";
}
