using WasmBench.Runners.Conformance;
using WasmBench.Runners.Engines.Wasmtime;
using WasmBench.Runners.Wast;

namespace WasmBench.Runners.Tests.Conformance;

public sealed class WasmtimeConformanceSessionTests
{
    private static IConformanceInstance Instantiate(IConformanceSession session, string wat)
    {
        var bytes = WatConverter.Convert(wat);
        Assert.True(bytes.Succeeded, bytes.Error);
        var compiled = session.Compile(bytes.Value);
        Assert.True(compiled.Module is not null, compiled.Message);
        var instance = session.Instantiate(compiled.Module);
        Assert.True(instance.Instance is not null, instance.Message);
        return instance.Instance;
    }

    [Fact]
    public void Spectest_has_the_reference_interpreter_exports_with_exact_values()
    {
        using var session = new WasmtimeEngine().CreateSession(ConformanceLimits.Default, ConformanceProfile.Wasm3);
        var instance = Instantiate(session, """
            (module
              (import "spectest" "print" (func))
              (import "spectest" "print_i32" (func (param i32)))
              (import "spectest" "print_i64" (func (param i64)))
              (import "spectest" "print_f32" (func (param f32)))
              (import "spectest" "print_f64" (func (param f64)))
              (import "spectest" "print_i32_f32" (func (param i32 f32)))
              (import "spectest" "print_f64_f64" (func (param f64 f64)))
              (import "spectest" "global_i32" (global $i32 i32))
              (import "spectest" "global_i64" (global $i64 i64))
              (import "spectest" "global_f32" (global $f32 f32))
              (import "spectest" "global_f64" (global $f64 f64))
              (import "spectest" "table" (table $t 10 20 funcref))
              (import "spectest" "table64" (table $t64 i64 10 20 funcref))
              (import "spectest" "memory" (memory 1 2))
              (func (export "globals") (result i32 i64 f32 f64) (global.get $i32) (global.get $i64) (global.get $f32) (global.get $f64))
              (func (export "sizes") (result i32 i64 i32) (table.size $t) (table.size $t64) (memory.size)))
            """);

        var globals = session.Invoke(instance, "globals", []);
        var sizes = session.Invoke(instance, "sizes", []);

        Assert.Equal([WasmValue.I32(666), WasmValue.I64(666), WasmValue.F32Bits(0x4426a666), WasmValue.F64Bits(0x4084d4cccccccccd)], globals.Values);
        Assert.Equal([WasmValue.I32(10), WasmValue.I64(10), WasmValue.I32(1)], sizes.Values);
    }

    [Fact]
    public void Spectest_in_the_2_0_profile_has_no_table64()
    {
        using var session = new WasmtimeEngine().CreateSession(ConformanceLimits.Default, ConformanceProfile.Wasm2);
        var bytes = WatConverter.Convert("""(module (import "spectest" "table" (table 10 funcref)) (import "spectest" "global_f64" (global f64)))""").Value;
        var compiled = session.Compile(bytes!);

        Assert.Equal(OutcomeKind.Ok, session.Instantiate(compiled.Module!).Outcome);
    }

    [Fact]
    public void Memory_growth_stops_at_the_limit()
    {
        using var session = new WasmtimeEngine().CreateSession(new ConformanceLimits(TimeSpan.FromSeconds(10), MaxMemoryPages: 4));
        var instance = Instantiate(session, """(module (memory 1) (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))""");

        Assert.Equal([WasmValue.I32(1)], session.Invoke(instance, "grow", [WasmValue.I32(3)]).Values);
        Assert.Equal([WasmValue.I32(-1)], session.Invoke(instance, "grow", [WasmValue.I32(1)]).Values);
    }

    [Fact]
    public void Garbage_is_malformed_and_a_missing_export_or_bad_arguments_are_failures_not_exceptions()
    {
        using var session = new WasmtimeEngine().CreateSession(ConformanceLimits.Default);
        Assert.Equal(OutcomeKind.Malformed, session.Compile(new byte[] { 1, 2, 3 }).Outcome);
        var instance = Instantiate(session, """(module (func (export "f") (param i32)))""");

        Assert.NotEqual(OutcomeKind.Ok, session.Invoke(instance, "missing", []).Outcome);
        Assert.NotEqual(OutcomeKind.Ok, session.Invoke(instance, "f", []).Outcome);
        Assert.Equal(OutcomeKind.Trap, session.Invoke(instance, "f", [WasmValue.I64(1)]).Outcome);
        Assert.NotEqual(OutcomeKind.Ok, session.Get(instance, "f").Outcome);
    }

    [Fact]
    public void V128_and_nan_bits_cross_the_boundary_unchanged()
    {
        using var session = new WasmtimeEngine().CreateSession(ConformanceLimits.Default);
        var instance = Instantiate(session, """
            (module
              (func (export "v") (param v128) (result v128) (local.get 0))
              (func (export "f") (param f32) (result f32) (local.get 0))
              (func (export "d") (param f64) (result f64) (local.get 0)))
            """);
        var v = WasmValue.V128(0x0123456789abcdefUL, 0xfedcba9876543210UL);

        Assert.Equal([v], session.Invoke(instance, "v", [v]).Values);
        Assert.Equal([WasmValue.F32Bits(0x7fa00001)], session.Invoke(instance, "f", [WasmValue.F32Bits(0x7fa00001)]).Values);
        Assert.Equal([WasmValue.F64Bits(0xfff4000000000001)], session.Invoke(instance, "d", [WasmValue.F64Bits(0xfff4000000000001)]).Values);
    }
}
