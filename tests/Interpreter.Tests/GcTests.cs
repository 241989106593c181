using WasmBench.Interpreter.Runtime;

namespace WasmBench.Interpreter.Tests;

/// <summary>
/// GC (3.0) on the interpreter's heap: allocation under pressure stays within the memory limit
/// when the objects die, reaches the limit with a clear trap when they stay alive, pays fuel for
/// its size, and the collector keeps what globals, structures and locals still reach.
/// </summary>
public sealed class GcTests
{
    /// <summary>16 MiB: the memory limit of these tests.</summary>
    private const uint LimitPages = 256;
    private const long LimitBytes = LimitPages * 65536L;

    private static ModuleInstance Instantiate(Store store)
    {
        var compiled = WasmEngine.Compile(GcModules.Heap());
        Assert.True(compiled.Succeeded, compiled.Message);
        var inst = WasmEngine.Instantiate(store, compiled.Module!, (_, _) => null);
        Assert.True(inst.Succeeded, inst.Message);
        return inst.Instance!;
    }

    [Fact]
    public void A_loop_that_drops_what_it_allocates_finishes_with_the_heap_bounded()
    {
        var store = new Store(new StoreLimits(MaxMemoryPages: LimitPages));
        var inst = Instantiate(store);

        // 20,000 arrays of 1,024 i32s: about 165 MB allocated in all, ten times the limit.
        Assert.Equal(20_000u * 1024, (uint)WasmEngine.Invoke(inst, "churn", 20_000)[0]);

        var (live, collections) = store.GcStatistics;
        Assert.True(collections > 0, "no collection ran");
        Assert.True(live < LimitBytes, $"{live} bytes live after the loop");
    }

    [Fact]
    public void A_loop_that_keeps_what_it_allocates_stops_at_the_memory_limit_with_a_trap()
    {
        var store = new Store(new StoreLimits(MaxMemoryPages: LimitPages));
        var inst = Instantiate(store);

        var trap = Assert.Throws<TrapException>(() => WasmEngine.Invoke(inst, "hoard", 1_000_000));

        Assert.StartsWith("out of memory: a GC allocation", trap.Message);
        Assert.Contains("exceeds the memory limit", trap.Message);
        Assert.True(store.GcStatistics.LiveBytes <= LimitBytes);
    }

    [Fact]
    public void Collections_keep_what_a_global_reaches_through_structures()
    {
        var store = new Store(new StoreLimits(MaxMemoryPages: LimitPages));
        var inst = Instantiate(store);
        WasmEngine.Invoke(inst, "hoard", 100);

        WasmEngine.Invoke(inst, "churn", 5_000);

        Assert.True(store.GcStatistics.Collections > 0, "no collection ran");
        Assert.Equal(5050u, (uint)WasmEngine.Invoke(inst, "chain_sum")[0]);
    }

    [Fact]
    public void A_collection_during_a_call_keeps_an_array_held_only_in_the_callers_local()
    {
        var store = new Store(new StoreLimits(MaxMemoryPages: LimitPages));
        var inst = Instantiate(store);

        Assert.Equal(77u, (uint)WasmEngine.Invoke(inst, "keep_local")[0]);
        Assert.True(store.GcStatistics.Collections > 0, "no collection ran");
    }

    [Fact]
    public void Allocations_pay_fuel_for_their_size()
    {
        // 10,000 iterations cost 10,000 units without the allocations; each 8 KiB array costs 9 more.
        var store = new Store(new StoreLimits(MaxMemoryPages: LimitPages, Fuel: 50_000));
        var inst = Instantiate(store);

        var trap = Assert.Throws<TrapException>(() => WasmEngine.Invoke(inst, "churn", 10_000));

        Assert.Equal("fuel exhausted", trap.Message);
        Assert.Equal(1000u * 1024, (uint)WasmEngine.Invoke(inst, "churn", 1_000)[0]);
    }

    [Theory]
    [InlineData(-5, 1 - 5 + 100)]
    [InlineData(0x4000_0000, 1 - 0x4000_0000 + 100)]
    [InlineData(0x7FFF_FFFF, 1 - 1 + 100)]
    public void I31_round_trips_31_bits_and_a_failing_br_on_cast_fail_takes_its_branch(int i, int expected)
    {
        var inst = Instantiate(new Store());

        Assert.Equal((uint)expected, (uint)WasmEngine.Invoke(inst, "casts", (uint)i)[0]);
    }

    [Fact]
    public void The_embedder_sees_a_structure_in_an_exported_global()
    {
        var store = new Store();
        var inst = Instantiate(store);
        var list = inst.GetExport("list")!.Value.Global!;
        Assert.Equal(AnyRefKind.Null, store.ClassifyAnyRef(list.Value, out _));

        WasmEngine.Invoke(inst, "hoard", 1);

        Assert.Equal(Model.RefHierarchy.Any, list.Hierarchy);
        Assert.Equal(AnyRefKind.Struct, store.ClassifyAnyRef(list.Value, out _));
    }
}
