using WasmBench.Interpreter.Runtime;

namespace WasmBench.Interpreter.Tests;

public sealed class ExecutionTests
{
    private static ModuleInstance Instantiate(byte[] bytes, StoreLimits? limits = null)
    {
        var store = new Store(limits);
        var compiled = WasmEngine.Compile(bytes);
        Assert.True(compiled.Succeeded, compiled.Message);
        var inst = WasmEngine.Instantiate(store, compiled.Module!, TestModules.HostResolver(store));
        Assert.True(inst.Succeeded, inst.Message);
        return inst.Instance!;
    }

    private static uint F32(float v) => (uint)BitConverter.SingleToInt32Bits(v);

    [Fact]
    public void Integer_arithmetic_and_recursion()
    {
        var inst = Instantiate(TestModules.Arithmetic());
        Assert.Equal(5u, (uint)WasmEngine.Invoke(inst, "add", 2, 3)[0]);
        Assert.Equal(unchecked((uint)-2), (uint)WasmEngine.Invoke(inst, "add", unchecked((uint)-7), 5)[0]);
        Assert.Equal(3628800ul, WasmEngine.Invoke(inst, "fact", 10)[0]);
        Assert.Equal(1000u, (uint)WasmEngine.Invoke(inst, "count", 1000)[0]);
    }

    [Fact]
    public void Division_traps_have_spec_messages()
    {
        var inst = Instantiate(TestModules.Arithmetic());
        var zero = Assert.Throws<TrapException>(() => WasmEngine.Invoke(inst, "div_s", 1, 0));
        Assert.Equal("integer divide by zero", zero.Message);
        var overflow = Assert.Throws<TrapException>(() => WasmEngine.Invoke(inst, "div_s", 0x8000_0000, 0xFFFF_FFFF));
        Assert.Equal("integer overflow", overflow.Message);
    }

    [Fact]
    public void Memory_is_bounds_checked_and_grows_within_its_maximum()
    {
        var inst = Instantiate(TestModules.Arithmetic());
        Assert.Equal(42u, (uint)WasmEngine.Invoke(inst, "store_load", 65532, 42)[0]);
        var trap = Assert.Throws<TrapException>(() => WasmEngine.Invoke(inst, "store_load", 65533, 1));
        Assert.Equal("out of bounds memory access", trap.Message);
        Assert.Equal(1u, (uint)WasmEngine.Invoke(inst, "grow", 1)[0]);
        Assert.Equal(uint.MaxValue, (uint)WasmEngine.Invoke(inst, "grow", 1)[0]);
        Assert.Equal(2u * 65536, (uint)inst.DefaultMemory!.Span.Length);
    }

    [Fact]
    public void Memory_limit_of_the_store_caps_growth()
    {
        var inst = Instantiate(TestModules.Arithmetic(), new StoreLimits(MaxMemoryPages: 1));
        Assert.Equal(uint.MaxValue, (uint)WasmEngine.Invoke(inst, "grow", 1)[0]);
    }

    [Fact]
    public void Float_min_and_nearest_follow_wasm_semantics()
    {
        var inst = Instantiate(TestModules.Floats());
        // min(-0, +0) = -0; min with a signalling NaN gives a quiet (arithmetic) NaN.
        Assert.Equal(0x8000_0000u, (uint)WasmEngine.Invoke(inst, "min", F32(-0f), F32(0f))[0]);
        var nan = (uint)WasmEngine.Invoke(inst, "min", 0x7FA0_0000, F32(1f))[0];
        Assert.Equal(0x7FC0_0000u, nan & 0x7FC0_0000u);
        Assert.Equal(2.0, BitConverter.UInt64BitsToDouble(WasmEngine.Invoke(inst, "nearest", BitConverter.DoubleToUInt64Bits(2.5))[0]));
        Assert.Equal(-4.0, BitConverter.UInt64BitsToDouble(WasmEngine.Invoke(inst, "nearest", BitConverter.DoubleToUInt64Bits(-3.5))[0]));
    }

