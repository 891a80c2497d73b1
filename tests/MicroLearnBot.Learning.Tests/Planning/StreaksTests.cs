using MicroLearnBot.Learning.Planning;

namespace MicroLearnBot.Learning.Tests.Planning;

public sealed class StreaksTests
{
    // Monday 10 March 2025.
    private static readonly DateOnly Monday = new(2025, 3, 10);

    private static bool IsWeekday(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    [Fact]
    public void Count_OverWeekend_SkipsNonWorkingDays()
    {
        // Wednesday to Friday of the previous week, then Monday.
        var completed = Dates(-5, -4, -3, 0);

        Assert.Equal(4, Streaks.Count(completed, Monday, IsWeekday));
    }

    [Fact]
    public void Count_TodayNotYetDone_KeepsStreak()
    {
        var completed = Dates(-4, -3);

        Assert.Equal(2, Streaks.Count(completed, Monday, IsWeekday));
    }

    [Fact]
    public void Count_MissedWorkingDay_BreaksStreak()
    {
        // Thursday missed.
        var completed = Dates(-6, -5, -3, 0);

        Assert.Equal(2, Streaks.Count(completed, Monday, IsWeekday));
    }

    [Fact]
    public void Count_HolidayPredicate_SkipsHoliday()
    {
        var holiday = Monday.AddDays(-3);
        var completed = Dates(-4, 0);

        Assert.Equal(2, Streaks.Count(completed, Monday, date => IsWeekday(date) && date != holiday));
    }

    [Fact]
    public void Count_NoWorkingDays_ReturnsZero()
    {
        Assert.Equal(0, Streaks.Count(Dates(-1, 0), Monday, _ => false));
        Assert.Equal(0, Streaks.Count(new HashSet<DateOnly>(), Monday, IsWeekday));
    }

    private static HashSet<DateOnly> Dates(params int[] offsets) => [.. offsets.Select(Monday.AddDays)];
}
