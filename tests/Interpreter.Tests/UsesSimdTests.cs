namespace WasmBench.Interpreter.Tests;

/// <summary><see cref="Model.WasmModule.UsesSimd"/>: set by the decoder from types and from 0xFD instructions.</summary>
public sealed class UsesSimdTests
{
    [Theory]
    [InlineData("a v128 parameter", "(module (func (param v128)))")]
    [InlineData("a v128 local", "(module (func (local v128)))")]
    [InlineData("a v128 global", "(module (global v128 (v128.const i64x2 0 0)))")]
    [InlineData("a SIMD instruction without any v128 type in sight", "(module (memory 1) (func (result i32) (i32x4.all_true (v128.load (i32.const 0)))))")]
    [InlineData("a v128 block result", "(module (func (block (result v128) (v128.const i64x2 1 2)) drop))")]
    public void A_module_with_simd_says_so(string _, string wat)
    {
        var compiled = WasmEngine.Compile(Wat.Assemble(wat));

        Assert.True(compiled.Succeeded, compiled.Message);
        Assert.True(compiled.Module!.UsesSimd);
    }

    [Fact]
    public void A_scalar_module_does_not()
    {
        var compiled = WasmEngine.Compile(Wat.Assemble("(module (memory 1) (func (param i64) (result i32) (i32.load (i32.const 0))) (global f64 (f64.const 1)))"));

        Assert.True(compiled.Succeeded, compiled.Message);
        Assert.False(compiled.Module!.UsesSimd);
    }
}
