namespace WasmBench.Interpreter.Runtime;

/// <summary>The numeric instructions whose WebAssembly semantics differ from a plain C# operator.</summary>
internal static class Numerics
{
    private static TrapException DivZero() => new("integer divide by zero");

    private static TrapException Overflow() => new("integer overflow");

    private static TrapException InvalidConversion() => new("invalid conversion to integer");

    public static int DivS32(int a, int b) =>
        b == 0 ? throw DivZero() : (a == int.MinValue && b == -1) ? throw Overflow() : a / b;

    public static uint DivU32(uint a, uint b) => b == 0 ? throw DivZero() : a / b;

    public static int RemS32(int a, int b) => b == 0 ? throw DivZero() : b == -1 ? 0 : a % b;

    public static uint RemU32(uint a, uint b) => b == 0 ? throw DivZero() : a % b;

    public static long DivS64(long a, long b) =>
        b == 0 ? throw DivZero() : (a == long.MinValue && b == -1) ? throw Overflow() : a / b;

    public static ulong DivU64(ulong a, ulong b) => b == 0 ? throw DivZero() : a / b;

    public static long RemS64(long a, long b) => b == 0 ? throw DivZero() : b == -1 ? 0 : a % b;

    public static ulong RemU64(ulong a, ulong b) => b == 0 ? throw DivZero() : a % b;

    /// <summary>wasm min: NaN if either is NaN (quieted), and -0 below +0.</summary>
    public static float Min(float a, float b)
    {
        if (float.IsNaN(a) || float.IsNaN(b))
        {
            return a + b;
        }

        if (a == b)
        {
            return BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(a) | BitConverter.SingleToInt32Bits(b));
        }

        return a < b ? a : b;
    }

    public static float Max(float a, float b)
    {
        if (float.IsNaN(a) || float.IsNaN(b))
        {
            return a + b;
        }

        if (a == b)
        {
            return BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(a) & BitConverter.SingleToInt32Bits(b));
        }

        return a > b ? a : b;
    }

    public static double Min(double a, double b)
    {
        if (double.IsNaN(a) || double.IsNaN(b))
        {
            return a + b;
        }

        if (a == b)
        {
            return BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(a) | BitConverter.DoubleToInt64Bits(b));
        }

        return a < b ? a : b;
    }

    public static double Max(double a, double b)
    {
        if (double.IsNaN(a) || double.IsNaN(b))
        {
            return a + b;
        }

        if (a == b)
        {
            return BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(a) & BitConverter.DoubleToInt64Bits(b));
        }

        return a > b ? a : b;
    }

    public static int I32TruncF32S(float x) =>
        float.IsNaN(x) ? throw InvalidConversion() : (x >= 2147483648f || x < -2147483648f) ? throw Overflow() : (int)x;

    public static uint I32TruncF32U(float x) =>
        float.IsNaN(x) ? throw InvalidConversion() : (x >= 4294967296f || x <= -1f) ? throw Overflow() : (uint)x;

    public static int I32TruncF64S(double x) =>
        double.IsNaN(x) ? throw InvalidConversion() : (x >= 2147483648.0 || x <= -2147483649.0) ? throw Overflow() : (int)x;

    public static uint I32TruncF64U(double x) =>
        double.IsNaN(x) ? throw InvalidConversion() : (x >= 4294967296.0 || x <= -1.0) ? throw Overflow() : (uint)x;

    public static long I64TruncF32S(float x) =>
        float.IsNaN(x) ? throw InvalidConversion() : (x >= 9223372036854775808f || x < -9223372036854775808f) ? throw Overflow() : (long)x;

    public static ulong I64TruncF32U(float x) =>
        float.IsNaN(x) ? throw InvalidConversion() : (x >= 18446744073709551616f || x <= -1f) ? throw Overflow() : (ulong)x;

    public static long I64TruncF64S(double x) =>
        double.IsNaN(x) ? throw InvalidConversion() : (x >= 9223372036854775808.0 || x < -9223372036854775808.0) ? throw Overflow() : (long)x;

    public static ulong I64TruncF64U(double x) =>
        double.IsNaN(x) ? throw InvalidConversion() : (x >= 18446744073709551616.0 || x <= -1.0) ? throw Overflow() : (ulong)x;

    /// <summary>u64 -> f32 with one rounding (round to nearest, ties to even).</summary>
    public static float U64ToF32(ulong v)
    {
        if ((long)v >= 0)
        {
            return (long)v;
        }

        // Halve with a sticky bit so the final rounding is still correct.
        var half = (v >> 1) | (v & 1);
        return (float)(long)half * 2f;
    }

    public static double U64ToF64(ulong v)
    {
        if ((long)v >= 0)
        {
            return (long)v;
        }

        var half = (v >> 1) | (v & 1);
        return (double)(long)half * 2.0;
    }
}
