using MicroLearnBot.Learning.Scheduling;

namespace MicroLearnBot.Learning.Tests.Scheduling;

public sealed class FsrsParametersTests
{
    [Fact]
    public void Create_Null_ReturnsCurrentDefaults()
    {
        var parameters = FsrsParameters.Create(null, relearningStepCount: 1, enableShortTerm: true);

        Assert.Equal(21, parameters.Weights.Count);
        Assert.Equal(0.212, parameters[0]);
        Assert.Equal(0.1542, parameters[20]);
    }

    [Fact]
    public void Create_NineteenWeights_AppendsFsrs5Decay()
    {
        var parameters = FsrsParameters.Create([.. FsrsParameters.DefaultWeights.Take(19)], 1, enableShortTerm: true);

        // w19 = 0 is raised to the short-term lower bound 0.01; w20 is the fixed FSRS-5 decay.
        Assert.Equal(0.0912, parameters[18]);
        Assert.Equal(0.01, parameters[19]);
        Assert.Equal(0.5, parameters[20]);
    }

    [Fact]
    public void Create_NineteenWeightsLongTerm_KeepsZeroW19()
    {
        var parameters = FsrsParameters.Create([.. FsrsParameters.DefaultWeights.Take(19)], 1, enableShortTerm: false);

        Assert.Equal(0, parameters[19]);
    }

    [Fact]
    public void Create_SeventeenWeights_ConvertsDifficultyWeights()
    {
        double[] fsrs45 =
        [
            0.4872, 1.4003, 3.7145, 13.8206, 5.1618, 1.2298, 0.8975, 0.031, 1.6474, 0.1367,
            1.0461, 2.1072, 0.0793, 0.3246, 1.587, 0.2272, 2.8755,
        ];

        var parameters = FsrsParameters.Create(fsrs45, 1, enableShortTerm: true);

        // Values from ts-fsrs 5.4.2 for the same input.

        Assert.Equal(7.6214, parameters[4]);
        Assert.Equal(0.51510155, parameters[5]);
        Assert.Equal(1.3975, parameters[6]);
        Assert.Equal(0, parameters[17]);
        Assert.Equal(0, parameters[18]);
        Assert.Equal(0.01, parameters[19]);
        Assert.Equal(0.5, parameters[20]);
    }

    [Fact]
    public void Create_OutOfRange_ClipsToBounds()
    {
        var weights = FsrsParameters.DefaultWeights.ToArray();
        weights[0] = -1;
        weights[4] = 12;
        weights[20] = 0.05;

        var parameters = FsrsParameters.Create(weights, 1, enableShortTerm: true);

        Assert.Equal(0.001, parameters[0]);
        Assert.Equal(10, parameters[4]);
        Assert.Equal(0.1, parameters[20]);
    }

    [Fact]
    public void Create_ThreeRelearningSteps_LowersW17Ceiling()
    {
        var parameters = FsrsParameters.Create(null, relearningStepCount: 3, enableShortTerm: true);

        // ts-fsrs 5.4.2 gives 0.49027301 for the defaults with three relearning steps.
        Assert.Equal(0.49027301, parameters[17]);
        Assert.Equal(0.0912, parameters[18]);
    }

    [Theory]
    [InlineData(20)]
    [InlineData(18)]
    [InlineData(0)]
    public void Create_WrongCount_Throws(int count)
    {
        var exception = Assert.Throws<ArgumentException>(() => FsrsParameters.Create(new double[count], 1, true));

        Assert.Contains($"not {count}", exception.Message);
    }

    [Fact]
    public void Create_NaNWeight_Throws()
    {
        var weights = FsrsParameters.DefaultWeights.ToArray();
        weights[3] = double.NaN;

        var exception = Assert.Throws<ArgumentException>(() => FsrsParameters.Create(weights, 1, true));

        Assert.Contains("w3", exception.Message);
    }
}
