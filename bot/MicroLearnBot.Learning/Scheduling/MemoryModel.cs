namespace MicroLearnBot.Learning.Scheduling;

/// <summary>
/// The FSRS-6 formulas for stability S, difficulty D and retrievability R, with the 8-decimal rounding and the
/// evaluation order of ts-fsrs 5.4.2 (<c>FSRSAlgorithm</c>), so results agree to the last bit in most cases.
/// </summary>
internal sealed class MemoryModel
{
    private const double MinStability = 0.001;
    private const double MaxStability = 36500;

    // ts-fsrs 5.4.2 puts this floor on the initial stability.
    private const double MinInitialStability = 0.1;

    private readonly FsrsParameters _w;
    private readonly bool _enableShortTerm;
    private readonly double _decay;
    private readonly double _factor;

    public MemoryModel(FsrsParameters parameters, double desiredRetention, bool enableShortTerm)
    {
        _w = parameters;
        _enableShortTerm = enableShortTerm;

        // F = 0.9^(-1/w20) - 1 makes R(S, S) = 0.9, and ts-fsrs rounds it to 8 decimals.
        _decay = -parameters[20];
        _factor = JsMath.Round8(Math.Exp(Math.Pow(_decay, -1) * Math.Log(0.9)) - 1);
        IntervalModifier = JsMath.Round8((Math.Pow(desiredRetention, 1 / _decay) - 1) / _factor);
    }

    /// <summary>Interval per day of stability at the desired retention; exactly 1 at retention 0.9.</summary>
    public double IntervalModifier { get; }

    /// <summary>Returns R(t, S) = (1 + F·t/S)^(−w20), rounded to 8 decimals.</summary>
    public double Retrievability(double elapsedDays, double stability) =>
        JsMath.Round8(Math.Pow(1 + _factor * elapsedDays / stability, _decay));

    /// <summary>Returns the interval in whole days, clamped to [1, <paramref name="maximumInterval"/>].</summary>
    public int NextInterval(double stability, int maximumInterval) =>
        (int)Math.Min(Math.Max(1, JsMath.Round(stability * IntervalModifier)), maximumInterval);

    /// <summary>
    /// Returns (D, S) after an answer. A new card takes the initial values; otherwise the same-day, lapse or
    /// recall formula applies, chosen as ts-fsrs's <c>next_state</c> chooses it.
    /// </summary>
    public (double Difficulty, double Stability) Next(
        bool isNew, double difficulty, double stability, int elapsedDays, Rating rating, double retrievability)
    {
        var g = (int)rating;
        if (isNew)
        {
            return (Math.Clamp(InitialDifficulty(g), 1, 10), Math.Max(_w[g - 1], MinInitialStability));
        }

        double nextStability;
        if (elapsedDays == 0 && _enableShortTerm)
        {
            nextStability = ShortTermStability(stability, g);
        }
        else if (rating == Rating.Again)
        {
            nextStability = LapseStability(difficulty, stability, retrievability);
        }
        else
        {
            nextStability = RecallStability(difficulty, stability, retrievability, g);
        }

        return (NextDifficulty(difficulty, g), nextStability);
    }

    // D0(G) = w4 - e^(w5·(G-1)) + 1, not clamped here because mean reversion targets the unclamped D0(Easy).
    private double InitialDifficulty(int g) => JsMath.Round8(_w[4] - Math.Exp((g - 1) * _w[5]) + 1);

    // Linear damping shrinks the step as D nears 10; then D is pulled toward D0(Easy) with weight w7.
    private double NextDifficulty(double d, int g)
    {
        var delta = -_w[6] * (g - 3);
        var damped = d + JsMath.Round8(delta * (10 - d) / 9);
        var reverted = JsMath.Round8(_w[7] * InitialDifficulty(4) + (1 - _w[7]) * damped);
        return Math.Clamp(reverted, 1, 10);
    }

    private double RecallStability(double d, double s, double r, int g)
    {
        var hardPenalty = g == (int)Rating.Hard ? _w[15] : 1;
        var easyBonus = g == (int)Rating.Easy ? _w[16] : 1;
        var growth = Math.Exp(_w[8]) * (11 - d) * Math.Pow(s, -_w[9]) * (Math.Exp((1 - r) * _w[10]) - 1) * hardPenalty * easyBonus;
        return JsMath.Round8(Math.Clamp(s * (1 + growth), MinStability, MaxStability));
    }

    // After a lapse S may not exceed S / e^(w17·w18) with short-term on, or S itself with it off.
    private double LapseStability(double d, double s, double r)
    {
        var forgotten = JsMath.Round8(Math.Clamp(
            _w[11] * Math.Pow(d, -_w[12]) * (Math.Pow(s + 1, _w[13]) - 1) * Math.Exp((1 - r) * _w[14]),
            MinStability,
            MaxStability));
        var shortTermProduct = _enableShortTerm ? _w[17] * _w[18] : 0;
        var ceiling = JsMath.Round8(s / Math.Exp(shortTermProduct));

        // ts-fsrs's clamp(x, lo, hi) is min(max(x, lo), hi), which yields hi even when lo > hi.
        return Math.Min(Math.Max(ceiling, MinStability), forgotten);
    }

    // Same-day review: SInc = e^(w17·(G − 3 + w18)) · S^(−w19). ts-fsrs 5.4.2 floors it at 1 for Hard, Good and
    // Easy, so only Again can lower stability on the same day.
    private double ShortTermStability(double s, int g)
    {
        var increase = Math.Pow(s, -_w[19]) * Math.Exp(_w[17] * (g - 3 + _w[18]));
        if (g >= (int)Rating.Hard)
        {
            increase = Math.Max(increase, 1);
        }

        return JsMath.Round8(Math.Clamp(s * increase, MinStability, MaxStability));
    }
}
