using System.Globalization;
using System.Numerics;

namespace WasmBench.Runners.Wast;

/// <summary>
/// Number literals of the text format, bit-exact: integers (sign, hex, underscores) and IEEE
/// floats (decimal and hex with round-to-nearest-even, <c>inf</c>, <c>nan</c>, <c>nan:0x...</c>).
/// Returns false on a malformed literal.
/// </summary>
public static class WastLiterals
{
    public static bool TryParseInt(string text, int bits, out ulong value)
    {
        value = 0;
        if (!TrySplitSign(Strip(text), out var negative, out var body) || body.Length == 0)
        {
            return false;
        }

        var isHex = body.StartsWith("0x", StringComparison.Ordinal);
        var digits = isHex ? body[2..] : body;
        if (digits.Length == 0)
        {
            return false;
        }

        BigInteger magnitude;
        if (isHex)
        {
            if (!BigInteger.TryParse("0" + digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out magnitude))
            {
                return false;
            }
        }
        else if (!digits.All(char.IsAsciiDigit) || !BigInteger.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out magnitude))
        {
            return false;
        }

        var limit = BigInteger.One << bits;
        if (negative ? magnitude > limit >> 1 : magnitude >= limit)
        {
            return false;
        }

        var result = negative ? limit - magnitude : magnitude;
        value = (ulong)(result & (limit - 1));
        return true;
    }

    public static bool TryParseF32(string text, out uint bits)
    {
        var ok = TryParseFloat(text, 23, 8, out var raw);
        bits = (uint)raw;
        return ok;
    }

    public static bool TryParseF64(string text, out ulong bits) => TryParseFloat(text, 52, 11, out bits);

    private static bool TryParseFloat(string text, int mantBits, int expBits, out ulong bits)
    {
        bits = 0;
        if (!TrySplitSign(Strip(text), out var negative, out var body) || body.Length == 0)
        {
            return false;
        }

        var signBit = negative ? 1UL << (mantBits + expBits) : 0;
        var expAllOnes = ((1UL << expBits) - 1) << mantBits;
        if (body == "inf")
        {
            bits = signBit | expAllOnes;
            return true;
        }

        if (body == "nan")
        {
            bits = signBit | expAllOnes | (1UL << (mantBits - 1));
            return true;
        }

        if (body.StartsWith("nan:0x", StringComparison.Ordinal))
        {
            if (!ulong.TryParse(body.AsSpan(6), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var payload)
                || payload == 0 || payload >= 1UL << mantBits)
            {
                return false;
            }

            bits = signBit | expAllOnes | payload;
            return true;
        }

        if (body.StartsWith("0x", StringComparison.Ordinal))
        {
            if (!TryParseHexFloat(body[2..], out var mantissa, out var exponent))
            {
                return false;
            }

            bits = signBit | Round(mantissa, exponent, mantBits, expBits);
            return true;
        }

        if (!IsDecimalFloat(body))
        {
            return false;
        }

        // .NET parses decimal floats with correct IEEE rounding (and to infinity on overflow).
        bits = mantBits == 23
            ? BitConverter.SingleToUInt32Bits(float.Parse(body, NumberStyles.Float, CultureInfo.InvariantCulture))
            : BitConverter.DoubleToUInt64Bits(double.Parse(body, NumberStyles.Float, CultureInfo.InvariantCulture));
        bits |= signBit;
        return true;
    }

    private static bool IsDecimalFloat(string body)
    {
        var i = 0;
        var digits = 0;
        while (i < body.Length && char.IsAsciiDigit(body[i]))
        {
            i++;
            digits++;
        }

        if (digits == 0)
        {
            return false;
        }

        if (i < body.Length && body[i] == '.')
        {
            i++;
            while (i < body.Length && char.IsAsciiDigit(body[i]))
            {
                i++;
            }
        }

        if (i < body.Length && body[i] is 'e' or 'E')
        {
            i++;
            if (i < body.Length && body[i] is '+' or '-')
            {
                i++;
            }

            var expDigits = 0;
            while (i < body.Length && char.IsAsciiDigit(body[i]))
            {
                i++;
                expDigits++;
            }

            if (expDigits == 0)
            {
                return false;
            }
        }

        return i == body.Length;
    }

    private static bool TryParseHexFloat(string body, out BigInteger mantissa, out long exponent)
    {
        mantissa = BigInteger.Zero;
        exponent = 0;
        var i = 0;
        var digits = 0;
        for (; i < body.Length && Uri.IsHexDigit(body[i]); i++, digits++)
        {
            mantissa = (mantissa << 4) | Uri.FromHex(body[i]);
        }

        if (digits == 0)
        {
            return false;
        }

        if (i < body.Length && body[i] == '.')
        {
            for (i++; i < body.Length && Uri.IsHexDigit(body[i]); i++)
            {
                mantissa = (mantissa << 4) | Uri.FromHex(body[i]);
                exponent -= 4;
            }
        }

        if (i < body.Length && body[i] is 'p' or 'P')
        {
            i++;
            var expStart = i;
            if (i < body.Length && body[i] is '+' or '-')
            {
                i++;
            }

            var digitStart = i;
            while (i < body.Length && char.IsAsciiDigit(body[i]))
            {
                i++;
            }

            if (i == digitStart || !long.TryParse(body.AsSpan(expStart, i - expStart), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var e)
                || Math.Abs(e) > 1_000_000)
            {
                return false;
            }

            exponent += e;
        }

        return i == body.Length;
    }

    /// <summary>Rounds mantissa * 2^exponent to the nearest IEEE value (ties to even); returns the unsigned bits.</summary>
    internal static ulong Round(BigInteger mantissa, long exponent, int mantBits, int expBits)
    {
        if (mantissa.IsZero)
        {
            return 0;
        }

        var bias = (1L << (expBits - 1)) - 1;
        var length = (long)mantissa.GetBitLength();
        var lead = length - 1 + exponent;
        var minExponent = 1 - bias;
        var subnormal = lead < minExponent;
        var shift = subnormal ? minExponent - mantBits - exponent : length - (mantBits + 1);
        var q = RoundShift(mantissa, shift);
        var infinity = ((1UL << expBits) - 1) << mantBits;
        if (subnormal)
        {
            // q < 2^mantBits, or exactly 2^mantBits after a carry: the smallest normal, encoded the same way.
            return (ulong)q;
        }

        if (q == BigInteger.One << (mantBits + 1))
        {
            q >>= 1;
            lead++;
        }

        var biased = lead + bias;
        if (biased >= (1L << expBits) - 1)
        {
            return infinity;
        }

        return ((ulong)biased << mantBits) | (ulong)(q - (BigInteger.One << mantBits));
    }

    private static BigInteger RoundShift(BigInteger m, long shift)
    {
        if (shift <= 0)
        {
            return m << (int)-shift;
        }

        if (shift > m.GetBitLength() + 1)
        {
            return BigInteger.Zero;
        }

        var q = m >> (int)shift;
        var rem = m - (q << (int)shift);
        var half = BigInteger.One << (int)(shift - 1);
        if (rem > half || (rem == half && !q.IsEven))
        {
            q += 1;
        }

        return q;
    }

    private static string Strip(string text) => text.Contains('_') ? text.Replace("_", "", StringComparison.Ordinal) : text;

    private static bool TrySplitSign(string text, out bool negative, out string body)
    {
        negative = text.StartsWith('-');
        body = text.Length > 0 && text[0] is '+' or '-' ? text[1..] : text;
        return true;
    }
}
