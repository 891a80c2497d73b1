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
    [InlineData(" 5m", 5)]
    [InlineData("1.5h", 60)]
    public void Parse_ValidStep_ReturnsMinutes(string step, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), LearningSteps.Parse(step));
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
}