    [Fact]
    public void Float_to_int_conversions_trap_or_saturate()
    {
        var inst = Instantiate(TestModules.Floats());
        Assert.Equal("integer overflow", Assert.Throws<TrapException>(() => WasmEngine.Invoke(inst, "trunc_s", BitConverter.DoubleToUInt64Bits(2147483648.0))).Message);
        Assert.Equal("invalid conversion to integer", Assert.Throws<TrapException>(() => WasmEngine.Invoke(inst, "trunc_s", BitConverter.DoubleToUInt64Bits(double.NaN))).Message);
        Assert.Equal(unchecked((uint)-2147483648), (uint)WasmEngine.Invoke(inst, "trunc_s", BitConverter.DoubleToUInt64Bits(-2147483648.9))[0]);
        Assert.Equal(uint.MaxValue, (uint)WasmEngine.Invoke(inst, "trunc_sat_u", F32(1e20f))[0]);
        Assert.Equal(0u, (uint)WasmEngine.Invoke(inst, "trunc_sat_u", F32(float.NaN))[0]);
    }

    [Fact]
    public void Host_functions_and_globals()
    {
        var inst = Instantiate(TestModules.HostAndLimits());
        Assert.Equal(21u, (uint)WasmEngine.Invoke(inst, "call_twice", 10)[0]);
        Assert.Equal(10u, (uint)WasmEngine.Invoke(inst, "bump", 3)[0]);
        var g = inst.GetExport("g")!.Value.Global!;
        Assert.Equal(10ul, g.Value);
        g.Value = 100;
        Assert.Equal(101u, (uint)WasmEngine.Invoke(inst, "bump", 1)[0]);
    }

    [Fact]
    public void Unbounded_recursion_is_call_stack_exhaustion()
    {
        var inst = Instantiate(TestModules.HostAndLimits(), new StoreLimits(MaxCallDepth: 500));
        var e = Assert.Throws<TrapException>(() => WasmEngine.Invoke(inst, "recurse"));
        Assert.Equal(WasmErrorKind.Exhaustion, e.Kind);
        Assert.Equal("call stack exhausted", e.Message);
        // The store is still usable afterwards.
        Assert.Equal(21u, (uint)WasmEngine.Invoke(inst, "call_twice", 10)[0]);
    }

    [Fact]
    public void Infinite_loop_ends_with_fuel_trap()
    {
        var inst = Instantiate(TestModules.HostAndLimits(), new StoreLimits(Fuel: 100_000));
        var e = Assert.Throws<TrapException>(() => WasmEngine.Invoke(inst, "spin"));
        Assert.Equal(WasmErrorKind.Trap, e.Kind);
        Assert.Equal("fuel exhausted", e.Message);
    }

    [Fact]
    public void Infinite_loop_ends_with_deadline_trap()
    {
        var inst = Instantiate(TestModules.HostAndLimits(), new StoreLimits(Timeout: TimeSpan.FromMilliseconds(50)));
        var e = Assert.Throws<TrapException>(() => WasmEngine.Invoke(inst, "spin"));
        Assert.StartsWith("timeout", e.Message);
    }

    [Fact]
    public void Functions_are_translated_on_first_call()
    {
        var compiled = WasmEngine.Compile(TestModules.Arithmetic()).Module!;
        var store = new Store();
        var inst = WasmEngine.Instantiate(store, compiled, (_, _) => null).Instance!;
        Assert.All(compiled.Compiled, Assert.Null);
        WasmEngine.Invoke(inst, "add", 1, 2);
        Assert.NotNull(compiled.Compiled[0]);
        Assert.Null(compiled.Compiled[1]);
    }

    [Fact]
    public void Missing_import_is_unlinkable()
    {
        var compiled = WasmEngine.Compile(TestModules.HostAndLimits()).Module!;
        var outcome = WasmEngine.Instantiate(new Store(), compiled, (_, _) => null);
        Assert.Equal(WasmErrorKind.Unlinkable, outcome.Error);
    }
}
