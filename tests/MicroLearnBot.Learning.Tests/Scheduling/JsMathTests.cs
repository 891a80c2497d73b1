using MicroLearnBot.Learning.Scheduling;

namespace MicroLearnBot.Learning.Tests.Scheduling;

public sealed class JsMathTests
{
    [Theory]
    [InlineData(2.5, 3)]
    [InlineData(3.5, 4)]
    [InlineData(-2.5, -2)]
    [InlineData(-2.6, -3)]
    [InlineData(0.49999999999999994, 0)]
    [InlineData(4503599627370497, 4503599627370497)]
    [InlineData(1.4999999999999998, 1)]
    public void Round_HalfCases_MatchJavaScript(double value, double expected)
    {
        Assert.Equal(expected, JsMath.Round(value));
    }

    [Theory]
    [InlineData(0.123456785, 0.12345679)]
    [InlineData(1.000000005, 1.00000001)]
    [InlineData(2.3065, 2.3065)]
    [InlineData(53.626904654, 53.62690465)]
    public void Round8_Values_MatchRoundTo(double value, double expected)
    {
        Assert.Equal(expected, JsMath.Round8(value));
    }

    [Fact]
    public void Round8_ExactTie_RoundsUpUnlikeMathRound()
    {
        // 0.123456785 * 1e8 is exactly 12345678.5 in binary, so the two rounding rules part ways here.
        Assert.Equal(12345678.5, 0.123456785 * 1e8);
        Assert.Equal(12345678, Math.Round(0.123456785 * 1e8));
        Assert.Equal(0.12345679, JsMath.Round8(0.123456785));
    }

    [Theory]
    [InlineData(0.001953125, 0.00195313)]
    [InlineData(5.1618 + 2 * 1.2298, 7.6214)]
    [InlineData(0.1 + 0.2, 0.3)]
    [InlineData(-0.001953125, -0.00195313)]
    [InlineData(123456.123456789, 123456.12345679)]
    [InlineData(0, 0)]
    public void ToFixed8_Values_MatchToFixed(double value, double expected)
    {
        Assert.Equal(expected, JsMath.ToFixed8(value));
    }
}
