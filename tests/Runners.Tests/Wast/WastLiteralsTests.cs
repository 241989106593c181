using WasmBench.Runners.Wast;

namespace WasmBench.Runners.Tests.Wast;

public sealed class WastLiteralsTests
{
    [Theory]
    [InlineData("0", 0x0UL)]
    [InlineData("-1", 0xffffffffUL)]
    [InlineData("+42", 42UL)]
    [InlineData("0xffff_ffff", 0xffffffffUL)]
    [InlineData("-0x8000_0000", 0x80000000UL)]
    [InlineData("4294967295", 0xffffffffUL)]
    [InlineData("-2147483648", 0x80000000UL)]
    public void Parses_i32_literals(string text, ulong expected)
    {
        Assert.True(WastLiterals.TryParseInt(text, 32, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("0x1_0000_0000")]
    [InlineData("-2147483649")]
    [InlineData("4294967296")]
    [InlineData("12a")]
    [InlineData("0x")]
    [InlineData("")]
    public void Rejects_bad_i32_literals(string text) => Assert.False(WastLiterals.TryParseInt(text, 32, out _));

    [Theory]
    [InlineData("-9223372036854775808", 0x8000000000000000UL)]
    [InlineData("18446744073709551615", 0xffffffffffffffffUL)]
    [InlineData("0x7fff_ffff_ffff_ffff", 0x7fffffffffffffffUL)]
    public void Parses_i64_literals(string text, ulong expected)
    {
        Assert.True(WastLiterals.TryParseInt(text, 64, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("0", 0x00000000U)]
    [InlineData("-0", 0x80000000U)]
    [InlineData("1.5", 0x3fc00000U)]
    [InlineData("inf", 0x7f800000U)]
    [InlineData("-inf", 0xff800000U)]
    [InlineData("nan", 0x7fc00000U)]
    [InlineData("-nan", 0xffc00000U)]
    [InlineData("nan:0x200000", 0x7fa00000U)]
    [InlineData("-nan:0x7fffff", 0xffffffffU)]
    [InlineData("0x1p-149", 0x00000001U)]
    [InlineData("0x1p-150", 0x00000000U)]
    [InlineData("0x1.000001p0", 0x3f800000U)]
    [InlineData("0x1.000003p0", 0x3f800002U)]
    [InlineData("0x1.fffffep127", 0x7f7fffffU)]
    [InlineData("0x1.fffffefp127", 0x7f7fffffU)]
    [InlineData("0x1.ffffffp127", 0x7f800000U)]
    [InlineData("0x1.fffffcp-127", 0x007fffffU)]
    [InlineData("1e38", 0x7e967699U)]
    [InlineData("1_000.000_1", 0x447a0002U)]
    [InlineData("3.4028235e38", 0x7f7fffffU)]
    [InlineData("1.e1", 0x41200000U)]
    public void Parses_f32_literals_bit_exactly(string text, uint expected)
    {
        Assert.True(WastLiterals.TryParseF32(text, out var bits));
        Assert.Equal(expected, bits);
    }

    [Theory]
    [InlineData("0x1p-1074", 0x0000000000000001UL)]
    [InlineData("0x1.0000000000000_8p0", 0x3ff0000000000000UL)]
    [InlineData("0x1.0000000000001_8p0", 0x3ff0000000000002UL)]
    [InlineData("0x1.fffffffffffffp1023", 0x7fefffffffffffffUL)]
    [InlineData("nan:0x4000000000000", 0x7ff4000000000000UL)]
    [InlineData("-0x0p0", 0x8000000000000000UL)]
    [InlineData("666.6", 0x4084d4cccccccccdUL)]
    [InlineData("2.2250738585072011e-308", 0x000fffffffffffffUL)]
    [InlineData("0x.8p1", 0x3ff0000000000000UL)]
    public void Parses_f64_literals_bit_exactly(string text, ulong expected)
    {
        if (text.StartsWith("0x.", StringComparison.Ordinal))
        {
            // A hex float needs a digit before the point.
            Assert.False(WastLiterals.TryParseF64(text, out _));
            return;
        }

        Assert.True(WastLiterals.TryParseF64(text, out var bits));
        Assert.Equal(expected, bits);
    }

    [Theory]
    [InlineData("nan:0x0")]
    [InlineData("nan:0x800000")]
    [InlineData("1.5x")]
    [InlineData("e5")]
    [InlineData("0x1p")]
    [InlineData("infinity")]
    public void Rejects_bad_f32_literals(string text) => Assert.False(WastLiterals.TryParseF32(text, out _));
}
