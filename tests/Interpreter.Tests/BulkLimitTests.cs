using System.Diagnostics;
using WasmBench.Interpreter.Runtime;

namespace WasmBench.Interpreter.Tests;

/// <summary>
/// Instructions whose cost grows with their operands pay fuel for their work and meet the deadline;
/// the memory limit bounds the sum of an instance's memories and tables.
/// </summary>
public sealed class BulkLimitTests
{
    // 16 MiB filled, copied or initialised per iteration; the loop counts its iterations.
    private const string BulkLoops = """
        (module
          (memory 256)
          (table $t 4096 funcref)
          (global $n (mut i32) (i32.const 0))
          (data $d "\01\02\03\04")
          (func (export "count") (result i32) (global.get $n))
          (func $tick (global.set $n (i32.add (global.get $n) (i32.const 1))))
          (func (export "fill") (loop (call $tick) (memory.fill (i32.const 0) (i32.const 7) (i32.const 0x1000000)) (br 0)))
          (func (export "copy") (loop (call $tick) (memory.copy (i32.const 0) (i32.const 0x800000) (i32.const 0x800000)) (br 0)))
          (func (export "table_fill") (loop (call $tick) (table.fill $t (i32.const 0) (ref.null func) (i32.const 4096)) (br 0)))
          (func (export "grow") (result i32)
            (loop (if (i32.ne (memory.grow (i32.const 1)) (i32.const -1)) (then (call $tick) (br 1))))
            (global.get $n)))
        """;

    private static ModuleInstance Instantiate(string wat, StoreLimits limits, params string[] features)
    {
        var compiled = WasmEngine.Compile(Wat.Assemble(wat, features));
        Assert.True(compiled.Succeeded, compiled.Message);
        var inst = WasmEngine.Instantiate(new Store(limits), compiled.Module!, (_, _) => null);
        Assert.True(inst.Succeeded, inst.Message);
        return inst.Instance!;
    }

    [Theory]
    [InlineData("fill")]
    [InlineData("copy")]
    public void A_loop_of_large_memory_operations_runs_out_of_fuel_after_a_few_iterations(string export)
    {
        // 20,000 units: 20,000 iterations of an empty loop, but about one 16 MiB operation's worth.
        var inst = Instantiate(BulkLoops, new StoreLimits(Fuel: 20_000));

        var e = Assert.Throws<TrapException>(() => WasmEngine.Invoke(inst, export));

        Assert.Equal("fuel exhausted", e.Message);
        Assert.InRange(WasmEngine.Invoke(inst, "count")[0], 1UL, 3UL);
    }

    [Fact]
    public void Table_fill_pays_for_every_element()
    {
        // 4,096 elements (32 KiB) cost 33 units a fill: 10,000 units are about 300 fills, not 5,000.
        var inst = Instantiate(BulkLoops, new StoreLimits(Fuel: 10_000));

        Assert.Throws<TrapException>(() => WasmEngine.Invoke(inst, "table_fill"));

        Assert.InRange(WasmEngine.Invoke(inst, "count")[0], 200UL, 400UL);
    }

    [Fact]
    public void A_loop_of_large_fills_meets_its_deadline()
    {
        var inst = Instantiate(BulkLoops, new StoreLimits(Timeout: TimeSpan.FromMilliseconds(200)));
        var clock = Stopwatch.StartNew();

        var e = Assert.Throws<TrapException>(() => WasmEngine.Invoke(inst, "fill"));

        Assert.StartsWith("timeout", e.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"the deadline of 0.2 s was met after {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public void A_large_fill_is_cancelled()
    {
        var inst = Instantiate(BulkLoops, new StoreLimits());
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        inst.Store.CancellationToken = cancel.Token;
        var clock = Stopwatch.StartNew();

        var e = Assert.Throws<TrapException>(() => WasmEngine.Invoke(inst, "fill"));

        Assert.Equal("timeout: cancelled", e.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"cancelled after {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public void Growing_page_by_page_pays_for_each_copy_and_meets_the_deadline()
    {
        // Up to 8 GiB of copies before the 512th page fails: the deadline ends it long before.
        var inst = Instantiate(BulkLoops, new StoreLimits(MaxMemoryPages: 768, Timeout: TimeSpan.FromMilliseconds(100), Fuel: 200_000));
        var clock = Stopwatch.StartNew();

        var e = Assert.Throws<TrapException>(() => WasmEngine.Invoke(inst, "grow"));

        Assert.Matches("^(fuel exhausted|timeout)", e.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"ended after {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public void The_memory_limit_bounds_the_sum_of_the_instances_memories_and_tables()
    {
        const string wat = """
            (module
              (memory $a 0) (memory $b 0)
              (table $t 0 funcref)
              (func (export "grow_a") (param i32) (result i32) (memory.grow $a (local.get 0)))
              (func (export "grow_b") (param i32) (result i32) (memory.grow $b (local.get 0)))
              (func (export "grow_t") (param i32) (result i32) (table.grow $t (ref.null func) (local.get 0))))
            """;
        var inst = Instantiate(wat, new StoreLimits(MaxMemoryPages: 16), "multi-memory");

        Assert.Equal(0UL, WasmEngine.Invoke(inst, "grow_a", 10)[0]);
        Assert.Equal(uint.MaxValue, WasmEngine.Invoke(inst, "grow_b", 10)[0]);
        Assert.Equal(0UL, WasmEngine.Invoke(inst, "grow_b", 5)[0]);
        // One page is left: 8,192 elements of 8 bytes fill it, one more does not fit.
        Assert.Equal(uint.MaxValue, WasmEngine.Invoke(inst, "grow_t", 8193)[0]);
        Assert.Equal(0UL, WasmEngine.Invoke(inst, "grow_t", 8192)[0]);
    }

    [Fact]
    public void An_instance_whose_memories_together_exceed_the_limit_is_refused()
    {
        var compiled = WasmEngine.Compile(Wat.Assemble("(module (memory 10) (memory 10))", "multi-memory"));
        Assert.True(compiled.Succeeded, compiled.Message);

        var inst = WasmEngine.Instantiate(new Store(new StoreLimits(MaxMemoryPages: 16)), compiled.Module!, (_, _) => null);

        Assert.False(inst.Succeeded);
        Assert.Contains("memory limit", inst.Message);
    }
}
