using MicroLearnBot.Learning.Scheduling;

namespace MicroLearnBot.Learning.Tests.Scheduling;

public sealed class ElapsedDaysTests
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    [Fact]
    public void Between_AcrossUtcMidnight_CountsOneDay()
    {
        var from = new DateTimeOffset(2024, 3, 1, 23, 50, 0, TimeSpan.Zero);

        Assert.Equal(1, ElapsedDays.Between(from, from.AddMinutes(20), TimeZoneInfo.Utc));
    }

    [Fact]
    public void Between_SameUtcDate_CountsZero()
    {
        var from = new DateTimeOffset(2024, 3, 1, 0, 5, 0, TimeSpan.Zero);

        Assert.Equal(0, ElapsedDays.Between(from, from.AddHours(23).AddMinutes(50), TimeZoneInfo.Utc));
    }

    [Fact]
    public void Between_EarlierDate_ClampsToZero()
    {
        var from = new DateTimeOffset(2024, 3, 5, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal(0, ElapsedDays.Between(from, from.AddDays(-3), TimeZoneInfo.Utc));
    }

    [Fact]
    public void Between_LocalZone_UsesLocalMidnight()
    {
        // 22:30Z and 23:30Z on 1 March are 23:30 and 00:30 in Stockholm (UTC+1 in winter).
        var from = new DateTimeOffset(2024, 3, 1, 22, 30, 0, TimeSpan.Zero);
        var to = from.AddHours(1);

        Assert.Equal(1, ElapsedDays.Between(from, to, Stockholm));
        Assert.Equal(0, ElapsedDays.Between(from, to, TimeZoneInfo.Utc));
    }

    [Fact]
    public void Between_OverDaylightSavingChange_CountsCalendarDates()
    {
        // Summer time starts in Sweden on 31 March 2024; 24 hours later is still the next calendar date.
        var from = new DateTimeOffset(2024, 3, 30, 12, 0, 0, TimeSpan.FromHours(1));

        Assert.Equal(1, ElapsedDays.Between(from, from.AddHours(23), Stockholm));
        Assert.Equal(2, ElapsedDays.Between(from, from.AddHours(36), Stockholm));
    }
}
