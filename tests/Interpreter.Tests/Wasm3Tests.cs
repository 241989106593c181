using WasmBench.Interpreter.Model;
using WasmBench.Interpreter.Runtime;

namespace WasmBench.Interpreter.Tests;

/// <summary>The implemented WebAssembly 3.0 features, and the 2.0 profile that rejects them.</summary>
public sealed class Wasm3Tests
{
    private static ModuleInstance Instantiate(StoreLimits limits)
    {
        var compiled = WasmEngine.Compile(Wasm3Modules.TailCallsAndConstExprs());
        Assert.True(compiled.Succeeded, compiled.Message);
        var store = new Store(limits);
        var inst = WasmEngine.Instantiate(store, compiled.Module!, (_, _) => null);
        Assert.True(inst.Succeeded, inst.Message);
        return inst.Instance!;
    }

    [Fact]
    public void Tail_calls_run_in_one_frame_where_plain_calls_exhaust_the_call_depth()
    {
        var inst = Instantiate(new StoreLimits(MaxCallDepth: 100));

        Assert.Equal(42u, (uint)WasmEngine.Invoke(inst, "countdown", 1_000_000)[0]);
        var plain = Assert.Throws<TrapException>(() => WasmEngine.Invoke(inst, "plain", 1_000));
        Assert.Equal("call stack exhausted", plain.Message);
        Assert.Equal(42u, (uint)WasmEngine.Invoke(inst, "plain", 50)[0]);
    }

    [Fact]
    public void Return_call_indirect_checks_the_table_and_runs_the_element()
    {
        var inst = Instantiate(new StoreLimits(MaxCallDepth: 100));

        var empty = Assert.Throws<TrapException>(() => WasmEngine.Invoke(inst, "via_table", 5));
        Assert.Equal("uninitialized element", empty.Message);
        WasmEngine.Invoke(inst, "setup");
        Assert.Equal(42u, (uint)WasmEngine.Invoke(inst, "via_table", 100_000)[0]);
    }

    [Fact]
    public void An_endless_tail_call_loop_stops_when_the_fuel_runs_out()
    {
        var inst = Instantiate(new StoreLimits(MaxCallDepth: 100, Fuel: 50_000));

        var trap = Assert.Throws<TrapException>(() => WasmEngine.Invoke(inst, "forever"));
        Assert.Equal("fuel exhausted", trap.Message);
    }

    [Fact]
    public void Extended_constant_expressions_read_earlier_globals_and_compute()
    {
        var inst = Instantiate(new StoreLimits());

        Assert.Equal(42ul, inst.GetExport("product")!.Value.Global!.Value);
    }

    [Fact]
    public void The_2_0_profile_rejects_what_3_0_adds()
    {
        var outcome = WasmEngine.Compile(Wasm3Modules.TailCallsAndConstExprs(), WasmFeatures.Wasm2);

        Assert.False(outcome.Succeeded);
        Assert.Equal(WasmErrorKind.Malformed, outcome.Error);
        Assert.Contains("illegal opcode", outcome.Message);
    }

    [Fact]
    public void Each_memory_of_a_module_is_addressed_by_its_index()
    {
        var compiled = WasmEngine.Compile(Wasm3Modules.TwoMemories());
        Assert.True(compiled.Succeeded, compiled.Message);
        var store = new Store(new StoreLimits(MaxMemoryPages: 3));
        var inst = WasmEngine.Instantiate(store, compiled.Module!, (_, _) => null).Instance!;

        WasmEngine.Invoke(inst, "store1", 8, 0xC0FFEE);
        Assert.Equal(0xC0FFEEu, (uint)WasmEngine.Invoke(inst, "load1", 8)[0]);
        Assert.Equal(0u, (uint)WasmEngine.Invoke(inst, "load0", 8)[0]);

        Assert.Equal(1u, (uint)WasmEngine.Invoke(inst, "grow1", 1)[0]);
        Assert.Equal(2u, (uint)WasmEngine.Invoke(inst, "size1")[0]);
        Assert.Equal(uint.MaxValue, (uint)WasmEngine.Invoke(inst, "grow1", 1)[0]); // the limit, 3 pages, bounds both memories together
        WasmEngine.Invoke(inst, "store1", 65536 + 4, 7);
        Assert.Equal(7u, (uint)WasmEngine.Invoke(inst, "load1", 65536 + 4)[0]);
        var oob = Assert.Throws<TrapException>(() => WasmEngine.Invoke(inst, "load0", 65536 + 4));
        Assert.Equal("out of bounds memory access", oob.Message);

        inst.DefaultMemory!.Span[100] = 0x5A;
        WasmEngine.Invoke(inst, "copy10", 200, 100, 1);
        Assert.Equal(0x5Au, (uint)WasmEngine.Invoke(inst, "load1", 200)[0] & 0xFF);
        WasmEngine.Invoke(inst, "fill1", 300, 0x11, 4);
        Assert.Equal(0x11111111u, (uint)WasmEngine.Invoke(inst, "load1", 300)[0]);
        Assert.Equal(0u, (uint)WasmEngine.Invoke(inst, "load0", 300)[0]);
    }

