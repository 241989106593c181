using WasmBench.Runners.Conformance;
using WasmBench.Runners.Wast;

namespace WasmBench.Runners.Tests.Wast;

public sealed class ResultMatcherTests
{
    [Fact]
    public void Floats_match_bitwise_so_signed_zeros_differ()
    {
        var plusZero = new ExactPattern(WasmValue.F32Bits(0));
        Assert.True(ResultMatcher.Matches(plusZero, WasmValue.F32Bits(0)));
        Assert.False(ResultMatcher.Matches(plusZero, WasmValue.F32Bits(0x80000000)));
        Assert.False(ResultMatcher.Matches(plusZero, WasmValue.I32(0)));
    }

    [Theory]
    [InlineData(0x7fc00000U, true, true)]
    [InlineData(0xffc00000U, true, true)]
    [InlineData(0x7fc00001U, false, true)]
    [InlineData(0x7fa00000U, false, false)]
    [InlineData(0x7f800000U, false, false)]
    [InlineData(0x3f800000U, false, false)]
    public void Nan_classes_follow_the_spec(uint bits, bool canonical, bool arithmetic)
    {
        Assert.Equal(canonical, ResultMatcher.Matches(new NanPattern(ValueKind.F32, true), WasmValue.F32Bits(bits)));
        Assert.Equal(arithmetic, ResultMatcher.Matches(new NanPattern(ValueKind.F32, false), WasmValue.F32Bits(bits)));
    }

    [Fact]
    public void F64_nan_patterns_check_f64_bits()
    {
        Assert.True(ResultMatcher.Matches(new NanPattern(ValueKind.F64, true), WasmValue.F64Bits(0xfff8000000000000)));
        Assert.False(ResultMatcher.Matches(new NanPattern(ValueKind.F64, true), WasmValue.F64Bits(0x7ff8000000000001)));
        Assert.False(ResultMatcher.Matches(new NanPattern(ValueKind.F64, true), WasmValue.F32Bits(0x7fc00000)));
    }

    [Fact]
    public void V128_lanes_match_one_by_one()
    {
        var pattern = new V128Pattern("f32x4", [new(0, NanClass.Canonical), new(0x3f800000), new(0, NanClass.Arithmetic), new(0x80000000)]);
        var good = WasmValue.V128(0x3f800000_7fc00000UL, 0x80000000_7fc00001UL);
        var wrongZero = WasmValue.V128(0x3f800000_7fc00000UL, 0x00000000_7fc00001UL);
        var wrongNan = WasmValue.V128(0x3f800000_7fc00001UL, 0x80000000_7fc00001UL);

        Assert.True(ResultMatcher.Matches(pattern, good));
        Assert.False(ResultMatcher.Matches(pattern, wrongZero));
        Assert.False(ResultMatcher.Matches(pattern, wrongNan));
    }

    [Fact]
    public void References_match_by_null_hierarchy_class_and_host_identity()
    {
        var func = new WasmValue(ValueKind.Ref, 0, 0, RefKind.Func);
        Assert.True(ResultMatcher.Matches(new RefPattern(RefKind.Func, IsNull: true), WasmValue.Null(RefKind.NoFunc)));
        Assert.False(ResultMatcher.Matches(new RefPattern(RefKind.Func, IsNull: true), WasmValue.Null(RefKind.Extern)));
        Assert.True(ResultMatcher.Matches(new RefPattern(null, IsNull: true), WasmValue.Null(RefKind.Extern)));
        Assert.False(ResultMatcher.Matches(new RefPattern(RefKind.Func, IsNull: true), func));
        Assert.True(ResultMatcher.Matches(new RefPattern(RefKind.Func, false), func));
        Assert.False(ResultMatcher.Matches(new RefPattern(RefKind.Func, false), WasmValue.Null(RefKind.Func)));
        Assert.True(ResultMatcher.Matches(new RefPattern(RefKind.Extern, false, 3), WasmValue.Extern(3)));
        Assert.False(ResultMatcher.Matches(new RefPattern(RefKind.Extern, false, 3), WasmValue.Extern(4)));
        Assert.True(ResultMatcher.Matches(new ExactPattern(WasmValue.Extern(5)), WasmValue.Extern(5)));
        Assert.True(ResultMatcher.Matches(new RefPattern(RefKind.Eq, false), new WasmValue(ValueKind.Ref, 0, 0, RefKind.I31)));
        Assert.False(ResultMatcher.Matches(new RefPattern(RefKind.Struct, false), new WasmValue(ValueKind.Ref, 0, 0, RefKind.Array)));
    }

    [Fact]
    public void Either_matches_any_alternative_and_counts_must_agree()
    {
        var either = new EitherPattern([new ExactPattern(WasmValue.I32(1)), new ExactPattern(WasmValue.I32(2))]);
        Assert.True(ResultMatcher.Matches(either, WasmValue.I32(2)));
        Assert.False(ResultMatcher.Matches(either, WasmValue.I32(3)));
        Assert.False(ResultMatcher.Matches([either], []));
        Assert.True(ResultMatcher.Matches([either, new ExactPattern(WasmValue.I64(-1))], [WasmValue.I32(1), WasmValue.I64(-1)]));
    }
}
