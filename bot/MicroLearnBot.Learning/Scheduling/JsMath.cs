using System.Globalization;
using System.Numerics;

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
    /// Converts like JavaScript <c>+value.toFixed(8)</c>: the exact binary value is rounded to 8 decimals with
    /// ties away from zero, and the decimal text is read back as the nearest double. .NET's "F8" format breaks
    /// exact ties differently (0.001953125 gives 0.00195312, JavaScript 0.00195313), so the digits are computed here.
    /// </summary>
    public static double ToFixed8(double value)
    {
        if (!double.IsFinite(value) || Math.Abs(value) >= 1e21)
        {
            // toFixed falls back to ordinary number-to-text conversion here, which round-trips exactly.
            return value;
        }

        // |value| = mantissa * 2^exponent exactly; scale by 10^8 and round half up on the exact fraction.
        var bits = BitConverter.DoubleToInt64Bits(Math.Abs(value));
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }

        exponent -= 1075;
        var numerator = new BigInteger(mantissa) * BigInteger.Pow(10, 8);
        BigInteger scaled;
        if (exponent >= 0)
        {
            scaled = numerator << exponent;
        }
        else
        {
            var denominator = BigInteger.One << -exponent;
            scaled = (2 * numerator + denominator) / (2 * denominator);
        }

        var text = scaled.ToString(CultureInfo.InvariantCulture).PadLeft(9, '0');
        var sign = value < 0 ? "-" : "";
        var formatted = $"{sign}{text[..^8]}.{text[^8..]}";
        return double.Parse(formatted, CultureInfo.InvariantCulture);
    }
}