    [Fact]
    public void Relaxed_madd_is_fused_and_only_in_3_0()
    {
        var compiled = WasmEngine.Compile(Wasm3Modules.RelaxedMadd());
        Assert.True(compiled.Succeeded, compiled.Message);
        var inst = WasmEngine.Instantiate(new Store(), compiled.Module!, (_, _) => null).Instance!;

        Assert.Equal(0x33800000ul, WasmEngine.Invoke(inst, "madd")[0]); // 2^-24
        Assert.Equal(WasmErrorKind.Malformed, WasmEngine.Compile(Wasm3Modules.RelaxedMadd(), WasmFeatures.Wasm2).Error);
    }

    [Fact]
    public void A_table64_takes_i64_indices_and_fails_a_huge_grow_with_i64_minus_one()
    {
        var compiled = WasmEngine.Compile(Wasm3Modules.Table64());
        Assert.True(compiled.Succeeded, compiled.Message);
        var inst = WasmEngine.Instantiate(new Store(), compiled.Module!, (_, _) => null).Instance!;

        Assert.Equal(1u, (uint)WasmEngine.Invoke(inst, "is_null", 0)[0]);
        var oob = Assert.Throws<TrapException>(() => WasmEngine.Invoke(inst, "is_null", 1UL << 40));
        Assert.Equal("out of bounds table access", oob.Message);
        Assert.Equal(1ul, WasmEngine.Invoke(inst, "grow", 2)[0]);
        Assert.Equal(ulong.MaxValue, WasmEngine.Invoke(inst, "grow", 1UL << 40)[0]);
        Assert.Equal(1u, (uint)WasmEngine.Invoke(inst, "is_null", 2)[0]);
    }

    [Fact]
    public void A_memory64_takes_i64_addresses_and_offsets_and_grows_with_i64_results()
    {
        var compiled = WasmEngine.Compile(Wasm3Modules.Memory64());
        Assert.True(compiled.Succeeded, compiled.Message);
        var inst = WasmEngine.Instantiate(new Store(new StoreLimits(MaxMemoryPages: 2)), compiled.Module!, (_, _) => null).Instance!;

        WasmEngine.Invoke(inst, "store", 8, 42);
        Assert.Equal(42u, (uint)WasmEngine.Invoke(inst, "load", 8)[0]);
        Assert.Equal("out of bounds memory access", Assert.Throws<TrapException>(() => WasmEngine.Invoke(inst, "load", 1UL << 40)).Message);
        Assert.Equal("out of bounds memory access", Assert.Throws<TrapException>(() => WasmEngine.Invoke(inst, "load", ulong.MaxValue - 1)).Message);
        Assert.Equal("out of bounds memory access", Assert.Throws<TrapException>(() => WasmEngine.Invoke(inst, "load_far", 0)).Message);
        Assert.Equal(1ul, WasmEngine.Invoke(inst, "grow", 1)[0]);
        Assert.Equal(2ul, WasmEngine.Invoke(inst, "size")[0]);
        Assert.Equal(ulong.MaxValue, WasmEngine.Invoke(inst, "grow", 1UL << 33)[0]);
        Assert.Equal(ulong.MaxValue, WasmEngine.Invoke(inst, "grow", 1)[0]); // the store's limit is 2 pages
        Assert.Equal(WasmErrorKind.Malformed, WasmEngine.Compile(Wasm3Modules.Memory64(), WasmFeatures.Wasm2).Error);
    }
}
