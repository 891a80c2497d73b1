namespace MicroLearnBot.Learning.Scheduling;

/// <summary>
/// The 21 FSRS-6 weights w0..w20 after conversion from older parameter sets and clipping, as ts-fsrs 5.4.2
/// prepares them in <c>migrateParameters</c> and <c>clipParameters</c>.
/// </summary>
public sealed class FsrsParameters
{
    /// <summary>Number of weights in an FSRS-6 parameter set.</summary>
    public const int Count = 21;

    // Forgetting-curve decay that FSRS-4.5 and FSRS-5 fixed at 0.5; w20 takes this value when an older set is converted.
    private const double Fsrs5Decay = 0.5;

    // Upper bound of w17 and w18 before the relearning-step rule below lowers it.
    private const double ShortTermWeightCeiling = 2;

    /// <summary>
    /// FSRS-6 defaults of ts-fsrs 5.4.2 (<c>default_w</c>). The superseded first FSRS-6 set ended in 0.1437, 0.2
    /// and must not be used.
    /// </summary>
    public static IReadOnlyList<double> DefaultWeights { get; } =
    [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ];

    private readonly double[] _weights;

    private FsrsParameters(double[] weights) => _weights = weights;

    /// <summary>The effective weights, always 21 of them.</summary>
    public IReadOnlyList<double> Weights => _weights;

    /// <summary>Weight wi by index, for the formulas.</summary>
    public double this[int index] => _weights[index];

    /// <summary>
    /// Builds the effective weights from a 21-, 19- or 17-number set, or the defaults when
    /// <paramref name="weights"/> is null. Out-of-range values are clipped silently, as ts-fsrs does.
    /// </summary>
    /// <exception cref="ArgumentException">A weight is NaN or infinite, or the count is not 17, 19 or 21.</exception>
    public static FsrsParameters Create(IReadOnlyList<double>? weights, int relearningStepCount, bool enableShortTerm)
    {
        // The defaults are clipped too, because more than one relearning step can lower the ceiling of w17 and w18.
        weights ??= DefaultWeights;

        for (var i = 0; i < weights.Count; i++)
        {
            if (!double.IsFinite(weights[i]))
            {
                throw new ArgumentException($"Weight w{i} is {weights[i]}; every FSRS weight must be a finite number.", nameof(weights));
            }
        }

        var migrated = weights.Count switch
        {
            21 => Clip([.. weights], relearningStepCount, enableShortTerm),
            19 => [.. Clip([.. weights], relearningStepCount, enableShortTerm), 0, Fsrs5Decay],
            17 => ConvertFsrs45(Clip([.. weights], relearningStepCount, enableShortTerm)),
            _ => throw new ArgumentException(
                $"An FSRS parameter set has 21 weights (FSRS-6), 19 (FSRS-5) or 17 (FSRS-4.5), not {weights.Count}.",
                nameof(weights)),
        };

        // ts-fsrs clips a second time after conversion, so the appended zeros meet the lower bound of w19.
        return new FsrsParameters(Clip(migrated, relearningStepCount, enableShortTerm));
    }

    // Converts FSRS-4.5 weights as ts-fsrs 5.4.2 does. FSRS-6 initial difficulty is exponential in the grade where
    // FSRS-4.5's was linear, so w4..w6 are refitted. The same-day weights w17..w19 start at zero, and the decay is 0.5.
    private static double[] ConvertFsrs45(double[] w)
    {
        w[4] = JsMath.ToFixed8(w[5] * 2 + w[4]);
        w[5] = JsMath.ToFixed8(Math.Log(w[5] * 3 + 1) / 3);
        w[6] = JsMath.ToFixed8(w[6] + 0.5);
        return [.. w, 0, 0, 0, Fsrs5Decay];
    }

    // Clamps each weight to its range. With more than one relearning step, ts-fsrs lowers the ceiling of w17 and
    // w18 to sqrt(-(ln w11 + ln(2^w13 - 1) + 0.3 * w14) / steps), rounded to 8 decimals and kept in [0.01, 2].
    private static double[] Clip(double[] w, int relearningStepCount, bool enableShortTerm)
    {
        var bounds = Bounds(enableShortTerm);
        if (relearningStepCount > 1)
        {
            var w11 = Math.Clamp(w[11], bounds[11].Min, bounds[11].Max);
            var w13 = Math.Clamp(w[13], bounds[13].Min, bounds[13].Max);
            var w14 = Math.Clamp(w[14], bounds[14].Min, bounds[14].Max);
            var value = -(Math.Log(w11) + Math.Log(Math.Pow(2, w13) - 1) + w14 * 0.3) / relearningStepCount;
            var ceiling = Math.Clamp(JsMath.Round8(Math.Sqrt(Math.Max(value, 0))), 0.01, ShortTermWeightCeiling);
            bounds[17] = (bounds[17].Min, ceiling);
            bounds[18] = (bounds[18].Min, ceiling);
        }

        var clipped = new double[w.Length];
        for (var i = 0; i < w.Length; i++)
        {
            clipped[i] = Math.Min(Math.Max(w[i], bounds[i].Min), bounds[i].Max);
        }

        return clipped;
    }

    // Allowed ranges from ts-fsrs 5.4.2 CLAMP_PARAMETERS. w19 may be 0 only for the long-term scheduler.
    private static (double Min, double Max)[] Bounds(bool enableShortTerm) =>
    [
        (0.001, 100), (0.001, 100), (0.001, 100), (0.001, 100),
        (1, 10), (0.001, 4), (0.001, 4), (0.001, 0.75),
        (0, 4.5), (0, 0.8), (0.001, 3.5),
        (0.001, 5), (0.001, 0.25), (0.001, 0.9), (0, 4),
        (0, 1), (1, 6),
        (0, ShortTermWeightCeiling), (0, ShortTermWeightCeiling), (enableShortTerm ? 0.01 : 0, 0.8),
        (0.1, 0.8),
    ];
}
