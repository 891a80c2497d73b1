using PublicHoliday;

namespace MicroLearnBot.Learning.Delivery;

/// <summary>Monday to Friday, except Swedish public holidays (from the PublicHoliday package).</summary>
public static class WorkingDays
{
    private static readonly SwedenPublicHoliday SwedishHolidays = new();

    public static bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsSwedishPublicHoliday(date);

    public static bool IsSwedishPublicHoliday(DateOnly date) =>
        SwedishHolidays.IsPublicHoliday(date.ToDateTime(TimeOnly.MinValue));
}
