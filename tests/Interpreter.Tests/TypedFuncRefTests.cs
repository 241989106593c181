using WasmBench.Interpreter.Model;
using WasmBench.Interpreter.Runtime;

namespace WasmBench.Interpreter.Tests;

/// <summary>Typed function references (3.0): the instructions, their traps and the validation of non-defaultable locals.</summary>
public sealed class TypedFuncRefTests
{
    private static ModuleInstance Instantiate(StoreLimits limits)
    {
        var compiled = WasmEngine.Compile(Wasm3Modules.TypedFuncRefs());
        Assert.True(compiled.Succeeded, compiled.Message);
        var inst = WasmEngine.Instantiate(new Store(limits), compiled.Module!, (_, _) => null);
        Assert.True(inst.Succeeded, inst.Message);
        return inst.Instance!;
    }

    [Fact]
    public void Call_ref_calls_the_referenced_function_and_traps_on_null()
    {
        var inst = Instantiate(new StoreLimits());

        Assert.Equal(8u, (uint)WasmEngine.Invoke(inst, "apply_inc", 7)[0]);
        var trap = Assert.Throws<TrapException>(() => WasmEngine.Invoke(inst, "apply_null", 7));
        Assert.Equal("null function reference", trap.Message);
        Assert.Equal(100u, (uint)WasmEngine.Invoke(inst, "tail_apply", 99)[0]);
    }

    [Fact]
    public void Br_on_null_and_br_on_non_null_branch_on_the_reference()
    {
        var inst = Instantiate(new StoreLimits());

        Assert.Equal(1u, (uint)WasmEngine.Invoke(inst, "is_set", 1)[0]);
        Assert.Equal(0u, (uint)WasmEngine.Invoke(inst, "is_set", 0)[0]);
        Assert.Equal(42u, (uint)WasmEngine.Invoke(inst, "pick", 1)[0]);
        Assert.Equal(uint.MaxValue, (uint)WasmEngine.Invoke(inst, "pick", 0)[0]);
    }

    [Fact]
    public void Ref_as_non_null_traps_on_null()
    {
        var inst = Instantiate(new StoreLimits());

        var trap = Assert.Throws<TrapException>(() => WasmEngine.Invoke(inst, "as_non_null"));
        Assert.Equal("null reference", trap.Message);
    }

    [Fact]
    public void A_return_call_ref_loop_runs_in_one_frame_until_the_fuel_runs_out()
    {
        var inst = Instantiate(new StoreLimits(MaxCallDepth: 10, Fuel: 50_000));

        var trap = Assert.Throws<TrapException>(() => WasmEngine.Invoke(inst, "forever"));
        Assert.Equal("fuel exhausted", trap.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_non_null_local_must_be_set_before_it_is_read(bool setInBlock)
    {
        var outcome = WasmEngine.Compile(Wasm3Modules.UninitializedLocal(setInBlock));

        Assert.False(outcome.Succeeded);
        Assert.Equal(WasmErrorKind.Invalid, outcome.Error);
        Assert.Contains("uninitialized local", outcome.Message);
        Assert.True(WasmEngine.Compile(Wasm3Modules.InitializedLocal()).Succeeded);
    }

    [Fact]
    public void The_2_0_profile_rejects_typed_references()
    {
        var outcome = WasmEngine.Compile(Wasm3Modules.TypedFuncRefs(), WasmFeatures.Wasm2);

        Assert.False(outcome.Succeeded);
        Assert.Equal(WasmErrorKind.Malformed, outcome.Error);
    }
}
