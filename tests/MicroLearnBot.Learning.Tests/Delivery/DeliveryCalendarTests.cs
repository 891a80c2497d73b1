using MicroLearnBot.Learning.Delivery;

namespace MicroLearnBot.Learning.Tests.Delivery;

public sealed class DeliveryCalendarTests
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    private static DeliveryPreferences At(int hour, int minute, bool includeNonWorkingDays = false) =>
        new(new TimeOnly(hour, minute), Stockholm, includeNonWorkingDays);

    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute) =>
        LocalTimeRules.ToInstant(new DateOnly(year, month, day), new TimeOnly(hour, minute), Stockholm);

    [Fact]
    public void LaterTodayWhenTimeIsAhead()
    {
        var next = DeliveryCalendar.NextDelivery(Local(2026, 12, 4, 8, 0), At(8, 30), lastSessionDate: null);

        Assert.Equal(Local(2026, 12, 4, 8, 30), next);
    }

    [Fact]
    public void NextWorkingDayWhenTimeHasPassed()
    {
        // Friday after 08:30: the next is Monday.
        var next = DeliveryCalendar.NextDelivery(Local(2026, 12, 4, 9, 0), At(8, 30), lastSessionDate: null);

        Assert.Equal(Local(2026, 12, 7, 8, 30), next);
    }

    [Fact]
    public void SkipsDateOfLastSession()
    {
        var next = DeliveryCalendar.NextDelivery(Local(2026, 12, 3, 7, 0), At(8, 30), lastSessionDate: new DateOnly(2026, 12, 3));

        Assert.Equal(Local(2026, 12, 4, 8, 30), next);
    }

    [Theory]
    [InlineData(2026, 12, 24, 2026, 12, 28)]
    [InlineData(2027, 1, 5, 2027, 1, 7)]
    [InlineData(2026, 6, 18, 2026, 6, 22)]
    public void SkipsSwedishPublicHolidays(int year, int month, int day, int expectedYear, int expectedMonth, int expectedDay)
    {
        // 24 Dec (Christmas Eve), 25 and 26 Dec; 6 Jan (Epiphany); 19 June 2026 (Midsummer Eve).
        var next = DeliveryCalendar.NextDelivery(Local(year, month, day, 9, 0), At(8, 30), lastSessionDate: null);

        Assert.Equal(Local(expectedYear, expectedMonth, expectedDay, 8, 30), next);
    }

    [Fact]
    public void WeekendAllowedWhenOptedIn()
    {
        var next = DeliveryCalendar.NextDelivery(Local(2026, 12, 4, 9, 0), At(8, 30, includeNonWorkingDays: true), lastSessionDate: null);

        Assert.Equal(Local(2026, 12, 5, 8, 30), next);
    }

    [Fact]
    public void AnyDayTodayAllowsSaturdayOnlyForToday()
    {
        var saturdayMorning = Local(2026, 12, 5, 8, 0);

        var today = DeliveryCalendar.NextDelivery(saturdayMorning, At(8, 30), null, anyDayToday: true);
        var afterTime = DeliveryCalendar.NextDelivery(Local(2026, 12, 5, 9, 0), At(8, 30), null, anyDayToday: true);

        Assert.Equal(Local(2026, 12, 5, 8, 30), today);
        Assert.Equal(Local(2026, 12, 7, 8, 30), afterTime);
    }

    [Fact]
    public void SpringForwardGapMovesToFirstValidMinute()
    {
        // 29 March 2026: clocks in Stockholm jump from 02:00 to 03:00.
        var instant = LocalTimeRules.ToInstant(new DateOnly(2026, 3, 29), new TimeOnly(2, 30), Stockholm);

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), instant);
        Assert.Equal(new TimeOnly(3, 0), TimeOnly.FromDateTime(LocalTimeRules.ToLocal(instant, Stockholm)));
    }

    [Fact]
    public void FallBackAmbiguityTakesFirstOccurrence()
    {
        // 25 October 2026: 02:00–03:00 happens twice; the first is still summer time (UTC+2).
        var instant = LocalTimeRules.ToInstant(new DateOnly(2026, 10, 25), new TimeOnly(2, 30), Stockholm);

        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), instant);
    }

    [Fact]
    public void SummerAndWinterOffsetsFollowStockholm()
    {
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 6, 30, 0, TimeSpan.Zero), Local(2026, 7, 1, 8, 30));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 7, 30, 0, TimeSpan.Zero), Local(2026, 12, 1, 8, 30));
    }

    [Theory]
    [InlineData(2026, 12, 25, false)]
    [InlineData(2026, 12, 31, false)]
    [InlineData(2026, 6, 6, false)]
    [InlineData(2026, 4, 3, false)]
    [InlineData(2026, 12, 4, true)]
    [InlineData(2026, 12, 5, false)]
    public void WorkingDaysFollowSwedishCalendar(int year, int month, int day, bool expected)
    {
        Assert.Equal(expected, WorkingDays.IsWorkingDay(new DateOnly(year, month, day)));
    }
}
