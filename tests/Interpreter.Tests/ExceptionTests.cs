using WasmBench.Interpreter.Model;
using WasmBench.Interpreter.Runtime;

namespace WasmBench.Interpreter.Tests;

/// <summary>Exception handling (3.0): tags, throw, throw_ref, try_table's catch clauses, unwinding across frames and modules, and the limits.</summary>
public sealed class ExceptionTests
{
    private static ModuleInstance Instantiate(Store store, byte[] wasm, ImportResolver? imports = null)
    {
        var compiled = WasmEngine.Compile(wasm);
        Assert.True(compiled.Succeeded, compiled.Message);
        var inst = WasmEngine.Instantiate(store, compiled.Module!, imports ?? ((_, _) => null));
        Assert.True(inst.Succeeded, inst.Message);
        return inst.Instance!;
    }

    [Theory]
    [InlineData(3)]
    [InlineData(-12)]
    public void A_catch_delivers_the_payload_of_an_exception_thrown_by_a_callee(int x)
    {
        var inst = Instantiate(new Store(), Wasm3Modules.Exceptions());

        Assert.Equal((uint)x, (uint)WasmEngine.Invoke(inst, "catch_value", (uint)x)[0]);
    }

    [Fact]
    public void Catch_all_ref_and_throw_ref_rethrow_the_same_exception()
    {
        var inst = Instantiate(new Store(), Wasm3Modules.Exceptions());

        Assert.Equal(41u, (uint)WasmEngine.Invoke(inst, "rethrow", 41)[0]);
    }

    [Fact]
    public void An_uncaught_exception_surfaces_with_its_tag_and_payload()
    {
        var inst = Instantiate(new Store(), Wasm3Modules.Exceptions());

        var e = Assert.Throws<UncaughtException>(() => WasmEngine.Invoke(inst, "uncaught", 9));
        Assert.Same(inst.GetExport("e0")!.Value.Tag, e.Exception.Tag);
        Assert.Equal([9UL], e.Exception.Payload);
    }

    [Fact]
    public void Throw_ref_of_null_traps()
    {
        var inst = Instantiate(new Store(), Wasm3Modules.Exceptions());

        var trap = Assert.Throws<TrapException>(() => WasmEngine.Invoke(inst, "throw_null"));
        Assert.Equal("null exception reference", trap.Message);
    }

    [Fact]
    public void An_exception_unwinds_thousands_of_frames_and_deeper_recursion_exhausts_the_stack()
    {
        var inst = Instantiate(new Store(new StoreLimits(MaxCallDepth: 5_000)), Wasm3Modules.Exceptions());

        Assert.Equal(7u, (uint)WasmEngine.Invoke(inst, "catch_deep", 4_000)[0]);
        var trap = Assert.Throws<TrapException>(() => WasmEngine.Invoke(inst, "catch_deep", 6_000));
        Assert.Equal(WasmErrorKind.Exhaustion, trap.Kind);
    }

    [Fact]
    public void A_loop_that_throws_and_catches_runs_out_of_fuel()
    {
        var inst = Instantiate(new Store(new StoreLimits(Fuel: 50_000)), Wasm3Modules.Exceptions());

        var trap = Assert.Throws<TrapException>(() => WasmEngine.Invoke(inst, "spin"));
        Assert.Equal("fuel exhausted", trap.Message);
    }

    [Fact]
    public void An_imported_tag_is_the_exporter_s_tag_and_must_have_its_type()
    {
        var store = new Store();
        var exporter = Instantiate(store, Wasm3Modules.Exceptions());
        ImportResolver imports = (m, n) => m == "m" && n == "e" ? exporter.GetExport("e0") : null;
        var importer = Instantiate(store, Wasm3Modules.ImportsTag(ValType.I32), imports);

        var e = Assert.Throws<UncaughtException>(() => WasmEngine.Invoke(importer, "throw"));
        Assert.Same(exporter.GetExport("e0")!.Value.Tag, e.Exception.Tag);
        var wrong = WasmEngine.Instantiate(store, WasmEngine.Compile(Wasm3Modules.ImportsTag(ValType.I64)).Module!, imports);
        Assert.Equal(WasmErrorKind.Unlinkable, wrong.Error);
    }

    [Fact]
    public void A_host_function_lets_an_exception_of_wasm_it_called_through_to_a_wasm_handler()
    {
        var store = new Store();
        var inner = Instantiate(store, Wasm3Modules.Exceptions());
        var thrower = inner.GetExport("throw")!.Value.Function!;
        var host = store.CreateHostFunction(new FuncType([ValType.I32], []), (args, _) => store.Invoke(thrower, [args[0]]));
        var outer = Instantiate(store, Wasm3Modules.CatchesAroundImport(), (_, n) => n == "e" ? inner.GetExport("e0") : new ExternValue(ExternKind.Func, host));

        Assert.Equal(23u, (uint)WasmEngine.Invoke(outer, "run", 23)[0]);
    }

    [Fact]
    public void The_2_0_profile_rejects_the_tag_section()
    {
        var outcome = WasmEngine.Compile(Wasm3Modules.Exceptions(), WasmFeatures.Wasm2);

        Assert.False(outcome.Succeeded);
        Assert.Equal(WasmErrorKind.Malformed, outcome.Error);
    }
}
