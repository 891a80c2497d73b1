using MicroLearnBot.Learning.Scheduling;

namespace MicroLearnBot.Learning.Tests.Scheduling;

public sealed class LearningStepsTests
{
    [Theory]
    [InlineData("1m", 1)]
    [InlineData("10m", 10)]
    [InlineData("2h", 120)]
    [InlineData("1d", 1440)]
    [InlineData("0m", 0)]
    [InlineData("-0m", 0)]
    [InlineData("+5m", 5)]
    [InlineData(" 5m", 5)]
    [InlineData("1.5h", 60)]
    [InlineData("007m", 7)]
    [InlineData("0000000001m", 1)]
    [InlineData("00000000000000000000000000002h", 120)]
    public void Parse_ValidStep_ReturnsMinutes(string step, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), LearningSteps.Parse(step));
    }

    [Theory]
    [InlineData("10675199d", 10675199L * 1440)]
    [InlineData("256204778h", 256204778L * 60)]
    [InlineData("15372286728m", 15372286728L)]
    public void Parse_LongestStep_FitsTimeSpan(string step, long minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), LearningSteps.Parse(step));
    }

    [Theory]
    [InlineData("10675200d")]
    [InlineData("256204779h")]
    [InlineData("15372286729m")]
    [InlineData("999999999d")]
    [InlineData("99999999999999999999999m")]
    public void Parse_StepBeyondTimeSpan_ThrowsOverflow(string step)
    {
        var exception = Assert.Throws<OverflowException>(() => LearningSteps.Parse(step));

        Assert.Contains($"\"{step}\"", exception.Message);
        Assert.Contains("10675199d, 256204778h or 15372286728m", exception.Message);
    }

    [Theory]
    [InlineData("10")]
    [InlineData("10s")]
    [InlineData("m")]
    [InlineData("-5m")]
    [InlineData("xm")]
    [InlineData("")]
    public void Parse_InvalidStep_Throws(string step)
    {
        var exception = Assert.Throws<FormatException>(() => LearningSteps.Parse(step));

        Assert.Contains($"\"{step}\"", exception.Message);
    }

    [Fact]
    public void Parse_NegativeStep_StatesAllowedRange()
    {
        var exception = Assert.Throws<FormatException>(() => LearningSteps.Parse("-5m"));

        Assert.Contains("a whole number of 0 or more", exception.Message);
    }
}
