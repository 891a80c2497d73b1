using MicroLearnBot.Learning.Scheduling;

namespace MicroLearnBot.Learning.Tests.Scheduling.Reference;

/// <summary>
/// Draws FSRS parameter sets of 21, 19 or 17 numbers for the ts-fsrs comparison: known sets scaled by 0.5 to 1.5,
/// sets drawn inside the clipping bounds of ts-fsrs 5.4.2, and corner sets on those bounds.
/// </summary>
internal sealed class WeightSetGenerator(Random random)
{
    /// <summary>Which bound each weight of a corner set takes.</summary>
    public enum Corner
    {
        Lower,
        Upper,
        Mixed,
    }

    // A 17-number FSRS-4.5 parameter set, the baseline for 17-number sets so the conversion to 21 weights is exercised.
    private static readonly double[] Fsrs45Weights =
    [
        0.4872, 1.4003, 3.7145, 13.8206, 5.1618, 1.2298, 0.8975, 0.031, 1.6474, 0.1367,
        1.0461, 2.1072, 0.0793, 0.3246, 1.587, 0.2272, 2.8755,
    ];

    /// <summary>Returns null (the defaults) or a parameter set drawn in one of the ways this class offers.</summary>
    public double[]? Next(bool enableShortTerm)
    {
        var draw = random.NextDouble();
        if (draw < 0.3)
        {
            return null;
        }

        var count = NextCount();
        return draw switch
        {
            < 0.5 => Scaled(count),
            < 0.85 => InsideBounds(count, enableShortTerm),
            _ => OnBounds(count, enableShortTerm, (Corner)random.Next(3)),
        };
    }

    /// <summary>
    /// Returns the first <paramref name="count"/> weights of a corner of the ts-fsrs bounds: every weight at its lower
    /// bound, every weight at its upper bound, or each weight at one of the two drawn at random.
    /// </summary>
    public double[] OnBounds(int count, bool enableShortTerm, Corner corner)
    {
        var bounds = Bounds(enableShortTerm);
        var weights = new double[count];
        for (var i = 0; i < count; i++)
        {
            var upper = corner switch
            {
                Corner.Lower => false,
                Corner.Upper => true,
                _ => random.Next(2) == 0,
            };
            weights[i] = upper ? bounds[i].Upper : bounds[i].Lower;
        }

        return weights;
    }

    private int NextCount() => random.Next(10) switch
    {
        < 6 => 21,
        < 8 => 19,
        _ => 17,
    };

    private static double[] Baseline(int count) =>
        count == 17 ? Fsrs45Weights : [.. FsrsParameters.DefaultWeights.Take(count)];

    // Scaling by 0.5 to 1.5 pushes some weights past their bounds, so clipping is exercised too.
    private double[] Scaled(int count) =>
        [.. Baseline(count).Select(w => Math.Round(w * (0.5 + random.NextDouble()), 4))];

    // Half the weights are uniform over their whole range, half lie within 40% of the baseline, so sets range
    // from extreme to realistic. Rounding to 6 decimals keeps each value inside its bounds.
    private double[] InsideBounds(int count, bool enableShortTerm)
    {
        var bounds = Bounds(enableShortTerm);
        var baseline = Baseline(count);
        var weights = new double[count];
        for (var i = 0; i < count; i++)
        {
            var (lower, upper) = bounds[i];
            var value = random.Next(2) == 0
                ? lower + (upper - lower) * random.NextDouble()
                : baseline[i] * (0.6 + 0.8 * random.NextDouble());
            weights[i] = Math.Round(Math.Clamp(value, lower, upper), 6);
        }

        return weights;
    }

    // CLAMP_PARAMETERS of ts-fsrs 5.4.2 with the w17 and w18 ceiling of 2. ts-fsrs lowers that ceiling when there
    // is more than one relearning step, so a weight drawn here may still be clipped there, which is compared too.
    private static (double Lower, double Upper)[] Bounds(bool enableShortTerm) =>
    [
        (0.001, 100), (0.001, 100), (0.001, 100), (0.001, 100),
        (1, 10), (0.001, 4), (0.001, 4), (0.001, 0.75),
        (0, 4.5), (0, 0.8), (0.001, 3.5),
        (0.001, 5), (0.001, 0.25), (0.001, 0.9), (0, 4),
        (0, 1), (1, 6),
        (0, 2), (0, 2), (enableShortTerm ? 0.01 : 0, 0.8),
        (0.1, 0.8),
    ];
}
