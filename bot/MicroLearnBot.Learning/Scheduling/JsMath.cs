using System.Globalization;

namespace MicroLearnBot.Learning.Scheduling;

/// <summary>
/// JavaScript rounding as ts-fsrs 5.4.2 applies it, so intervals and 8-decimal values match the reference bit
/// for bit where the inputs do.
/// </summary>
internal static class JsMath
{
    /// <summary>
    /// Rounds like ECMAScript <c>Math.round</c>: to the nearest integer, with halves going toward positive
    /// infinity. <c>Math.Floor(x + 0.5)</c> is the usual shortcut, but the addition itself rounds for
    /// 0.49999999999999994 and for odd integers above 2^52, so the fractional part is compared instead.
    /// </summary>
    public static double Round(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return value;
        }

        var floor = Math.Floor(value);

        // value - floor is exact for doubles, so this comparison has no rounding error of its own.
        return value - floor >= 0.5 ? floor + 1 : floor;
    }

    /// <summary>Rounds to 8 decimals as ts-fsrs's <c>roundTo(x, 8)</c>: <c>Math.round(x * 1e8) / 1e8</c>.</summary>
    public static double Round8(double value) => Round(value * 1e8) / 1e8;

    /// <summary>
    /// Converts like JavaScript <c>+value.toFixed(8)</c>, which rounds the exact binary value to 8 decimals and
    /// parses the text back. .NET's "F8" format is exact for doubles since .NET Core 3.0. Both round an exact
    /// tie away from zero for the positive values used here; for negative ties JavaScript rounds up instead.
    /// </summary>
    public static double ToFixed8(double value) =>
        double.Parse(value.ToString("F8", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
